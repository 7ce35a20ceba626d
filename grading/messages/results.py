"""Dutch texts for the trainer about results: autograde, hand-in import, feedback, export."""


class AutogradeText:
    """Texts of the parallel autograde and its report."""

    TIMEOUT_LINE = "Deze cel duurde te lang (meer dan {seconds} seconden) en is gestopt."
    GRADED = "nagekeken"
    FAILED = "mislukt"
    SKIPPED = "al nagekeken"
    NO_GRADEBOOK = "Dit cohort heeft nog geen cijferlijst ({url}). Deel eerst een opdracht uit."
    NO_ASSIGNMENT = (
        "Opdracht '{assignment}' is nog niet uitgedeeld in dit cohort. "
        "Deel de opdracht eerst uit (trainer uitdelen {assignment})."
    )
    BAD_WORKERS = "Het aantal werkers (processorkernen) moet 1 of meer zijn (je gaf {value})."
    BAD_TIMEOUT = "De tijdslimiet per cel moet 1 seconde of meer zijn (je gaf {value})."
    NO_NOTEBOOK = "In de inlevering staat geen notebook van deze opdracht."
    NOTEBOOK_UNREADABLE = (
        "Het notebook {notebook} is beschadigd en kan niet worden gelezen. "
        "Vraag de deelnemer om de opdracht opnieuw in te leveren."
    )
    KERNEL_DIED = (
        "Python stopte onverwacht tijdens het nakijken van {notebook} "
        "(bijvoorbeeld door te weinig geheugen). Er is niets opgeslagen."
    )
    KERNEL_START = "Python kon niet starten voor {notebook}. Er is niets opgeslagen."
    UNEXPECTED = "Onverwachte fout bij {notebook}: {error}. Er is niets opgeslagen."
    WORKER_LOST = "Het nakijken van deze inlevering is onderbroken. Er is niets opgeslagen."
    TIMED_OUT_ONE = "1 cel duurde te lang en is gestopt."
    TIMED_OUT_MANY = "{count} cellen duurden te lang en zijn gestopt."
    OPEN_ONE = "1 open vraag moet je nog beoordelen."
    OPEN_MANY = "{count} open vragen moet je nog beoordelen."
    RESUBMITTED = "Opnieuw ingeleverd na het vorige nakijken: opnieuw nagekeken."
    RETRY_HINT = "Start het nakijken opnieuw: wat al klaar is, wordt overgeslagen."
    COL_LEARNER = "Deelnemer"
    COL_RESULT = "Resultaat"
    COL_SCORE = "Score"
    COL_NOTE = "Toelichting"
    SCORE = "{score} van {max_score}"
    SUMMARY = (
        "{graded} nagekeken, {failed} mislukt, {skipped} al eerder nagekeken. "
        "Tijd: {seconds} seconden op {workers} processorkernen."
    )


class SubmissionText:
    """Notes on a submission's answers file (package import and nakijken)."""

    ANSWERS_MISSING = (
        "LET OP: geen antwoordenbestand ({file}); de deelnemer heeft niets opgeslagen."
    )
    ANSWERS_EMPTY = "LET OP: het antwoordenbestand ({file}) is leeg; er is niets ingevuld."
    ANSWERS_DAMAGED = (
        "LET OP: het antwoordenbestand ({file}) is beschadigd; de antwoorden tellen niet."
    )


class HandinImportText:
    """Texts of grading/handin_import.py."""

    PURGED = (
        "{count} vervangen inlevering(en) van meer dan {days} dagen geleden zijn verwijderd "
        "uit de map vervangen/."
    )
    NO_FOLDER = "De map {folder} bestaat niet."
    UNKNOWN_ASSIGNMENT = "De opdracht '{assignment}' bestaat niet in deze cohort."
    ACCEPTED = "ingelezen ({files} bestanden)"
    REPLACED = "ingelezen ({files} bestanden); de oudere inlevering staat nu in {backup}"
    SAME = "al eerder ingelezen (hetzelfde pakket)"
    OLDER = "niet gebruikt: er is al een nieuwere inlevering van {learner} (van {existing})"
    NOT_A_ZIP = "geen zip-bestand; vraag de deelnemer om het inleverpakket uit het startnotebook"
    CORRUPT = (
        "beschadigd zip-bestand (niet helemaal gedownload of kapot); "
        "vraag de deelnemer om een nieuw pakket"
    )
    CORRUPT_FILE = (
        "beschadigd zip-bestand: '{name}' kan niet worden uitgepakt (de inhoud is kapot); "
        "vraag de deelnemer om een nieuw pakket"
    )
    UNSUPPORTED = (
        "dit zip-bestand is ingepakt op een manier die niet wordt ondersteund; "
        "vraag de deelnemer om het inleverpakket uit het startnotebook"
    )
    UNEXPECTED = (
        "kon niet worden gelezen (onverwachte fout: {error}); "
        "vraag de deelnemer om een nieuw pakket"
    )
    BAD_MANIFEST = "het bestand inleverpakket.json in het pakket is beschadigd"
    BAD_NOTEBOOK = "het notebook '{name}' is beschadigd (geen geldig notebook)"
    ENCRYPTED = "het pakket heeft een wachtwoord"
    DOUBLE_ENTRY = "het bestand '{name}' staat er twee keer in"
    UNKNOWN_NAME = (
        "van wie is dit pakket? De naam hoort {learner}_{assignment}.zip te zijn "
        "en er staat geen inleverpakket.json in"
    )
    WRONG_ASSIGNMENT = "verkeerde opdracht: dit pakket is voor '{found}', niet voor '{assignment}'"
    UNKNOWN_LEARNER = (
        "onbekende deelnemer '{learner}': staat niet in het cijferboek (importeer-deelnemers)"
    )
    SUPERSEDED = "ouder pakket: het nieuwere {other} (gemaakt {when}) is gebruikt"
    ESCAPES = "onveilig: het pad '{name}' wijst buiten de map; niets uitgepakt"
    ABSOLUTE = "onveilig: '{name}' is een absoluut pad; niets uitgepakt"
    SYMLINK = "onveilig: '{name}' is een snelkoppeling (symlink); niets uitgepakt"
    TOO_BIG_ZIP = "te groot: het pakket is {size} MB (hooguit {limit} MB)"
    TOO_BIG_FILE = "te groot: '{name}' is {size} MB (hooguit {limit} MB per bestand)"
    TOO_BIG_TOTAL = "te groot: uitgepakt meer dan {limit} MB"
    TOO_MANY = "te veel bestanden ({count}; hooguit {limit})"
    NO_NOTEBOOK = "er staat geen notebook van opdracht '{assignment}' in (verwacht: {expected})"
    STATUS = {"accepted": "ingelezen", "skipped": "overgeslagen", "rejected": "GEWEIGERD"}
    WARNING = "LET OP"
    WARNINGS = "{count} ingelezen pakket(ten) met LET OP: kijk naar het antwoordenbestand."
    HEADER = ("Pakket", "Deelnemer", "Uitkomst", "Toelichting")
    SUMMARY = (
        "{accepted} van {total} pakketten ingelezen, {rejected} geweigerd, {skipped} overgeslagen."
    )
    NOTHING = "In {folder} staan geen pakketten."
    LEARNER_PLACEHOLDER = "<deelnemer>"


class RubricText:
    """The heading of the rubric cell the trainer sees in the formgrader."""

    HEADING = "### Beoordelingsmodel (alleen voor de trainer)"
    NOTE = "*De deelnemer ziet dit niet. Het staat ook niet in de feedback.*"


class FeedbackText:
    # The feedback page
    PAGE_TITLE = "Feedback: {assignment}"
    HEADING = "Feedback op je opdracht"
    ASSIGNMENT = "Opdracht: {assignment}"
    NOTEBOOK = "Notebook: {notebook}"
    SUMMARY = "Jouw score"
    TOTAL = "Je hebt {score} van de {max_score} punten ({percentage}%)."
    LATE = "Je hebt de opdracht te laat ingeleverd. Daarom gaan er {penalty} punten af."
    OPEN_PENDING = (
        "Je trainer heeft nog niet alle open vragen beoordeeld. Je score kan nog veranderen."
    )
    TABLE_CAPTION = "Punten per vraag"
    COLUMN_QUESTION = "Vraag"
    COLUMN_POINTS = "Jouw punten"
    COLUMN_MAX = "Maximaal"
    COLUMN_STATUS = "Resultaat"
    DETAILS = "Je antwoorden en de uitleg"
    YOUR_ANSWER = "Jouw antwoord"
    POINTS = "{score} van {max_score} punten"
    POINTS_ONE = "{score} van 1 punt"
    TRAINER_COMMENT = "Opmerking van je trainer"
    NO_ANSWER = "Je hebt deze vraag niet beantwoord."
    TO_TOP = "Naar boven"
    # Result per question
    RIGHT = "Goed"
    PARTLY = "Deels goed"
    WRONG = "Nog niet goed"
    UNANSWERED = "Niet beantwoord"
    PENDING = "Nog niet beoordeeld"
    GRADED = "Beoordeeld"
    # Lines for errors that are not one of the course's own Dutch messages
    TIMEOUT = "Deze vraag kon niet worden nagekeken: het nakijken duurde te lang."
    CRASHED = "Bij het nakijken van deze vraag ging iets mis. Je trainer kijkt ernaar."
    # The feedback command
    NO_ASSIGNMENT = "Opdracht '{assignment}' staat niet in het cijferboek van dit cohort."
    NO_SUBMISSIONS = "Er is nog niets ingeleverd voor opdracht '{assignment}'."
    UNKNOWN_LEARNER = "Deelnemer '{learner}' heeft opdracht '{assignment}' niet ingeleverd."
    NOT_AUTOGRADED = "nog niet nagekeken (voer eerst het nakijken uit)"
    OPEN_ITEMS = "open vragen nog niet beoordeeld: {items}"
    FAILED = "feedback maken lukte niet: {reason}"
    NO_SECRET = "niet ingeleverd via de uitwisselmap: geef het bestand zelf aan de deelnemer"
    RELEASE_FAILED = "vrijgeven lukte niet: {reason}"
    NO_EXCHANGE = "Dit cohort heeft geen uitwisselmap (exchange): feedback niet vrijgegeven."
    MADE = "Feedback gemaakt voor {count} deelnemer(s):"
    MADE_LINE = "  {learner}: {files}"
    SKIPPED = "Geen feedback gemaakt voor {count} deelnemer(s):"
    SKIPPED_LINE = "  {learner}: {reason}"
    RELEASED = "Vrijgegeven in de uitwisselmap voor {count} deelnemer(s): {learners}"
    NOT_RELEASED = "Niet vrijgegeven voor {count} deelnemer(s):"
    HINT_OPEN = "Beoordeel eerst de open vragen in de formgrader, of gebruik --ook-niet-beoordeeld."
    NOT_FULLY_GRADED = (
        "Geen feedback: deze open vragen zijn nog niet beoordeeld: {items}. Beoordeel ze eerst, "
        "of maak de feedback toch met 'trainer feedback OPDRACHT --ook-niet-beoordeeld'."
    )


class SendoutText:
    """Texts of the feedback send-out and its e-mail."""

    SUBJECT = "Feedback op je opdracht {assignment}"
    BODY = (
        "Beste {first_name},\n\n"
        "In de bijlage staat de feedback op je opdracht {assignment}. Open het bestand in je "
        "browser: je ziet je punten, je antwoorden en de uitleg bij elke vraag.\n\n"
        "Heb je een vraag? Beantwoord dan deze e-mail.\n\n"
        "Met vriendelijke groet,\nJe trainer\n"
    )
    FOLDER = "Klaar om te versturen, één bestand per deelnemer: {folder}"
    NO_SETTINGS = (
        "Deze cohort heeft nog geen e-mailinstellingen. Zet ze met 'trainer e-mail-instellen "
        "--server SERVER --afzender ADRES'; de bestanden in de map uitsturen kun je ook zelf "
        "versturen."
    )
    NO_CONNECTION = (
        "De mailserver {server}:{port} is niet bereikbaar ({reason}). Er is niets verstuurd; "
        "de bestanden staan klaar in de map uitsturen."
    )
    LOGIN_FAILED = (
        "Inloggen op de mailserver als {user} lukte niet. Klopt het wachtwoord in {env}? "
        "Er is niets verstuurd."
    )
    NO_ADDRESS = "geen e-mailadres in het cijferboek (importeer-deelnemers)"
    ALREADY_SENT = "al verstuurd op {when} (hetzelfde bestand; --opnieuw-mailen stuurt opnieuw)"
    REFUSED = "de mailserver weigert het adres {email}"
    SEND_FAILED = "versturen lukte niet ({reason})"
    SENT = "Per e-mail verstuurd aan {count} deelnemer(s):"
    NOT_SENT = "Niet verstuurd aan {count} deelnemer(s):"
    FAILED = "Versturen mislukt voor {count} deelnemer(s):"
    LINE = "  {learner}: {text}"


class ExportText:
    # Column headings of the overview (wide table) and the other tables
    LEARNER = "deelnemer"
    NAME = "naam"
    SCORE_COLUMNS = {
        "learner": "deelnemer",
        "assignment": "opdracht",
        "score": "score",
        "max_score": "maximum",
        "open_items": "nog te beoordelen",
        "late": "te laat",
    }
    ASSIGNMENT = "opdracht"
    SCORE = "score"
    MAX = "maximum"
    PERCENTAGE = "percentage"
    OPEN = "open vragen"
    LATE = "te laat"
    QUESTION = "vraag"
    NOTEBOOK = "notebook"
    CELL = "cel"
    SUBMITTED_COUNT = "ingeleverd"
    WRONG_COUNT = "0 punten"
    WRONG_SHARE = "aandeel 0 punten (%)"
    REASONS = "waarom"
    COUNT = "aantal aandachtspunten"
    SUBMITTED_SHARE = "ingeleverd (%)"
    PASSED_SHARE = "voldoende (%)"
    YES = "ja"
    NO = "nee"
    QUESTION_LABEL = "Vraag {number}"
    # Reasons a learner needs attention
    BELOW = "{assignment}: {percentage}% (minder dan {threshold}%)"
    OPEN_ITEMS = "{assignment}: {count} open vraag/vragen nog niet beoordeeld"
    LATE_REASON = "{assignment}: te laat ingeleverd"
    MISSING = "{assignment}: niet ingeleverd"
    # Excel sheets
    SHEET_OVERVIEW = "Overzicht"
    SHEET_SCORES = "Scores"
    SHEET_QUESTIONS = "Moeilijke vragen"
    SHEET_ATTENTION = "Aandacht nodig"
    # Charts
    NO_DATA = "Nog geen gegevens"
    PROGRESS_TITLE = "Voortgang per module"
    PROGRESS_SUBMITTED = "ingeleverd"
    PROGRESS_PASSED = "voldoende ({threshold}% of meer, alles beoordeeld)"
    SHARE_OF_LEARNERS = "deelnemers (%)"
    DISTRIBUTION_TITLE = "Verdeling van de scores"
    SCORE_PERCENT = "score (%)"
    THRESHOLD_LINE = "grens {threshold}%"
    HARDEST_TITLE = "Vragen die het vaakst fout gaan"
    HARDEST_AXIS = "deelnemers met 0 punten (%)"
    ATTENTION_TITLE = "Deelnemers die aandacht nodig hebben"
    # The exporteer command
    EMPTY = "Het cijferboek is nog leeg: er is nog niets nagekeken."
    WRITTEN = "Geschreven:"
    WRITTEN_LINE = "  {path}"
    ATTENTION_COUNT = "{count} deelnemer(s) hebben aandacht nodig:"
    ATTENTION_LINE = "  {learner}: {reasons}"
    NOBODY = "Niemand heeft op dit moment extra aandacht nodig."


class DashboardText:
    """Texts of ``trainer dashboard``."""

    MADE = "Het dashboard staat nu in {path}."
    THERE = "Het dashboard staat al in {path} (niets veranderd)."
    HOW = (
        "Open het in JupyterLab in de cohortmap (cd {root} && jupyter lab dashboard.ipynb) "
        "en kies Run All Cells, of gebruik 'trainer dashboard --openen'."
    )
    STARTING = "JupyterLab start met het dashboard. Stoppen: Ctrl+C."
