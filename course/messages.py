"""Every Dutch text a learner sees from the notebook helpers, in one place."""

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
