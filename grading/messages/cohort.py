"""Dutch texts for the trainer: a cohort, its sources, exchange, hand-out packages and learners."""


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


class LearnerDataText:
    """Texts of grading/learner_data.py (removing a learner, replaced hand-ins)."""

    UNKNOWN = "{learner} staat niet in deze cohort: niet in het cijferbestand en geen bestanden."
    WILL_REMOVE = "Dit wordt verwijderd van {learner}:"
    GRADEBOOK = (
        "- de deelnemer in het cijferbestand: naam, e-mail, inleveringen, cijfers, opmerkingen"
    )
    SENT_ENTRY = "(de regel over wat naar deze deelnemer is gemaild)"
    STOPPED = "Niets verwijderd."
    REMOVED = (
        "{learner} is verwijderd uit de cohort (cijferbestand en {count} bestanden of mappen). "
        "Let op: een export of backup die je eerder maakte, bevat de gegevens nog."
    )
    BAD_DAYS = "Het aantal dagen kan niet negatief zijn."
    PURGED = (
        "{count} vervangen inlevering(en) van meer dan {days} dagen geleden verwijderd uit de "
        "map vervangen/."
    )
