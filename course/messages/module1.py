"""Dutch texts of the module 1 tools: eligibility, letters and lookup."""


class EligibilityText:
    """Texts of course/tools/eligibility.py."""

    TITLE = "Kom ik misschien in aanmerking?"
    DISCLAIMER = "Dit is geen berekening en geen advies."
    INDICATION = "Indicatie."
    INTRO = (
        "Vul een paar dingen in. Je ziet dan of zorgtoeslag en huurtoeslag misschien mogelijk zijn."
    )
    OFFICIAL = (
        "Doe altijd de officiële proefberekening op {link}. "
        "Daar zie je ook hoeveel toeslag je misschien krijgt."
    )
    MORE_CONDITIONS = "Er zijn nog meer voorwaarden. De proefberekening kijkt naar alles."
    OUTCOME_TEXT = {
        "maybe": "misschien wel",
        "unlikely": "waarschijnlijk niet",
        "depends": "dat hangt af van {things}",
    }
    AND = " en "
    SCHEME_NAMES = {"zorgtoeslag": "Zorgtoeslag", "huurtoeslag": "Huurtoeslag"}

    LABEL_SITUATION = "Situatie:"
    SITUATION_OPTIONS = [("Alleenstaand", False), ("Met toeslagpartner", True)]
    LABEL_AGE = "Leeftijd (jaren):"
    PLACEHOLDER_AGE = "bijvoorbeeld 29"
    LABEL_INSURED = "Nederlandse zorgverzekering:"
    YES_NO_OPTIONS = [("Ja", True), ("Nee", False)]
    LABEL_INCOME = "Inkomen per jaar, geschat:"
    PLACEHOLDER_INCOME = "hele jaar, bijvoorbeeld 24.000"
    LABEL_HOUSING = "Woning:"
    LABEL_RENT = "Kale huur per maand:"
    PLACEHOLDER_RENT = "zonder servicekosten"
    LABEL_SAVINGS = "Spaargeld {limit} of minder:"
    SAVINGS_OPTIONS = [("Ja", True), ("Nee, meer", False), ("Weet ik niet", None)]
    BAD_AGE = "'{text}' is geen leeftijd. Typ je leeftijd in hele jaren, bijvoorbeeld 29."
    NEGATIVE = "'{text}' kan niet. Typ een bedrag van 0 of meer."
    FIX_FIRST = "Verbeter eerst dit:"
    START = "Vul de vragen hierboven in. Weet je iets niet? Laat het dan leeg."

    UNKNOWN_SITUATION = "je situatie (alleen of met toeslagpartner)"
    ASK_SITUATION = "Kies of je alleenstaand bent of een toeslagpartner hebt."
    UNKNOWN_AGE = "je leeftijd"
    UNKNOWN_INSURED = "je zorgverzekering"
    UNKNOWN_INCOME = "je inkomen"
    UNKNOWN_HOUSING = "je woning"
    UNKNOWN_RENT = "je huur"
    UNKNOWN_SAVINGS = "je spaargeld"

    ZORG_TOO_YOUNG = "Zorgtoeslag is voor mensen van {age} jaar of ouder."
    ZORG_NOT_INSURED = (
        "Zorgtoeslag krijg je alleen met een Nederlandse zorgverzekering. "
        "Die is verplicht voor iedereen die hier woont of werkt."
    )
    ZORG_ASK_INSURED = "Zorgtoeslag krijg je alleen met een Nederlandse zorgverzekering."
    ZORG_ASK_SITUATION = (
        "De grens voor het inkomen is {single} per jaar voor een alleenstaande. "
        "Met een toeslagpartner is de grens {partner} per jaar, voor jullie inkomen samen."
    )
    ZORG_ASK_INCOME = "Je inkomen mag niet hoger zijn dan {limit} per jaar."
    ZORG_ASK_INCOME_PARTNER = "Jullie inkomen samen mag niet hoger zijn dan {limit} per jaar."
    ZORG_INCOME_TOO_HIGH = (
        "Je inkomen is hoger dan {limit} per jaar. Dat is de grens voor zorgtoeslag."
    )
    ZORG_INCOME_TOO_HIGH_PARTNER = (
        "Jullie inkomen samen is hoger dan {limit} per jaar. Dat is de grens voor zorgtoeslag."
    )
    ZORG_INCOME_OK = "Je inkomen is niet hoger dan de grens van {limit} per jaar."
    ZORG_INCOME_OK_PARTNER = "Jullie inkomen samen is niet hoger dan de grens van {limit} per jaar."
    NEAR_LIMIT = (
        "Je inkomen ligt dicht bij de grens. Verdien je meer dan je dacht? "
        "Dan moet je de toeslag misschien terugbetalen."
    )
    ZORG_AMOUNT = "Hoeveel je krijgt, hangt af van je inkomen. Dat rekent de proefberekening uit."

    HUUR_TOO_YOUNG = "Huurtoeslag is meestal alleen voor mensen van {age} jaar of ouder."
    HUUR_NOT_RENTING = "Huurtoeslag is alleen voor mensen die een woning huren."
    HUUR_ROOM = (
        "Voor een kamer krijg je meestal geen huurtoeslag. Je deelt dan de keuken, de wc of de "
        "douche. Er zijn een paar uitzonderingen. Twijfel je? Doe de proefberekening."
    )
    HUUR_ASK_HOUSING = (
        "Huurtoeslag krijg je alleen voor een zelfstandige woning. "
        "Die heeft een eigen voordeur, keuken, wc en douche."
    )
    HUUR_SELF_CONTAINED = "Je huurt een zelfstandige woning."
    HUUR_ASK_RENT = "Alleen de kale huur telt. Servicekosten tellen sinds 2026 niet meer mee."
    HUUR_RENT_ABOVE = (
        "Je kale huur is hoger dan {limit} per maand. Dat is geen reden meer voor een nee: "
        "er is geen maximale huur meer. De toeslag wordt berekend tot {limit}. "
        "Het deel erboven telt niet mee."
    )
    HUUR_RENT_OK = "De toeslag wordt berekend tot een kale huur van {limit} per maand."
    HUUR_YOUNG = (
        "Je bent jonger dan {age}. Voor jou wordt de toeslag berekend tot een kale huur van "
        "{limit} per maand. Woon je met anderen? De proefberekening vraagt ook naar hen."
    )
    HUUR_SAVINGS_TOO_HIGH = (
        "Je spaargeld is hoger dan {limit}. Dat is de grens voor een alleenstaande."
    )
    HUUR_ASK_SAVINGS = (
        "Je spaargeld mag niet hoger zijn dan {limit}. Dat is de grens voor een alleenstaande."
    )
    HUUR_SAVINGS_OK = "Je spaargeld is niet hoger dan de grens van {limit}."
    HUUR_SAVINGS_PARTNER = (
        "De grens van {limit} voor spaargeld geldt voor een alleenstaande. "
        "Voor jullie samen kijkt de proefberekening naar jullie spaargeld."
    )
    HUUR_AMOUNT = (
        "Hoeveel je krijgt, hangt af van je inkomen, je huur en je huishouden. "
        "Dat rekent de proefberekening uit."
    )
    HOUSING_LABELS = {
        "self_contained": "Zelfstandige huurwoning (eigen voordeur, keuken, wc en douche)",
        "room": "Kamer (ik deel de keuken, de wc of de douche)",
        "not_renting": "Ik huur geen woning",
        "unknown": "Weet ik niet",
    }


class LetterText:
    """Texts of course/tools/letters.py."""

    QUESTION_TEXT = {
        "afzender": "Wie stuurt de brief?",
        "wat": "Wat willen ze?",
        "wanneer": "Voor wanneer?",
        "gevolg": "Wat gebeurt er als je niets doet?",
        "actie": "Wat doe je nu?",
    }
    QUESTION_LABEL = "Vraag {number}."
    EXAMPLE_LABEL = "Voorbeeldbrief: verzonnen voor deze cursus"
    EXERCISE_INTRO = "Lees de brief. Beantwoord dan de vijf vragen. Klik daarna op Controleer."
    CHECK_BUTTON = "Controleer"
    CORRECT = "Goed!"
    NOT_YET_CORRECT = "Nog niet goed."
    CHOOSE_FIRST = "Kies eerst een antwoord."
    THE_ANSWER_IS = "Het goede antwoord is: {answer}."
    SCORE_LINE = "Je hebt {right} van de {total} vragen goed."
    ALL_RIGHT = "Alle vragen goed. Zo lees je elke brief!"
    SUBJECT_LABEL = "Betreft:"
    DATE_LABEL = "Datum:"


class LookupText:
    """Texts of course/tools/lookup.py ("Mijn vraag gaat over …")."""

    SEARCH = "Zoek een woord"
    SEARCH_PLACEHOLDER = "bijvoorbeeld: huur, boete, pensioen"
    CHOOSE = "Mijn vraag gaat over"
    CHOOSE_FIRST = "(kies een onderwerp)"
    START = "Kies een onderwerp in de lijst. Of typ een woord in het zoekvak."
    NOTHING = (
        "Geen onderwerp gevonden voor '{query}'. Probeer een ander of korter woord. "
        "Weet je het echt niet? De sociaal raadslieden of het wijkteam van de gemeente "
        "helpen je verder."
    )
    COUNT = "{count} onderwerpen gevonden. Kies er een in de lijst."
    COUNT_ONE = "1 onderwerp gevonden."
    DOES = "Wat doen ze?"
    REACH = "Zo bereik je ze"
    WEBSITE = "Website"
    PHONE = "Telefoon"
    BRING = "Neem mee"
    TIP = "Tip"
    CARD_LABEL = "Antwoord"
