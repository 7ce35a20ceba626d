"""Dutch texts of the notebook API: answers, practice, progress, glossary, hand-in."""

# Answer widgets (graded questions)
YOUR_ANSWER = "Jouw antwoord: {answer}"
NO_ANSWER_YET = "Jouw antwoord: (nog niet beantwoord)"
NOT_ANSWERED = "Je hebt vraag {question} nog niet beantwoord."
WRONG = "Vraag {question}: dit antwoord is nog niet goed."
RIGHT = "Vraag {question}: goed. {explanation}"
NOT_A_NUMBER = "'{text}' is geen getal. Typ alleen cijfers, bijvoorbeeld 12,50."
NUMBER_PLACEHOLDER = "Typ een getal"
TEXT_PLACEHOLDER = "Typ je antwoord"
SAVED = "Opgeslagen."
ANSWERS_CORRUPT = (
    "Je opgeslagen antwoorden konden niet worden gelezen. Vraag je trainer om hulp. "
    "Er gaat niets verloren: we bewaren het oude bestand als reservekopie."
)
ANSWERS_BACKED_UP = "De reservekopie van je oude antwoorden heet {backup}."
ANSWERS_CORRUPT_IN_TEST = (
    "Het antwoordenbestand {file} is beschadigd. Daarom telt vraag {question} nog niet mee."
)
QUESTION_LABEL = "Vraag {question}"
MULTIPLE_HINT = "Kies één of meer antwoorden."

# Practice questions (lessons)
CHECK_BUTTON = "Controleer"
CORRECT = "Goed!"
NOT_YET_CORRECT = "Nog niet goed."
TRY_AGAIN = "Probeer het nog een keer."
CHOOSE_FIRST = "Kies eerst een antwoord."
THE_ANSWER_IS = "Het goede antwoord is: {answer}."
PRACTICE_LABEL = "Oefenvraag {number}"

# Progress
MARK_DONE = "Ik heb deze les afgerond"
MARKED_DONE = "Deze les staat op afgerond. Goed gedaan!"
UNMARK_DONE = "Toch nog niet afgerond"
MARKED_NOT_DONE = "Deze les staat weer op niet afgerond."
PROGRESS_LINE = "{module}: {done} van {total} lessen afgerond"
PROGRESS_NONE_YET = "{module}: de lessen komen binnenkort."
PROGRESS_CORRUPT = (
    "Je voortgang kon niet worden gelezen. Het oude bestand blijft bewaard als {backup}."
)
LESSON_AVAILABLE = "beschikbaar"
LESSON_COMING = "komt binnenkort"
LESSON_DONE = "afgerond"

# Glossary
GLOSSARY_SEARCH = "Zoek een woord"
GLOSSARY_PLACEHOLDER = "bijvoorbeeld: toeslag"
GLOSSARY_NOTHING = "Geen woord gevonden voor '{query}'. Probeer een kortere zoekterm."
GLOSSARY_COUNT = "{count} woorden gevonden."
GLOSSARY_START = "Er staan {count} woorden in de begrippenlijst. Typ een woord of een paar letters."
GLOSSARY_CHECKED = "nagekeken door een moedertaalspreker"
GLOSSARY_UNCHECKED = "nog niet nagekeken door een moedertaalspreker"
GLOSSARY_LANGUAGE = "Vertaling"
GLOSSARY_NO_LANGUAGE = "geen vertaling"
LANGUAGES = {
    "en": "Engels",
    "ar": "Arabisch",
    "tr": "Turks",
    "uk": "Oekraïens",
    "ti": "Tigrinya",
    "so": "Somalisch",
    "pl": "Pools",
}


class HandinText:
    ID_LABEL = "Jouw deelnemersnummer"
    ID_PLACEHOLDER = "Je krijgt het van je trainer"
    ASSIGNMENT_LABEL = "Opdracht"
    BUTTON = "Maak mijn inleverpakket"
    NO_ASSIGNMENTS = (
        "Er staat nog geen opdracht op deze computer. Open een opdracht vanaf de startpagina. "
        "Daar lever je hem ook in."
    )
    NO_ID = "Typ eerst je deelnemersnummer. Je krijgt het van je trainer."
    BAD_ID = (
        "'{learner}' kan geen deelnemersnummer zijn. Gebruik alleen letters, cijfers, een punt, "
        "een streepje (-) of een liggend streepje (_). Geen spaties. Hooguit 64 tekens."
    )
    NO_FOLDER = "De map {folder} bestaat niet. Kies de map van je opdracht."
    NO_NOTEBOOK = "In de map {folder} staat geen notebook. Kies de map van je opdracht."
    PRIVATE_FOLDER = "De map {folder} is je eigen privé-map. Die lever je nooit in."
    FAILED = "Het inleverpakket kon niet worden gemaakt ({reason}). Vraag je trainer om hulp."
    BUSY = "Even geduld: het pakket wordt gemaakt ..."
    READY = "Je inleverpakket is klaar: {name}"
    WHERE = "Het bestand staat in deze map: {folder}"
    SEND = "Stuur dit bestand naar je trainer, bijvoorbeeld als bijlage bij een e-mail."
    FILE_COUNT = "Er zitten {count} bestanden in het pakket."
    FILE_COUNT_ONE = "Er zit 1 bestand in het pakket."
    NO_ANSWERS = (
        "Let op: in deze opdracht staan nog geen antwoorden. Heb je de vragen al beantwoord?"
    )
    LEFT_OUT_BIG = "Niet in het pakket, want groter dan 20 MB: {files}"


class HandoutText:
    """Texts of course/handout.py: the "Opdracht openen" button on the start page."""

    BUTTON = "Opdracht openen"
    BUSY = "Even geduld: de opdracht wordt geopend ..."
    READY = "De opdracht {assignment} staat klaar."
    OPEN_LINK = "Open de opdracht {assignment}"
    KEPT = "Je antwoorden waren al bewaard. Die zijn niet veranderd."
    NOT_A_ZIP = (
        "Het bestand {name} is geen zip-bestand. Kies het bestand dat je van je trainer kreeg. "
        "De naam eindigt op .zip."
    )
    TOO_BIG = "Het bestand {name} is te groot voor een opdracht. Vraag je trainer om hulp."
    IS_HANDIN = (
        "Het bestand {name} is een inleverpakket: dat maak je zelf, voor je trainer. "
        "Kies het bestand met de opdracht die je van je trainer kreeg."
    )
    NOT_A_HANDOUT = (
        "In het bestand {name} staat geen opdracht van je trainer. Kies het goede bestand."
    )
    DAMAGED = "Het bestand {name} is beschadigd. Vraag je trainer om het nog een keer te sturen."
    UNSAFE = (
        "Het bestand {name} bevat iets wat niet in een opdracht hoort ({member}). "
        "Het is niet geopend. Vraag je trainer om hulp."
    )
    FAILED = "De opdracht kon niet worden geopend ({reason}). Vraag je trainer om hulp."


# Shared widget pieces of the private tools (course/widgets.py)
DELETE_BUTTON = "Wis mijn gegevens"
DELETE_YES = "Ja, wis alles"
DELETE_NO = "Nee, toch niet"
NOT_DELETED = "Er is niets gewist."

# Dutch notation (course/numbers.py)
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
AMBIGUOUS_NUMBER = (
    "Bedoel je {thousands} of {decimal}? "
    "Typ {thousands} voor {thousands_words}, of {decimal_typed} voor {decimal_words}."
)
NUMBER_WORDS = (
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
)
TENS_WORDS = {
    2: "twintig",
    3: "dertig",
    4: "veertig",
    5: "vijftig",
    6: "zestig",
    7: "zeventig",
    8: "tachtig",
    9: "negentig",
}
ONE_ALONE = "één"
TENS_AND = "en"
TENS_AND_AFTER_E = "ën"
HUNDRED = "honderd"
THOUSAND = "duizend"
COMMA_WORD = "komma"
MINUS_WORD = "min"

# Facts filled into a lesson when the workspace is built (course/workspace.py)
SOURCES_TITLE = "Bedragen en bronnen in deze les"
SOURCES_INTRO = (
    "Deze cursus hoort bij {year}. Bedragen en regels veranderen vaak. "
    "Controleer een bedrag daarom altijd bij de bron voordat je iemand helpt."
)
SOURCES_HEADER = ("Wat", "Waarde", "Geldt vanaf", "Bron")
