"""Dutch text of the learner app: soft reminders, open answers, navigation, finishing."""

from __future__ import annotations


class AppText:
    """What a learner reads around the questions of a lesson or an assignment page."""

    # Soft reminder under an unanswered graded question (never an error for the learner).
    REMINDER = "Vraag {question} heb je nog niet beantwoord."
    # Open questions (a text area that saves itself).
    OPEN_LABEL = "Jouw antwoord op vraag {question}"
    OPEN_PLACEHOLDER = "Typ hier je antwoord. Het wordt vanzelf bewaard."
    OPEN_SAVED_ONE = "Je antwoord is bewaard (1 woord)."
    OPEN_SAVED = "Je antwoord is bewaard ({words} woorden)."
    OPEN_EMPTY = "Je hebt hier nog niets getypt."
    # Numbers.
    NUMBER_AMBIGUOUS = "Bedoel je {thousands} of {small}? Typ {thousands} of {small}."

    # Navigation at the end of a lesson.
    NEXT_LESSON = "Volgende les: {title}"
    NEXT_ASSIGNMENT = "Naar de opdracht: {title}"
    TO_OVERVIEW = "Terug naar het overzicht"
    NAV_LABEL = "Verder met de cursus"
    ASSIGNMENT_LINK = "{title}"
    ASSIGNMENT_FROM_TRAINER = "{title}: die krijg je van je trainer."
    ASSIGNMENT_HEADING = "Opdracht"

    # Finishing an assignment.
    CHECK_BUTTON = "Is alles ingevuld?"
    HANDIN_BUTTON = "Inleveren"
    HANDIN_ANYWAY = "Toch inleveren"
    ALL_ANSWERED_ONE = "Je hebt de vraag beantwoord. Je kunt inleveren."
    ALL_ANSWERED = "Je hebt alle {count} vragen beantwoord. Je kunt inleveren."
    MISSING_ONE = "Vraag {numbers} heeft nog geen antwoord."
    MISSING = "Deze vragen hebben nog geen antwoord: {numbers}."
    AND = "en"
    MISSING_BEFORE_HANDIN = (
        "Let op: {missing} Wil je toch inleveren? Klik dan op Toch inleveren. "
        "Je kunt ook eerst verder werken."
    )
    BUSY = "Even geduld: je opdracht wordt ingeleverd ..."
    ID_LABEL = "Jouw deelnemersnummer"
    ID_PLACEHOLDER = "Je krijgt het van je trainer"
    PACKAGE_READY = "Je inleverpakket is klaar. Klik op de link om het op te slaan:"
    PACKAGE_LINK = "Download {name}"
    PACKAGE_SAVED = "Het bestand staat ook in deze map: {folder}"
    PACKAGE_SEND = "Stuur het bestand naar je trainer, bijvoorbeeld als bijlage bij een e-mail."
    SUBMITTED = "Ingeleverd op {when}. Je trainer ziet je opdracht nu."
    SUBMITTED_AGAIN = (
        "Wil je iets veranderen? Dat mag. Lever daarna opnieuw in. "
        "Je trainer kijkt naar de laatste versie."
    )
    SUBMIT_FAILED = (
        "Inleveren is niet gelukt. Je antwoorden zijn wel bewaard. "
        "Probeer het over een paar minuten opnieuw. Lukt het dan nog niet? "
        "Vraag je trainer om hulp en noem deze melding: {reason}"
    )
    NOT_IN_ASSIGNMENT = (
        "Dit is geen opdracht van je trainer. Open de opdracht vanaf de startpagina."
    )

    # The start page's list of assignments.
    NO_ASSIGNMENTS_YET = "Er staan nog geen opdrachten klaar."


class FeedbackPageText:
    """The page "Mijn feedback": the trainer's feedback on the assignments a learner handed in."""

    INTRO_HUB = (
        "Heeft je trainer je opdracht nagekeken? Dan staat je feedback hieronder. "
        "Alleen jij ziet deze feedback."
    )
    INTRO_LAPTOP = (
        "Werk je op je eigen computer? Dan stuurt je trainer je feedback, meestal per e-mail. "
        "Op deze pagina staat alleen feedback als je online werkt bij je trainingsorganisatie."
    )
    NONE_YET = "Er is nog geen feedback voor je. Je trainer zet die hier klaar na het nakijken."
    NOTHING_HANDED_IN = "Je hebt nog geen opdracht ingeleverd. Daarna komt hier je feedback."
    WAITING = "{title}: ingeleverd. Je trainer kijkt je opdracht nog na."
    ITEM = "{title}"
    HANDED_IN_ON = "Ingeleverd op {date}."
    OPEN = "Bekijk je feedback voor {title}"
    OPENS_NEW_TAB = "(opent in een nieuw tabblad)"
    HOW_TO_READ = (
        "De feedback opent in een nieuw tabblad. Bovenaan staat je score. "
        "Daaronder staat per vraag je antwoord en wat je trainer ervan vindt. "
        "Sluit het tabblad als je klaar bent. Dan ben je weer hier."
    )
