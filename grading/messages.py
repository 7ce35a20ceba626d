"""Every Dutch text a trainer reads from the grading package, in one place."""


class CliText:
    """Texts of grading/cli.py: help, errors and the nakijken screen."""

    ERROR = "Fout: {message}"
    HELP_HINT = "Zie 'trainer --help' of 'trainer COMMANDO --help' voor uitleg."
    USAGE_ERRORS = (
        (r"Missing argument '(.+)'\.", r"Het argument \1 ontbreekt."),
        (r"Missing option '(.+)'\.", r"De optie \1 ontbreekt."),
        (r"No such option: (\S+)", r"Deze optie bestaat niet: \1"),
        (r"No such command '(.+)'\.", r"Dit commando bestaat niet: \1."),
        (r"Got unexpected extra arguments? \((.+)\)", r"Te veel argumenten: \1"),
        (r"Invalid value for '(.+?)': ", r"Ongeldige waarde voor \1: "),
        (r"Option '(.+)' requires an argument\.", r"Na de optie \1 hoort een waarde."),
    )
    OPTIONS_METAVAR = "[OPTIES]"
    COMMAND_METAVAR = "COMMANDO [ARGUMENTEN]..."
    FOLDER_METAVAR = "MAP"
    NUMBER = "AANTAL"
    SECONDS = "SECONDEN"
    INTERRUPTED = "Gestopt. Wat al klaar was, is bewaard: start hetzelfde commando opnieuw."
    HELP_MAIN = (
        "Sleutelpersonen Werken voor trainers: een cohort van uitdelen tot feedback. "
        "Elk commando werkt op de cohortmap in --cohort (standaard: de map waar je nu bent)."
    )
    USAGE = "Gebruik: "
    OPTIONS = "Opties"
    COMMANDS = "Commando's"
    HELP_HELP = "Toon deze uitleg en stop."
    HELP_COHORT = "De cohortmap, met nbgrader_config.py (standaard: de map waar je nu bent)."
    HELP_NEW = (
        "Maak een nieuwe cohortmap MAP, buiten de repository (er komen namen en e-mailadressen in)."
    )
    HELP_DATABASE = "SQLAlchemy-URL van het cijferboek (standaard: SQLite in de cohortmap)."
    HELP_EXCHANGE = (
        "Uitwisselmap van nbgrader, gedeeld met de deelnemers (alleen met een JupyterHub "
        "of op één computer; zonder hub: weglaten)."
    )
    HELP_COURSE_ID = (
        "Naam van het cohort in de uitwisselmap en op de hub (standaard: sleutelpersonen); "
        "geef elk cohort op één hub een eigen naam, bijvoorbeeld cohort-2027."
    )
    HELP_CHANGE = "Geef een bestaand cohort een uitwisselmap of een andere cursus-id."
    HELP_IMPORT_LEARNERS = (
        "Lees deelnemers in uit een CSV- of Excel-bestand (id, voornaam, achternaam, e-mail)."
    )
    HELP_RELEASE = (
        "Deel OPDRACHT uit: via de uitwisselmap als het cohort er een heeft, anders als "
        "uitdeelpakketten (zip) per deelnemer en voor de groep, in de map 'uitdelen'."
    )
    HELP_RELEASE_AGAIN = "Deel een opdracht die al is uitgedeeld opnieuw uit."
    HELP_COLLECT = "Haal de ingeleverde opdrachten op uit de uitwisselmap."
    HELP_IMPORT_PACKAGES = "Lees een MAP met inleverpakketten (zip-bestanden) in voor OPDRACHT."
    HELP_AUTOGRADE = "Kijk alle inleveringen van OPDRACHT tegelijk na."
    HELP_WORKERS = "Hoeveel notebooks tegelijk draaien (standaard: het aantal processorkernen)."
    HELP_TIMEOUT = "Tijdslimiet per cel in seconden (standaard: 20)."
    HELP_AUTOGRADE_AGAIN = "Kijk alles opnieuw na, ook wat al is nagekeken."
    HELP_FEEDBACK = "Maak Nederlandse feedback voor OPDRACHT en geef die vrij."
    HELP_FEEDBACK_LEARNER = "Alleen voor deze deelnemer (mag vaker)."
    HELP_FEEDBACK_UNFINISHED = "Ook feedback maken als nog niet alle open vragen beoordeeld zijn."
    HELP_FEEDBACK_RELEASE = (
        "Feedback in de uitwisselmap zetten (standaard: ja, als het cohort er een heeft)."
    )
    HELP_FEEDBACK_MAIL = (
        "Stuur elke deelnemer de eigen feedback per e-mail (instellingen: trainer "
        "e-mail-instellen); wat al ongewijzigd verstuurd is, gaat niet nog eens."
    )
    HELP_FEEDBACK_MAIL_AGAIN = "Stuur de feedback per e-mail, ook aan wie hem al kreeg."
    HELP_MAIL_SETTINGS = (
        "Bewaar hoe feedback per e-mail gaat (SMTP). Het wachtwoord staat nooit in een "
        "bestand: zet het in de omgevingsvariabele SLEUTELPERSONEN_SMTP_WACHTWOORD."
    )
    HELP_MAIL_SERVER = "De mailserver (SMTP), bijvoorbeeld smtp.voorbeeld.nl."
    HELP_MAIL_PORT = "De poort van de mailserver (standaard: 587)."
    HELP_MAIL_SENDER = "Het afzenderadres, bijvoorbeeld 'Trainer <trainer@voorbeeld.nl>'."
    HELP_MAIL_USER = "De gebruikersnaam op de mailserver (leeg: niet inloggen)."
    HELP_MAIL_SECURITY = (
        "starttls (standaard), ssl, of geen (alleen voor een server op deze computer)."
    )
    ADDRESS = "ADRES"
    NAME = "NAAM"
    HELP_EXPORT = "Exporteer de scores naar CSV en Excel en toon wie aandacht nodig heeft."
    HELP_EXPORT_FOLDER = "Waar de bestanden komen (standaard: de map 'export' in de cohortmap)."
    HELP_DASHBOARD = (
        "Zet het dashboard (voortgang, scores, wie aandacht nodig heeft) in de cohortmap."
    )
    HELP_DASHBOARD_OPEN = "Start meteen JupyterLab met het dashboard."
    HELP_HUB = "Een JupyterHub voor het cohort op deze computer (als root, met sudo)."
    HELP_HUB_ACCOUNTS = (
        "Maak systeemaccounts voor de deelnemers (uit het cijferboek) en de trainers; "
        "de wachtwoorden van nieuwe accounts komen in een bestand voor root."
    )
    HELP_HUB_START = "Start de hub voor het cohort; stoppen met Ctrl+C."
    HELP_HUB_TRAINER = "Accountnaam van een trainer (mag vaker)."
    HELP_HUB_DIR = "Map voor de gegevens van de hub (standaard /var/lib/sleutelpersonen-hub/…)."
    HELP_HUB_IP = (
        "Adres waarop de hub luistert (standaard 127.0.0.1: alleen deze computer; "
        "0.0.0.0: iedereen in het netwerk, zet er dan HTTPS voor)."
    )
    HELP_HUB_PORT = "Poort van de hub (standaard: 8000)."
    HELP_THRESHOLD = "Onder dit percentage heeft een deelnemer aandacht nodig (standaard: 70)."
    # The nakijken screen
    PROGRESS = "Nakijken {assignment}"
    TABLE_TITLE = "Resultaat per deelnemer: {assignment}"
    NO_SUBMISSIONS = "Er zijn nog geen inleveringen van opdracht '{assignment}'."


class CohortText:
    """Texts of grading/cohort.py."""

    NOT_A_COHORT = "De map {root} is geen cohortmap: het bestand {config} ontbreekt."
    NO_EXCHANGE = (
        "Deze cohort heeft geen uitwisselmap (dat hoort bij werken met een JupyterHub of op "
        "één computer). Maak de cohort met 'trainer nieuw MAP --uitwisseling UITWISSELMAP'."
    )
    EXISTS = "{path} is al een cohort. Er is niets veranderd."
    IN_REPOSITORY = (
        "{root} ligt in de git-map {checkout}. Een cohort bevat namen en e-mailadressen; "
        "kies een map buiten de repository, bijvoorbeeld ~/cohort-2027."
    )
    CREATED = "Cohort gemaakt in {path}. Importeer nu de deelnemers."
    MAIL_COMMENT = (
        "Het wachtwoord staat hier nooit: zet het in de omgevingsvariabele "
        "SLEUTELPERSONEN_SMTP_WACHTWOORD."
    )
    MAIL_NO_SERVER = "Noem de mailserver (--server)."
    MAIL_BAD_PORT = "De poort {port} bestaat niet (1 tot en met 65535)."
    MAIL_BAD_SENDER = "Het afzenderadres '{sender}' is geen e-mailadres."
    MAIL_BAD_SECURITY = "Beveiliging '{value}' ken ik niet: kies starttls, ssl of geen."
    MAIL_SAVED = (
        "E-mailinstellingen bewaard: {server}:{port}, afzender {sender}. Zet het wachtwoord "
        "(als de server er een vraagt) in SLEUTELPERSONEN_SMTP_WACHTWOORD."
    )
    COHORT_FILE_COMMENT = (
        "Het cursusjaar van deze cohort: opdrachten en antwoordsleutels horen bij dit jaar."
    )
    COURSE_ID_IN_USE = (
        "Het cijferboek heeft al opdrachten onder de cursus-id '{course_id}'. Die blijft; "
        "maak voor een andere naam een nieuw cohort."
    )
    CHANGED = "Het cohort heet nu '{course_id}' in de uitwisselmap; uitwisselmap: {exchange}."
    NONE = "geen"
    BAD_COURSE_ID = (
        "'{course_id}' kan geen cursus-id zijn: gebruik kleine letters, cijfers, - en _, "
        "begin met een letter, hoogstens 23 tekens."
    )


class DashboardText:
    """Texts of ``trainer dashboard``."""

    MADE = "Het dashboard staat nu in {path}."
    THERE = "Het dashboard staat al in {path} (niets veranderd)."
    HOW = (
        "Open het in JupyterLab in de cohortmap (cd {root} && jupyter lab dashboard.ipynb) "
        "en kies Run All Cells, of gebruik 'trainer dashboard --openen'."
    )
    STARTING = "JupyterLab start met het dashboard. Stoppen: Ctrl+C."


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


class SubmissionText:
    """Notes on a submission's answers file (package import and nakijken)."""

    ANSWERS_MISSING = (
        "LET OP: geen antwoordenbestand ({file}); de deelnemer heeft niets opgeslagen."
    )
    ANSWERS_EMPTY = "LET OP: het antwoordenbestand ({file}) is leeg; er is niets ingevuld."
    ANSWERS_DAMAGED = (
        "LET OP: het antwoordenbestand ({file}) is beschadigd; de antwoorden tellen niet."
    )


class SourceText:
    """Texts of grading/source.py."""

    NO_SOURCE = "De opdracht '{assignment}' bestaat niet in deze versie van de cursus."
    MISSING_FACTS = (
        "De opdracht '{assignment}' noemt feiten die voor {year} nog geen waarde hebben. "
        "Vul ze aan in course/data (met bron) of kies een ander cursusjaar.\n{problems}"
    )


class ExchangeText:
    """Texts of grading/exchange.py."""

    UNKNOWN_ASSIGNMENT = "De opdracht '{assignment}' bestaat niet. Kies uit: {known}."
    ALREADY_RELEASED = (
        "De opdracht '{assignment}' is al uitgedeeld. Wil je hem opnieuw uitdelen "
        "(bijvoorbeeld na een verbetering)? Gebruik dan --opnieuw."
    )
    FAILED = "nbgrader kon '{step}' niet uitvoeren voor '{assignment}':\n{output}"
    RELEASED = "Opdracht '{assignment}' is uitgedeeld. Deelnemers kunnen hem nu ophalen."
    NOTHING_TO_COLLECT = "Er is nog niets ingeleverd voor '{assignment}'."
    COLLECTED = "Opgehaald voor '{assignment}': {count} inleveringen."
    NEW = "nieuw"
    UPDATED = "bijgewerkt (nieuwere versie)"
    SAME = "al opgehaald"
    UNKNOWN_LEARNER = "LET OP: staat niet in het cijferboek; lees de deelnemers eerst in"
    LINE = "- {learner}: {status}"


class HandoutText:
    """Texts of grading/handout.py: hand-out packages without a hub."""

    GROUP = "Iedereen"
    GREETING = "Hallo {name},\n\n"
    ALREADY = (
        "De opdracht '{assignment}' is al uitgedeeld: de pakketten staan in {folder}. "
        "Wil je nieuwe pakketten maken (bijvoorbeeld na een verbetering of voor nieuwe "
        "deelnemers)? Gebruik dan --opnieuw. Wie al begonnen is, houdt de antwoorden."
    )
    GENERATE_FAILED = (
        "nbgrader kon de opdracht '{assignment}' niet klaarmaken (generate_assignment):\n{output}"
    )
    NOTHING_RELEASED = "Na het klaarmaken staat er geen notebook van '{assignment}' in {folder}."
    MADE = (
        "Opdracht '{assignment}' staat klaar als uitdeelpakket in {folder}: "
        "1 voor de groep en {learners} per deelnemer."
    )
    NEXT = (
        "Stuur elke deelnemer het eigen pakket (of het pakket 'Iedereen'), met de tekst uit "
        "{instruction}."
    )
    NO_LEARNERS = (
        "Er staan nog geen deelnemers in het cijferboek, dus er is alleen een groepspakket. "
        "Lees ze in met 'trainer importeer-deelnemers' en deel uit met --opnieuw."
    )
    PACKAGE_INSTRUCTION = """{greeting}In dit zip-bestand staat de opdracht {assignment}.

Zo open je de opdracht:
1. Start de cursus op je computer. Je ziet de startpagina.
2. Klik bij "Je opdrachten" op de knop Opdracht openen.
3. Kies dit zip-bestand. Je hoeft het niet eerst uit te pakken.
4. Klik op de link "Open de opdracht {assignment}".

Klaar? Klik onderaan de opdracht op Inleveren.
Je krijgt dan een link naar een inleverpakket. Sla dat bestand op.
Stuur het naar je trainer, bijvoorbeeld als bijlage bij een e-mail.
"""
    MAIL_INSTRUCTION = """Onderwerp: opdracht {assignment}

Hallo,

In de bijlage staat de opdracht {assignment}. Het is een zip-bestand.

Zo open je de opdracht:
1. Start de cursus op je computer. Je ziet de startpagina.
2. Klik bij "Je opdrachten" op de knop Opdracht openen.
3. Kies het zip-bestand uit deze e-mail. Je hoeft het niet eerst uit te pakken.
4. Klik op de link "Open de opdracht {assignment}".

Je antwoorden worden vanzelf bewaard. Je kunt stoppen en later verder gaan.

Klaar? Klik onderaan de opdracht op Inleveren.
Je krijgt dan een link naar een inleverpakket. Sla dat bestand op.
Stuur het naar mij terug, als bijlage bij een e-mail.

Groet,
"""


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


class HandinImportText:
    """Texts of grading/handin_import.py."""

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


class LearnersText:
    """Texts of grading/learners.py."""

    NOTHING_IMPORTED = "Er is niemand ingelezen. Los eerst {count} in {file} op:"
    ONE_PROBLEM = "dit probleem"
    MANY_PROBLEMS = "deze {count} problemen"
    ROW = "rij {row}: {message}"
    NOT_FOUND = "Het bestand bestaat niet."
    UNKNOWN_TYPE = (
        "Dit soort bestand kan niet worden gelezen ({suffix}). "
        "Sla het op als .csv of .xlsx en probeer het opnieuw."
    )
    UNREADABLE = "Het bestand kan niet worden gelezen: {reason}"
    NOT_TEXT = (
        "dit is geen CSV- of Excel-bestand. Sla de lijst in Excel op als .xlsx of .csv "
        "(Bestand > Opslaan als) en probeer het opnieuw."
    )
    EMPTY = "Het bestand bevat geen deelnemers."
    MISSING_COLUMNS = (
        "De kolom(men) {missing} ontbreken. Nodig zijn: id, voornaam, achternaam, e-mail. "
        "Gevonden kolommen: {found}."
    )
    DOUBLE_COLUMN = "De kolommen {columns} betekenen allebei '{field}'. Houd er één over."
    FIELD_NAMES = {
        "id": "id",
        "first_name": "voornaam",
        "last_name": "achternaam",
        "email": "e-mail",
        "infix": "tussenvoegsel",
    }
    NO_ID = "het id (deelnemersnummer) ontbreekt."
    BAD_ID = (
        "het id '{value}' kan nbgrader niet gebruiken. Gebruik alleen letters, cijfers, "
        "een punt, een streepje (-) of een liggend streepje (_); geen spaties, geen / of +; "
        "begin met een letter of cijfer; hooguit 64 tekens."
    )
    DUPLICATE_ID = "het id '{value}' staat ook in rij {other}."
    CASE_CLASH = (
        "het id '{value}' lijkt op '{existing}', dat al in het cijferboek staat. "
        "Gebruik precies '{existing}'."
    )
    NO_FIRST_NAME = "de voornaam ontbreekt."
    NO_LAST_NAME = "de achternaam ontbreekt."
    NO_EMAIL = "het e-mailadres ontbreekt."
    BAD_EMAIL = "het e-mailadres '{value}' klopt niet."
    DUPLICATE_EMAIL = "het e-mailadres '{value}' staat ook in rij {other}."
    TOO_LONG = "de {field} is te lang (hooguit 128 tekens)."
    DATABASE = "Het cijferboek kon niet worden bijgewerkt; er is niets veranderd. ({reason})"
    DONE = "{total} deelnemers ingelezen: {added} nieuw, {updated} bijgewerkt, {unchanged} gelijk."


class RubricText:
    """The heading of the rubric cell the trainer sees in the formgrader."""

    HEADING = "### Beoordelingsmodel (alleen voor de trainer)"
    NOTE = "*De deelnemer ziet dit niet. Het staat ook niet in de feedback.*"


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
    BAD_WORKERS = "Het aantal werkers moet 1 of meer zijn (je gaf {value})."
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
        "Tijd: {seconds} seconden met {workers} werkers."
    )


class HubText:
    """Texts of grading/hub.py, grading/hub_accounts.py and ``python -m grading.hub``."""

    NO_EXCHANGE = (
        "Het cohort in {root} heeft geen uitwisselmap. Maak het cohort met "
        "'trainer nieuw MAP --uitwisseling UITWISSELMAP'."
    )
    NO_TRAINERS = "Noem minstens één trainer met --trainer NAAM."
    NO_LEARNERS = (
        "Er staan nog geen deelnemers in het cijferboek van {root}. Lees ze eerst in met "
        "'trainer importeer-deelnemers'."
    )
    BOTH_ROLES = "Deze namen staan bij de deelnemers én bij de trainers: {names}."
    NOT_INSTALLED = "JupyterHub is niet geïnstalleerd. Voer eerst 'make hub' uit."
    NO_PROXY = "De proxy van de hub (configurable-http-proxy) ontbreekt. Voer 'make hub' uit."
    NOT_ROOT = (
        "Start de hub als root (sudo): hij start de server van elke gebruiker als die gebruiker."
    )
    START_FAILED = "De hub startte niet. Wat er misging, staat in {log}."
    ACCOUNT_FAILED = "Het account kon niet worden gemaakt ({command}): {output}"
    BAD_NAME = (
        "'{name}' kan geen accountnaam zijn: gebruik kleine letters, cijfers, - en _, "
        "begin met een letter, hoogstens 32 tekens."
    )
    ACCOUNTS_MADE = "{count} nieuwe accounts. De wachtwoorden staan in {path} (alleen voor root)."
    NO_NEW_ACCOUNTS = "Alle accounts bestonden al."
    RUNNING = "De hub draait. Deelnemers en trainers loggen in op:"
    STOP_HINT = "Stoppen: druk op Ctrl+C."
    LOGIN_ANNOUNCEMENT = "Log in met de accountnaam en het wachtwoord die je van je trainer kreeg."
    NO_SERVER_PYTHON = (
        "De servers van deelnemers en trainers kunnen {python} niet starten (de map is "
        "afgesloten voor andere accounts) en er is geen Python van dezelfde versie voor "
        "iedereen. Installeer de cursus met een Python die elk account mag starten, "
        "bijvoorbeeld in /opt met /usr/bin/python3."
    )
    STOPPED = "De hub is gestopt, met de servers van alle deelnemers en trainers."
