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


class EligibilityText:
    """Texts of course/eligibility.py."""

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
    """Texts of course/letters.py."""

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


# Lookup "Mijn vraag gaat over …" (lookup.py)
LOOKUP = {
    "search": "Zoek een woord",
    "search_placeholder": "bijvoorbeeld: huur, boete, pensioen",
    "choose": "Mijn vraag gaat over",
    "choose_first": "(kies een onderwerp)",
    "start": "Kies een onderwerp in de lijst. Of typ een woord in het zoekvak.",
    "nothing": (
        "Geen onderwerp gevonden voor '{query}'. Probeer een ander of korter woord. "
        "Weet je het echt niet? De sociaal raadslieden of het wijkteam van de gemeente "
        "helpen je verder."
    ),
    "count": "{count} onderwerpen gevonden. Kies er een in de lijst.",
    "count_one": "1 onderwerp gevonden.",
    "does": "Wat doen ze?",
    "reach": "Zo bereik je ze",
    "website": "Website",
    "phone": "Telefoon",
    "bring": "Neem mee",
    "tip": "Tip",
    "card_label": "Antwoord",
}


# Rate calculator (ratecalc.py)
RATECALC = {
    "title": "Rekenhulp: van netto inkomen naar uurtarief",
    "intro": (
        "Vul in wat je per maand netto wilt overhouden. Vul ook je uren, kosten en "
        "aannames in. Druk na het typen op Enter. Je ziet dan welk uurtarief je nodig hebt."
    ),
    "disclaimer": "Dit is een schatting, geen belastingadvies.",
    "label_net": "Netto per maand (euro):",
    "label_hours": "Werkuren per week (alles):",
    "label_billable": "Daarvan uren voor klanten:",
    "label_weeks_off": "Weken per jaar niet werken:",
    "label_costs": "Bedrijfskosten per jaar (euro):",
    "label_tax": "Belasting en premies, aanname (%):",
    "label_pension": "Opzij voor pensioen, per maand (euro):",
    "label_disability": "Opzij voor ziekte, per maand (euro):",
    "placeholder_amount": "bijvoorbeeld 2.000",
    "placeholder_hours": "bijvoorbeeld 32",
    "placeholder_tax": "bijvoorbeeld 35,7",
    "weeks_option": "{weeks} weken",
    "rate": "Je uurtarief: {rate} per uur, zonder btw.",
    "rate_btw": (
        "Moet je btw rekenen? Met {btw}% btw betaalt je klant {rate} per uur. "
        "Met de KOR of bij vrijgesteld werk komt er geen btw bij (zie les 4)."
    ),
    "steps_title": "Zo reken je het uit (per jaar)",
    "col_step": "Stap",
    "col_amount": "Bedrag",
    "step_net": "Netto: {net} × 12 maanden",
    "step_pension": "Opzij voor pensioen: {amount} × 12",
    "step_disability": "Opzij voor ziekte (arbeidsongeschiktheid): {amount} × 12",
    "step_needed": "Nodig na belasting",
    "step_tax": "Belasting en premies: {percent}% van de winst (aanname)",
    "step_profit": "Winst voor belasting: nodig na belasting ÷ {share}",
    "step_costs": "Bedrijfskosten",
    "step_turnover": "Omzet die je nodig hebt, zonder btw",
    "step_weeks": "Weken dat je werkt: 52 − {off}",
    "step_billable": "Uren voor klanten: {hours} × {weeks} weken",
    "step_rate": "Uurtarief: omzet ÷ uren voor klanten",
    "weeks_unit": "{weeks} weken",
    "hours_unit": "{hours} uur",
    "unbilled": (
        "Van je {hours} werkuren per week zijn er {unbilled} niet voor klanten. "
        "Denk aan administratie, klanten zoeken en reizen. Die uren betaalt niemand direct. "
        "Daarom telt het tarief alleen de uren voor klanten."
    ),
    "criterion_ok": (
        "Je werkt ongeveer {hours} uur per jaar aan je bedrijf. Dat is genoeg voor het "
        "urencriterium van {limit} uur (zie les 4)."
    ),
    "criterion_short": (
        "Je werkt ongeveer {hours} uur per jaar aan je bedrijf. Het urencriterium vraagt "
        "minstens {limit} uur. Dat haal je dan niet (zie les 4)."
    ),
    "no_pension": (
        "Je zet niets opzij voor pensioen. Als zzp'er bouw je geen pensioen op via een "
        "werkgever. Denk hier goed over na."
    ),
    "no_disability": (
        "Je zet niets opzij voor arbeidsongeschiktheid. Word je ziek, dan heb je als zzp'er "
        "geen inkomen. Denk hier goed over na."
    ),
    "assumptions_title": "Aannames en bronnen",
    "assume_tax": (
        "Belasting en premies: je aanname is {percent}% van de winst. Dat is één getal voor "
        "alles samen. De cursus begint met {first}%: het tarief van de eerste schijf van box 1 "
        "in 2026. In 2026 is dat {first}% tot ongeveer {limit1}, {second}% tot ongeveer "
        "{limit2} en {third}% daarboven. Let op: dit komt uit één bron en is een benadering. "
        "Door aftrekposten, zoals de zelfstandigenaftrek en de MKB-winstvrijstelling, betaal "
        "je vaak minder. Een boekhouder kan je een beter percentage geven."
    ),
    "assume_disability": (
        "Arbeidsongeschiktheid: in 2026 is er geen verplichte verzekering voor zzp'ers. "
        "Er is alleen een wetsvoorstel. Dat noemt een premie van {percent}% van de winst, "
        "hoogstens ongeveer {max} per maand. Het is nog geen wet. Je kiest zelf: sparen of "
        "een verzekering afsluiten."
    ),
    "assume_pension": (
        "Pensioen: als zzp'er bouw je geen pensioen op bij een werkgever. De AOW bouw je op "
        "door in Nederland te wonen: ongeveer {percent}% per jaar, in de {years} jaar voor "
        "je AOW-leeftijd. Kwam je later naar Nederland? Dan krijg je minder AOW. Hoeveel je "
        "extra opzij zet, kies je zelf."
    ),
    "assume_holidays": (
        "Vakantie, feestdagen en ziek zijn: in die weken verdien je niets. Daarom reken je "
        "met {weeks} werkweken in plaats van 52."
    ),
    "assume_costs": (
        "Bedrijfskosten: bijvoorbeeld je laptop, telefoon, reiskosten, verzekeringen en een "
        "boekhouder. Tel alles per jaar bij elkaar op."
    ),
    "assume_order": (
        "De rekenhulp telt pensioen en arbeidsongeschiktheid bij wat je na belasting nodig "
        "hebt. Dat is voorzichtig: soms mag je dit aftrekken. Vraag dat na bij een boekhouder."
    ),
    "source": "Bron",
    "low": "onzeker: één bron",
    "fix_first": "Verbeter eerst dit:",
    "not_a_number": "'{text}' is geen getal. Typ alleen cijfers, bijvoorbeeld 2.000 of 12,50.",
    "empty": "Vul bij '{label}' een getal in.",
    "negative": "Vul bij '{label}' 0 of meer in.",
    "no_billable": "Vul bij '{label}' meer dan 0 uur in.",
    "too_many_hours": "Een week heeft {max} uur. Vul bij '{label}' minder in.",
    "billable_above_hours": "Je kunt niet meer uren declareren dan je werkt.",
    "weeks_off_range": "Vul bij de weken zonder werk 0 tot en met 51 in.",
    "tax_range": "Vul bij de belasting een percentage van 0 tot 100 in.",
}


class CompareText:
    """Texts of course/compare.py (comparison table and chart)."""

    CORNER = "Onderwerp"
    CAPTION = "Drie manieren om geld te krijgen voor je werk (2026)"
    ROUTES = ("Vrijwilliger", "Betaalde baan (zoals de BuurtBaan)", "Zzp'er")
    # Each row: topic -> text per way. {name} is a figure from the facts (see FIGURES).
    ROWS = {
        "Wat krijg je?": (
            "Een vergoeding voor je kosten, geen loon. Hoogstens {vv_maand} per maand "
            "en {vv_jaar} per jaar. En hoogstens {vv_uur} per uur "
            "(als je {vv_leeftijd} jaar of ouder bent).",
            "Loon. Minstens het minimumloon: {minimumloon} bruto per uur "
            "(als je {ml_leeftijd} jaar of ouder bent).",
            "Geld van je opdrachtgevers. Je stuurt hun een factuur. Je bepaalt zelf je tarief.",
        ),
        "Belasting": (
            "Geen belasting, als je onder alle grenzen blijft. Kom je erboven? "
            "Dan telt de hele vergoeding als inkomen.",
            "Je werkgever houdt loonheffing in. Dat gaat direct van je loon af.",
            "Je betaalt inkomstenbelasting over je winst. "
            "Meestal reken je ook btw, behalve met de KOR.",
        ),
        "Verzekeringen": (
            "Geen verzekering voor als je werkloos of ziek wordt.",
            "Je bent verzekerd als je werkloos of ziek wordt, of niet meer kunt werken. "
            "Vaak bouw je ook pensioen op via je werkgever.",
            "Niet vanzelf verzekerd. Je regelt zelf een verzekering voor als je ziek "
            "wordt. Ook je pensioen regel je zelf.",
        ),
        "Inschrijven": (
            "Niet nodig.",
            "Je tekent een arbeidscontract.",
            "Inschrijven bij de KvK: {kvk} eenmalig. De KvK geeft je gegevens door "
            "aan de Belastingdienst.",
        ),
        "Als je bijstand hebt": (
            "Het mag. Meld het altijd bij de gemeente. Ben je {bijstand_leeftijd} jaar of "
            "ouder? Dan telt de vergoeding tot de grens niet mee.",
            "Je bijstand stopt of wordt lager. Soms mag je een tijd een deel van je loon "
            "houden. Vraag de gemeente wat voor jou geldt.",
            "Vraag de gemeente naar de Bbz. Soms mag je tot {bbz_maanden} maanden je "
            "bedrijf voorbereiden en je bijstand houden.",
        ),
        "Let op": (
            "Krijg je geld voor je tijd of je inzet? Dan is het eigenlijk loon.",
            "Een BuurtBaan duurt hoogstens {bb_jaren} jaar, met training. "
            "Het doel is daarna ander betaald werk.",
            "Werk je eigenlijk als een werknemer? Dan ben je schijnzelfstandig (Wet DBA). "
            "Voor aftrek bij de belasting geldt het urencriterium.",
        ),
    }
    SOURCES_TITLE = "Bronnen van de bedragen en getallen"
    SOURCE_LINE = "{value}: {unit}. Jaar {year}, betrouwbaarheid {confidence}. Bron: "
    CONFIDENCE = {"HIGH": "hoog", "MED": "middel", "LOW": "laag"}
    TABLE_NOTE = (
        "Dit is een overzicht, geen belastingadvies. Regels veranderen. "
        "Kijk altijd bij de instantie zelf wat nu geldt."
    )

    CHART_TITLE = "Wat krijg je ongeveer per jaar bij {hours} uur per week?"
    X_LABEL = "Euro per jaar (bruto, 2026)"
    Y_LABEL = "Manier van werken"
    BAR_LABELS = (
        "Vrijwilliger\n(hoogstens, belastingvrij)",
        "Betaalde baan\n(minimumloon, bruto)",
        "Zzp'er",
    )
    NO_FIXED_AMOUNT = "geen vast bedrag: hangt af van je tarief en je opdrachten"
    ALT_START = "Staafdiagram. {title}"
    ALT_VOLUNTEER_CAPPED = (
        "Vrijwilliger: hoogstens {amount} per jaar, belastingvrij. "
        "Dat is de grens, ook als je meer uren werkt."
    )
    ALT_VOLUNTEER_HOURS = (
        "Vrijwilliger: hoogstens {amount} per jaar, belastingvrij "
        "({hours} uur per week, {weeks} weken, {per_hour} per uur)."
    )
    ALT_VOLUNTEER_NOTE = "Die vergoeding is voor je kosten, niet voor je tijd."
    ALT_JOB = "Betaalde baan met het minimumloon: ongeveer {amount} per jaar, bruto."
    ALT_ZZP = "Zzp'er: geen vast bedrag. Dat hangt af van je tarief en je opdrachten."
    ASSUMPTIONS = (
        "Aannames: {weeks} weken per jaar, {age} jaar of ouder, bruto (dat is vóór "
        "belasting), zonder vakantiegeld."
    )
    DISCLAIMER = "Dit is een schatting, geen belastingadvies."
    CHART_SOURCES = "Bronnen:"
    TEXT_HEADING = "Wat staat er in de grafiek?"
    LABEL_HOURS = "Uren per week:"
    HOURS_OPTION = "{hours} uur per week"
    WIDGET_INTRO = (
        "Kies hoeveel uur per week je werkt. De grafiek en de tekst eronder veranderen dan mee."
    )


class EnergyText:
    """Texts of course/energy.py (private weekly energy planner)."""

    TITLE = "Mijn energieplanner"
    INTRO = (
        "Schrijf op wat je in een gewone week doet. Vul per activiteit in hoeveel uur het "
        "kost, en of het je energie geeft of kost. Druk na het typen op Enter. "
        "Slaap hoef je niet in te vullen."
    )
    POINTS_EXPLAINED = (
        "Zo tellen de punten: uren keer energie. 'Veel' telt dubbel, 'wat' telt één keer."
    )
    PRIVATE = (
        "Privé: alleen jij ziet dit. Je trainer ziet het niet. Het wordt niet ingeleverd en "
        "telt niet mee voor het keurmerk."
    )
    WHERE_SAVED = "Je gegevens staan alleen in je eigen map: {folder}"
    LABEL_ACTIVITY = "Activiteit {number}:"
    PLACEHOLDER_ACTIVITY = "bijvoorbeeld: buren helpen"
    LABEL_HOURS = "Uren per week:"
    PLACEHOLDER_HOURS = "bijvoorbeeld 6"
    LABEL_EFFECT = "Energie:"
    CHOOSE = "Kies …"
    EFFECTS = {
        -2: "kost veel energie",
        -1: "kost wat energie",
        0: "geeft en kost evenveel",
        1: "geeft wat energie",
        2: "geeft veel energie",
    }
    ROW_NAME = "Activiteit {number}"

    BAD_HOURS = (
        "Activiteit {number}: '{text}' is geen aantal uren. Typ een getal, bijvoorbeeld 4 of 2,5."
    )
    NEGATIVE_HOURS = "Activiteit {number}: '{text}' kan niet. Typ 0 uur of meer."
    TOO_MANY_HOURS = "Activiteit {number}: een week heeft maar {week} uur."
    WEEK_TOO_LONG = (
        "Samen is dit {hours} uur. Een week heeft maar {week} uur. Kijk de uren nog eens na."
    )
    INCOMPLETE = "Activiteit {number} telt nog niet mee. Vul ook de uren en de energie in."
    FIX_FIRST = "Verbeter eerst dit:"

    START = "Vul hierboven je activiteiten in. Hier zie je dan je energiebalans."
    LEVELS = {
        "balanced": (
            "In balans.",
            "Wat je energie geeft, weegt op tegen wat energie kost. Goed zo. "
            "Let op in weken die zwaarder zijn.",
        ),
        "watch": (
            "Let op.",
            "Je week kost meer energie dan hij geeft. Kun je iets kleiner maken? "
            "Of iets toevoegen dat je energie geeft?",
        ),
        "out": (
            "Uit balans.",
            "Je week kost veel meer energie dan hij geeft. Duurt dit al lang? "
            "Neem dat serieus. In les 2 lees je op welke signalen je kunt letten.",
        ),
    }
    DISCLAIMER = (
        "Dit is geen test en geen diagnose. Het is een hulpmiddel om over je week na te denken."
    )
    TABLE_CAPTION = "Activiteiten"
    COL_ACTIVITY = "Activiteit"
    COL_HOURS = "Uren"
    COL_EFFECT = "Energie"
    COL_POINTS = "Punten"
    BAR_GIVES = "Geeft energie"
    BAR_COSTS = "Kost energie"
    BAR_LINE = "{hours} uur, {points} punten"
    SUMMARY = (
        "Geeft energie: {gives_hours} uur, {gives_points} punten. "
        "Kost energie: {costs_hours} uur, {costs_points} punten. "
        "Balans: {balance} punten."
    )

    DELETE = "Wis mijn gegevens"
    DELETE_QUESTION = (
        "Weet je het zeker? Alles wat je in deze planner hebt ingevuld, wordt gewist. "
        "Dat kun je niet terugdraaien."
    )
    DELETE_YES = "Ja, wis alles"
    DELETE_NO = "Nee, bewaren"
    DELETED = "Je gegevens zijn gewist. Er is niets meer van deze planner bewaard."
    NOTHING_TO_DELETE = "Er waren geen gegevens bewaard. Het formulier is nu leeg."
    KEPT = "Er is niets gewist."
    SAVED = "Bewaard in je eigen map."
    SAVE_FAILED = "Bewaren lukte niet. De planner werkt wel, maar je invulling wordt niet bewaard."
    LOAD_FAILED = (
        "Je bewaarde planner kon niet worden gelezen. Je begint met een leeg formulier. "
        "Het oude bestand wordt bewaard als reservekopie zodra je iets invult."
    )


class InvoiceText:
    """Texts of course/invoice.py (invoice maker)."""

    TITLE = "Factuurmaker"
    INTRO = (
        "Vul de factuur in. Je ziet meteen wat er nog ontbreekt. "
        "Is alles goed? Dan zie je de factuur en kun je hem als PDF bewaren."
    )
    DISCLAIMER = "Dit is een hulpmiddel om te oefenen, geen belastingadvies."
    PRIVATE = (
        "Je facturen worden alleen op je eigen computer bewaard, in je eigen map: {folder}. "
        "Ze gaan niet mee als je een opdracht inlevert."
    )
    ASSUMPTIONS_TITLE = "Uitgangspunten"
    ASSUMPTIONS = (
        "Eén btw-tarief voor de hele factuur.",
        "De btw wordt berekend over het bedrag zonder btw. Daarna wordt afgerond op hele centen.",
        "Het bedrag van elke regel is aantal keer prijs, afgerond op hele centen.",
        "Welk tarief voor jouw werk geldt, zoekt de factuurmaker niet uit. "
        "Twijfel je? Vraag het de Belastingdienst of een boekhouder.",
    )
    SOURCES = "Bronnen: {sources}"
    LAW = "De eisen voor een factuur staan in {law}."

    SECTION_SELLER = "Jouw gegevens"
    SECTION_CLIENT = "De klant"
    SECTION_INVOICE = "De factuur"
    SECTION_LINES = "Het werk"
    SECTION_RATE = "Btw"
    LABEL_SELLER_NAME = "Naam of bedrijfsnaam:"
    LABEL_SELLER_ADDRESS = "Jouw adres:"
    LABEL_KVK = "KVK-nummer:"
    LABEL_VAT_ID = "Btw-identificatienummer:"
    LABEL_IBAN = "IBAN (mag leeg):"
    LABEL_CLIENT_NAME = "Naam van de klant:"
    LABEL_CLIENT_ADDRESS = "Adres van de klant:"
    LABEL_NUMBER = "Factuurnummer:"
    LABEL_DATE = "Factuurdatum:"
    LABEL_DELIVERY = "Datum van het werk:"
    LABEL_DESCRIPTION = "Omschrijving {n}:"
    LABEL_QUANTITY = "Aantal {n}:"
    LABEL_PRICE = "Prijs per stuk {n}:"
    LABEL_RATE = "Btw-tarief:"
    PLACEHOLDER_ADDRESS = "straat en huisnummer, postcode en plaats"
    PLACEHOLDER_KVK = "8 cijfers"
    PLACEHOLDER_VAT_ID = "NL + 9 cijfers + B + 2 cijfers"
    PLACEHOLDER_NUMBER = "bijvoorbeeld {example}"
    PLACEHOLDER_DATE = "dag-maand-jaar, bijvoorbeeld 15-03-2026"
    PLACEHOLDER_DESCRIPTION = "bijvoorbeeld: tolken bij een gesprek"
    PLACEHOLDER_QUANTITY = "bijvoorbeeld 2 of 1,5"
    PLACEHOLDER_PRICE = "zonder btw, bijvoorbeeld 55,00"
    RATE_OPTIONS = {
        "high": "{pct}% btw (algemeen tarief)",
        "low": "{pct}% btw (verlaagd tarief)",
        "zero": "{pct}% btw (alleen in bijzondere gevallen)",
        "kor": "Geen btw: ik doe mee aan de KOR",
    }
    ADD_LINE = "Regel toevoegen"
    EXAMPLE = "Voorbeeld van Samira invullen"
    SAVE = "Bewaar als PDF"

    START = "Vul de factuur in. Hieronder zie je wat er nog nodig is."
    TODO = "Dit moet nog goed:"
    NOTES = "Goed om te weten:"
    COMPLETE = "De factuur is compleet. Zo ziet hij eruit:"
    SAVED = "Bewaard: {path}"
    DOWNLOAD = "Download de PDF"
    NEXT_READY = "Voor je volgende factuur staat nummer {number} al klaar."
    NOT_SAVED = "De factuur is niet bewaard:"

    # Problems: one sentence (or two) per missing or wrong element.
    SELLER_NAME_MISSING = "Je naam of de naam van je bedrijf ontbreekt."
    SELLER_ADDRESS_MISSING = "Je adres ontbreekt."
    KVK_MISSING = "Het KVK-nummer ontbreekt."
    KVK_WRONG = "Het KVK-nummer klopt niet. Een KVK-nummer heeft 8 cijfers."
    VAT_ID_MISSING = "Het btw-identificatienummer ontbreekt."
    VAT_ID_WRONG = (
        "Het btw-identificatienummer klopt niet. "
        "Het ziet er zo uit: NL, 9 cijfers, de letter B en 2 cijfers."
    )
    CLIENT_NAME_MISSING = "De naam van de klant ontbreekt."
    CLIENT_ADDRESS_MISSING = "Het adres van de klant ontbreekt."
    NUMBER_MISSING = "Het factuurnummer ontbreekt."
    NUMBER_NO_DIGITS = (
        "Het factuurnummer moet uniek en opvolgend zijn. "
        "Geef het een volgnummer, bijvoorbeeld {example}."
    )
    NUMBER_USED = (
        "Het factuurnummer moet uniek en opvolgend zijn. "
        "Nummer {number} heb je al gebruikt. Het volgende nummer is {next}."
    )
    NUMBER_LOWER = (
        "Het factuurnummer moet uniek en opvolgend zijn. "
        "Je laatste factuur had nummer {last}. Het volgende nummer is {next}."
    )
    NUMBER_TOO_LONG = "Het factuurnummer is te lang. Gebruik hoogstens {max} tekens."
    NUMBER_BAD_CHARACTERS = (
        "Gebruik in het factuurnummer alleen letters, cijfers, streepjes en schuine strepen."
    )
    DATE_MISSING = "De factuurdatum ontbreekt."
    DATE_WRONG = "De factuurdatum '{text}' is geen datum. Schrijf hem zo: 15-03-2026."
    DELIVERY_MISSING = "De datum van het werk ontbreekt. Dat is de dag waarop je het werk deed."
    DELIVERY_WRONG = "De datum van het werk '{text}' is geen datum. Schrijf hem zo: 12-03-2026."
    NO_LINES = "Er staat nog geen werk op de factuur. Vul minstens één regel in."
    LINE_DESCRIPTION_MISSING = "Regel {n}: de omschrijving van het werk ontbreekt."
    LINE_QUANTITY_MISSING = "Regel {n}: het aantal ontbreekt."
    LINE_PRICE_MISSING = "Regel {n}: de prijs ontbreekt."
    LINE_NOT_A_NUMBER = "Regel {n}: '{text}' is geen getal. Typ bijvoorbeeld 1,5 of 55,00."
    LINE_QUANTITY_NOT_POSITIVE = "Regel {n}: het aantal moet groter zijn dan 0."
    LINE_PRICE_NEGATIVE = "Regel {n}: de prijs mag niet lager zijn dan 0."
    LINE_PRICE_CENTS = "Regel {n}: een prijs heeft hoogstens 2 cijfers achter de komma."
    LINE_TOO_LARGE = "Regel {n}: dit getal is te groot voor een factuur."
    RATE_MISSING = "Kies een btw-tarief, of kies de KOR."
    KOR_TURNOVER = (
        "Met de KOR mag je omzet in een jaar niet hoger zijn dan {limit}. "
        "Deze factuur alleen is al hoger. Dan kun je niet meedoen aan de KOR."
    )

    # Notes: not wrong, but good to know.
    NOTE_ZERO = (
        "Het tarief van {pct}% geldt alleen in bijzondere gevallen, zoals bij export. "
        "Twijfel je? Vraag het de Belastingdienst."
    )
    NOTE_KOR = (
        "Met de KOR reken je geen btw. Je kunt dan ook geen btw over je kosten terugvragen. "
        "De KOR kan alleen als je omzet niet hoger is dan {limit} per jaar."
    )
    NOTE_GAP = (
        "Je slaat nummers over: na {last} komt {next}. "
        "Heb je daar een goede reden voor? Schrijf die dan op in je administratie."
    )

    # On the invoice itself.
    INVOICE = "Factuur"
    TO = "Aan"
    KVK = "KVK-nummer"
    VAT_ID = "Btw-identificatienummer"
    IBAN = "IBAN"
    NUMBER = "Factuurnummer"
    DATE = "Factuurdatum"
    DELIVERY = "Datum van het werk"
    COL_DESCRIPTION = "Omschrijving"
    COL_QUANTITY = "Aantal"
    COL_PRICE = "Prijs"
    COL_AMOUNT = "Bedrag"
    SUBTOTAL = "Totaal zonder btw"
    VAT_LINE = "Btw {pct}%"
    TOTAL = "Totaal te betalen"
    KOR_NOTE = "Btw: vrijgesteld op grond van de kleineondernemersregeling (KOR)."
    PAY_TO = "Graag betalen op rekening {iban}, onder vermelding van factuurnummer {number}."
    PDF_AUTHOR = "Factuurmaker, cursus Sleutelpersonen Werken"


class SelfCheckText:
    """Texts of course/selfcheck.py (the private self-check)."""

    TITLE = "Zelftest: hoeveel energie kost het je?"
    INTRO = (
        "Deze zelftest heeft 19 vragen in 3 delen. Denk bij elke vraag aan de laatste weken. "
        "Kies het antwoord dat het beste past. Er zijn geen goede of foute antwoorden."
    )
    PRIVATE = (
        "Privé: je antwoorden blijven op deze computer, in de map {folder}. "
        "Die map hoort niet bij een opdracht. Je levert je antwoorden dus nooit in. "
        "Niemand geeft er een cijfer voor en ze gaan niet naar je trainer."
    )
    PRIVATE_HUB = (
        "Werk je op een server van je opleiding (JupyterHub)? "
        "Dan staat de map in jouw eigen ruimte op die server."
    )
    NOT_A_DIAGNOSIS = "Deze zelftest is geen diagnose."
    SOURCE = (
        "Bron: {name}, {citation} Vrij te gebruiken met bronvermelding. "
        "De Nederlandse vragen zijn {translation}."
    )
    QUESTION = "Vraag {number}"
    RESULT_TITLE = "Jouw uitkomst"
    RESULT_START = "Beantwoord de vragen hierboven. Je uitkomst verschijnt dan hier."
    RESULT_SCORE = "Uitkomst: {score} van de 100."
    RESULT_WORD = "Je antwoorden lagen gemiddeld rond: {words}."
    RESULT_PARTIAL = "Je hebt {answered} van de {total} vragen van dit deel beantwoord."
    RESULT_NEED_MORE = "Beantwoord nog {missing} vragen van dit deel. Dan zie je de uitkomst."
    RESULT_NONE = "Nog geen antwoorden."
    MEANING_TITLE = "Wat betekent dit?"
    MEANING = (
        "Elk deel krijgt een getal van 0 tot 100. Hoe hoger het getal, hoe meer moeheid en "
        "uitputting je nu merkt. 0 betekent: nooit. 100 betekent: altijd.",
        "Er is geen vaste grens die zegt: nu ben je opgebrand. Sommige websites noemen wel "
        "grenzen. Maar die zijn niet goed onderzocht. Daarom zeggen we niet of je getal laag of "
        "hoog is.",
        "Kijk vooral naar jezelf. Herken je veel van deze klachten? Houden ze al lang aan? "
        "Dan is het tijd om iets te doen.",
    )
    NOT_A_DIAGNOSIS_LONG = (
        "Deze zelftest is geen diagnose. Alleen een huisarts of psycholoog kan zeggen of je "
        "overspannen bent of een burn-out hebt."
    )
    HUISARTS = (
        "Maak je je zorgen over jezelf? Of gaat het al een tijd niet goed? Maak dan een afspraak "
        "bij je huisarts. Praat er ook over met iemand die je vertrouwt."
    )
    CRISIS = (
        "Heb je donkere gedachten? Denk je aan zelfdoding? Bel dan {phone} of {phone_0800}. "
        "Dat is gratis, dag en nacht, en je hoeft je naam niet te zeggen. "
        "Je kunt ook chatten op 113.nl."
    )
    SAVE_RESULT = "Bewaar deze uitkomst"
    SAVED_RESULT = "Je uitkomst van vandaag is bewaard. Alleen op deze computer."
    NOTHING_TO_SAVE = "Er is nog geen uitkomst om te bewaren."
    HISTORY_TITLE = "Je eerdere uitkomsten"
    HISTORY_DATE = "Datum"
    DELETE = "Wis mijn gegevens"
    CONFIRM = (
        "Weet je het zeker? Je antwoorden en je eerdere uitkomsten worden gewist. "
        "Dit kun je niet ongedaan maken."
    )
    CONFIRM_YES = "Ja, wis alles"
    CONFIRM_NO = "Nee, toch niet"
    DELETED = "Je gegevens van de zelftest zijn gewist."
    NOT_DELETED = "Er is niets gewist."
    UNREADABLE = (
        "Je eerder bewaarde antwoorden konden niet worden gelezen. Je kunt gewoon opnieuw "
        "beginnen. Het oude bestand blijft als reservekopie in je privé-map. "
        "Met de knop 'Wis mijn gegevens' haal je ook dat weg."
    )
    PLAIN = "Zelftest (privé). Je antwoorden staan niet in dit notebook."


class SelfCarePlanText:
    """Texts of course/selfcareplan.py (the private self-care plan)."""

    TITLE = "Mijn zelfzorgplan"
    INTRO = (
        "Vul in wat bij jou past. Kort is goed. Je hoeft niet alles in één keer te doen. "
        "Alles wat je typt, wordt meteen bewaard."
    )
    PRIVATE = (
        "Privé: je plan blijft op deze computer, in de map {folder}. "
        "Die map hoort niet bij een opdracht. Je levert je plan dus nooit in. "
        "Niemand geeft er een cijfer voor en het gaat niet naar je trainer."
    )
    PRIVATE_HUB = (
        "Werk je op een server van je opleiding (JupyterHub)? "
        "Dan staat de map in jouw eigen ruimte op die server."
    )
    REVIEW = "Ik kijk weer naar dit plan:"
    REVIEW_NONE = "(nog niet gekozen)"
    ALWAYS_TITLE = "Altijd goed om te weten"
    ALWAYS = (
        "Denk je aan zelfdoding? Bel {phone} of {phone_0800}. Gratis, dag en nacht, anoniem. "
        "Of chat op 113.nl.",
        "Is er direct levensgevaar? Bel {alarm}.",
        "Heb je 's avonds of in het weekend een arts nodig? Bel de huisartsenpost.",
    )
    EXPORT = "Maak een printversie"
    EXPORTED = (
        "Je printversie staat in je privé-map: {html_file} (om te printen) en {text_file} "
        "(gewone tekst)."
    )
    DOWNLOAD = "Download de printversie"
    DOWNLOAD_NOTE = (
        "Je browser zet het bestand dan in je map Downloads. Open het en kies Afdrukken. "
        "Wis het bestand daarna zelf als je het niet meer nodig hebt."
    )
    EMPTY = "Je plan is nog leeg. Vul eerst iets in."
    DELETE_CONFIRM = (
        "Weet je het zeker? Je hele plan en de printversie in je privé-map worden gewist. "
        "Dit kun je niet ongedaan maken. Een download of een printje wis je zelf."
    )
    DELETED = "Je zelfzorgplan is gewist."
    UNREADABLE = (
        "Je eerder bewaarde plan kon niet worden gelezen. Je kunt gewoon opnieuw beginnen. "
        "Het oude bestand blijft als reservekopie in je privé-map. "
        "Met de knop 'Wis mijn gegevens' haal je ook dat weg."
    )
    MADE_ON = "Gemaakt op {day}."
    REVIEW_LINE = "Ik kijk weer naar dit plan: {when}."
    NOTHING = "(nog niet ingevuld)"
    PLAIN = "Mijn zelfzorgplan (privé). Je plan staat niet in dit notebook."


class HandinText:
    ID_LABEL = "Jouw deelnemersnummer"
    ID_PLACEHOLDER = "Je krijgt het van je trainer"
    ASSIGNMENT_LABEL = "Opdracht"
    BUTTON = "Maak mijn inleverpakket"
    NO_ASSIGNMENTS = (
        "Er staat nog geen opdracht op deze computer. Zet de map van je opdracht in dezelfde "
        "map als de map course. Voer daarna deze cel opnieuw uit."
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
