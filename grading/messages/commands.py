"""Dutch texts for the trainer: the trainer command's help and its hub commands."""


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
    HELP_WORKERS = "Hoeveel processorkernen nakijken gebruikt (standaard: alle)."
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
    HELP_REMOVE_LEARNER = (
        "Verwijder DEELNEMER uit het cohort: uit het cijferbestand, met inleveringen, "
        "feedback, uitdeel- en inleverpakketten. Vraagt eerst of je het zeker weet."
    )
    HELP_YES = "Niet vragen of je het zeker weet."
    REMOVE_CONFIRM = "Weet je het zeker? Dit kan niet ongedaan worden. Typ ja om te verwijderen"
    HELP_PURGE_REPLACED = (
        "Verwijder vervangen inleveringen (map vervangen/) die langer dan DAGEN geleden zijn "
        "vervangen. Bij elke importeer-pakketten gebeurt dit ook, met 30 dagen."
    )
    HELP_DAYS = "Hoeveel dagen een vervangen inlevering blijft (standaard: 30; 0 = alles weg)."
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
    HELP_HUB_DATABASE = (
        "Database van de hub zelf, als SQLAlchemy-URL, bijvoorbeeld "
        "postgresql+psycopg://hub:WACHTWOORD@db.example.nl/hub (standaard: een SQLite-bestand "
        "in de hubmap)."
    )
    HELP_THRESHOLD = "Onder dit percentage heeft een deelnemer aandacht nodig (standaard: 70)."
    # The nakijken screen
    PROGRESS = "Nakijken {assignment}"
    TABLE_TITLE = "Resultaat per deelnemer: {assignment}"
    NO_SUBMISSIONS = "Er zijn nog geen inleveringen van opdracht '{assignment}'."


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
    BAD_DATABASE = (
        "'{url}' is geen database die de hub kan gebruiken. Gebruik een URL die begint met "
        "postgresql+psycopg:// of sqlite:///."
    )
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
