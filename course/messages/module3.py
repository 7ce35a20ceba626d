"""Dutch texts of the module 3 tools: rate calculator, comparison, invoices and hours."""


class RateCalcText:
    """Texts of course/tools/ratecalc.py (rate calculator)."""

    TITLE = "Rekenhulp: van netto inkomen naar uurtarief"
    INTRO = (
        "Vul in wat je per maand netto wilt overhouden. Vul ook je uren, kosten en "
        "aannames in. Druk na het typen op Enter. Je ziet dan welk uurtarief je nodig hebt."
    )
    DISCLAIMER = "Dit is een schatting, geen belastingadvies."
    LABEL_NET = "Netto per maand (euro):"
    LABEL_HOURS = "Werkuren per week (alles):"
    LABEL_BILLABLE = "Daarvan uren voor klanten:"
    LABEL_WEEKS_OFF = "Weken per jaar niet werken:"
    LABEL_COSTS = "Bedrijfskosten per jaar (euro):"
    LABEL_TAX = "Belasting en premies, aanname (%):"
    LABEL_PENSION = "Opzij voor pensioen, per maand (euro):"
    LABEL_DISABILITY = "Opzij voor ziekte, per maand (euro):"
    PLACEHOLDER_AMOUNT = "bijvoorbeeld 2.000"
    PLACEHOLDER_HOURS = "bijvoorbeeld 32"
    PLACEHOLDER_TAX = "bijvoorbeeld 20"
    WEEKS_OPTION = "{weeks} weken"
    RATE = "Je uurtarief: {rate} per uur, zonder btw."
    RATE_BTW = (
        "Moet je btw rekenen? Met {btw}% btw betaalt je klant {rate} per uur. "
        "Met de KOR of bij vrijgesteld werk komt er geen btw bij (zie les 4)."
    )
    STEPS_TITLE = "Zo reken je het uit (per jaar)"
    COL_STEP = "Stap"
    COL_AMOUNT = "Bedrag"
    STEP_NET = "Netto: {net} × 12 maanden"
    STEP_PENSION = "Opzij voor pensioen: {amount} × 12"
    STEP_DISABILITY = "Opzij voor ziekte (arbeidsongeschiktheid): {amount} × 12"
    STEP_NEEDED = "Nodig na belasting"
    STEP_TAX = "Belasting en premies: {percent}% van de winst (aanname)"
    STEP_PROFIT = "Winst voor belasting: nodig na belasting ÷ {share}"
    STEP_COSTS = "Bedrijfskosten"
    STEP_TURNOVER = "Omzet die je nodig hebt, zonder btw"
    STEP_WEEKS = "Weken dat je werkt: 52 − {off}"
    STEP_BILLABLE = "Uren voor klanten: {hours} × {weeks} weken"
    STEP_RATE = "Uurtarief: omzet ÷ uren voor klanten"
    WEEKS_UNIT = "{weeks} weken"
    HOURS_UNIT = "{hours} uur"
    UNBILLED = (
        "Van je {hours} werkuren per week zijn er {unbilled} niet voor klanten. "
        "Denk aan administratie, klanten zoeken en reizen. Die uren betaalt niemand direct. "
        "Daarom telt het tarief alleen de uren voor klanten."
    )
    CRITERION_OK = (
        "Je werkt ongeveer {hours} uur per jaar aan je bedrijf. Dat is genoeg voor de "
        "{limit} uur van het urencriterium. Heb je ook een baan? Dan moet ook meer dan de "
        "helft van je werktijd naar je bedrijf gaan, behalve als je starter bent (zie les 4)."
    )
    CRITERION_SHORT = (
        "Je werkt ongeveer {hours} uur per jaar aan je bedrijf. Het urencriterium vraagt "
        "minstens {limit} uur. Dat haal je dan niet (zie les 4)."
    )
    NO_PENSION = (
        "Je zet niets opzij voor pensioen. Als zzp'er bouw je geen pensioen op via een "
        "werkgever. Denk hier goed over na."
    )
    NO_DISABILITY = (
        "Je zet niets opzij voor arbeidsongeschiktheid. Word je ziek, dan heb je als zzp'er "
        "geen inkomen. Denk hier goed over na."
    )
    ASSUMPTIONS_TITLE = "Aannames en bronnen"
    ASSUME_TAX = (
        "Belasting en premies: je aanname is {percent}% van de winst. Dat is één getal voor "
        "alles samen: inkomstenbelasting, premies en de bijdrage voor de zorgverzekering (Zvw). "
        "De cursus begint met {estimate}%. Dat is een ruwe schatting, geen officieel getal. "
        "{box1} Dat tarief betaal je niet over je hele winst. Eerst gaan "
        "de aftrekposten eraf, zoals de zelfstandigenaftrek en de MKB-winstvrijstelling. Daarna "
        "gaan de heffingskortingen van de belasting af, zoals de arbeidskorting. De Zvw-bijdrage "
        "komt erbij. Het echte percentage kan lager of hoger zijn: hoe hoger je winst, hoe hoger "
        "het percentage. Een boekhouder kan je een beter percentage geven."
    )
    ASSUME_DISABILITY = (
        "Arbeidsongeschiktheid: in {course_year} is er geen verplichte verzekering voor "
        "zzp'ers. Er is alleen een wetsvoorstel. Dat noemt een premie van {percent}% van de "
        "winst, hoogstens een bedrag per maand. Het is nog geen wet. Je kiest zelf: sparen of "
        "een verzekering afsluiten."
    )
    ASSUME_PENSION = (
        "Pensioen: als zzp'er bouw je geen pensioen op bij een werkgever. De AOW bouw je op "
        "door in Nederland te wonen: ongeveer {percent}% per jaar, in de {years} jaar voor "
        "je AOW-leeftijd. Kwam je later naar Nederland? Dan krijg je minder AOW. Hoeveel je "
        "extra opzij zet, kies je zelf."
    )
    ASSUME_HOLIDAYS = (
        "Vakantie, feestdagen en ziek zijn: in die weken verdien je niets. Daarom reken je "
        "met {weeks} werkweken in plaats van 52."
    )
    ASSUME_COSTS = (
        "Bedrijfskosten: bijvoorbeeld je laptop, telefoon, reiskosten, verzekeringen en een "
        "boekhouder. Tel alles per jaar bij elkaar op."
    )
    ASSUME_ORDER = (
        "De rekenhulp telt pensioen en arbeidsongeschiktheid bij wat je na belasting nodig "
        "hebt. Dat is voorzichtig: soms mag je dit aftrekken. Vraag dat na bij een boekhouder."
    )
    SOURCE = "Bron"
    LOW = "onzeker: één bron"
    FIX_FIRST = "Verbeter eerst dit:"
    NOT_A_NUMBER = "'{text}' is geen getal. Typ alleen cijfers, bijvoorbeeld 2.000 of 12,50."
    EMPTY = "Vul bij '{label}' een getal in."
    NEGATIVE = "Vul bij '{label}' 0 of meer in."
    NO_BILLABLE = "Vul bij '{label}' meer dan 0 uur in."
    TOO_MANY_HOURS = "Een week heeft {max} uur. Vul bij '{label}' minder in."
    BILLABLE_ABOVE_HOURS = "Je kunt niet meer uren declareren dan je werkt."
    WEEKS_OFF_RANGE = "Vul bij de weken zonder werk 0 tot en met 51 in."
    TAX_RANGE = "Vul bij de belasting een percentage van 0 tot 100 in."


class CompareText:
    """Texts of course/tools/compare.py (comparison table and chart)."""

    CORNER = "Onderwerp"
    CAPTION = "Drie manieren om geld te krijgen voor je werk ({year})"
    ROUTES = ("Vrijwilliger", "Betaalde baan (zoals de BuurtBaan)", "Zzp'er")
    # Each row: topic -> text per way. {name} is a figure from the facts (see FIGURES).
    ROWS = {
        "Wat krijg je?": (
            "Een kleine vergoeding voor je kosten of je inzet, geen loon. "
            "Hoogstens {vv_maand} per maand en {vv_jaar} per jaar. En hoogstens {vv_uur} per uur "
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
            "Krijg je eigenlijk een loon voor je uren? Dan is het geen vrijwilligerswerk meer.",
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
    X_LABEL = "Euro per jaar (bruto, {year})"
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
    ALT_VOLUNTEER_NOTE = "Die vergoeding is voor je kosten of je inzet, geen loon voor je uren."
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


class InvoiceText:
    """Texts of course/tools/invoice/ (invoice maker)."""

    TITLE = "Factuurmaker"
    INTRO = (
        "Vul de factuur in. Je ziet meteen wat er nog ontbreekt. "
        "Is alles goed? Dan zie je de factuur en kun je hem als PDF bewaren."
    )
    DISCLAIMER = "Dit is een hulpmiddel om te oefenen, geen belastingadvies."
    PRIVATE = (
        "Je facturen worden bewaard in je eigen map: {folder}. "
        "Ze gaan niet mee als je een opdracht inlevert. Werk je online bij je "
        "trainingsorganisatie? Dan kunnen de beheerders daar er wel bij."
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
    EXAMPLE_PARTIES = {
        "seller_name": "Samira Tolk en Voorlichting",
        "seller_address": "Voorbeeldstraat 12, 3071 AB Rotterdam",
        "client_name": "Stichting Buurtkracht",
        "client_address": "Pleinweg 5, 3083 AA Rotterdam",
    }
    EXAMPLE_LINES = (
        ("Voorlichting ouderavond in het Arabisch (uren)", "2", "55,00"),
        ("Tolken bij gesprek met het wijkteam (uren)", "1,5", "55,00"),
    )
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

    # Deleting every saved invoice ("Wis mijn gegevens").
    DELETE_QUESTION = (
        "Weet je het zeker? Al je bewaarde facturen (PDF en gegevens) in je eigen map worden "
        "gewist. Dit kun je niet ongedaan maken. Een PDF die je hebt gedownload, wis je zelf."
    )
    DELETED = "Je bewaarde facturen zijn gewist."
    NOTHING_TO_DELETE = "Er waren geen facturen bewaard. Het formulier is nu leeg."


class HoursText:
    """Texts of course/tools/hours.py (hours log for the urencriterium)."""

    TITLE = "Urenlijst voor het urencriterium"
    INTRO = (
        "Kies een week. Vul per soort werk je uren in, bijvoorbeeld 2,5. "
        "Klik dan op Opslaan. Onder de knoppen zie je je totaal van het jaar."
    )
    PRIVATE = (
        "Je urenlijst staat in je eigen map. Hij gaat niet mee met een opdracht. "
        "Je trainer ziet hem niet. Werk je online bij je trainingsorganisatie? "
        "Dan kunnen de beheerders daar er wel bij."
    )
    LABEL_YEAR = "Jaar:"
    LABEL_WEEK = "Week:"
    WEEK_OPTION = "week {week} ({start} tot en met {end})"
    PLACEHOLDER = "uren, bijvoorbeeld 2,5"
    SAVE = "Opslaan"
    SAVE_TOOLTIP = "Sla de uren van deze week op"
    CLEAR = "Week wissen"
    CLEAR_TOOLTIP = "Wis alle uren van deze week"
    SAVED = "De uren van week {week} zijn opgeslagen."
    CLEARED = "De uren van week {week} zijn gewist."
    FIX_FIRST = "Nog niet opgeslagen. Verbeter eerst dit:"
    NOT_A_NUMBER = "'{text}' is geen getal. Typ alleen cijfers, bijvoorbeeld 2,5."
    NEGATIVE = "Vul bij '{label}' 0 of meer uren in."
    TOO_MANY_KIND = "Vul bij '{label}' hoogstens {max} uur in: zoveel uren heeft een week."
    TOO_MANY_WEEK = "Samen is dit {hours} uur. Een week heeft maar {max} uur."
    UNKNOWN_KIND = "Onbekende soort uren: {kind}."
    BAD_WEEK = "Week {week} bestaat niet in {year}."
    CORRUPT = (
        "Je opgeslagen urenlijst kon niet worden gelezen. Sla je iets op? Dan maken we eerst "
        "een reservekopie van het oude bestand."
    )
    BACKUP = "De reservekopie heet {name}."
    SUMMARY_TITLE = "Jouw uren in {year}"
    COL_KIND = "Soort werk"
    COL_HOURS = "Uren"
    COL_COUNTS = "Telt mee?"
    YES = "ja"
    NO = "nee"
    DIRECT_TOTAL = "Direct (voor klanten): {hours} uur"
    INDIRECT_TOTAL = "Indirect (administratie, klanten zoeken, reizen): {hours} uur"
    COUNTED_TOTAL = "Telt mee voor het urencriterium: {hours} van de {limit} uur"
    NOT_COUNTED = "Niet voor je bedrijf: {hours} uur. Die uren tellen niet mee."
    MET = "Je haalt het urencriterium van {limit} uur in {year}."
    REMAINING = "Je hebt nog {hours} uur nodig om {limit} uur te halen."
    PER_WEEK = "Dat is ongeveer {hours} uur per week in de {weeks} weken die nog over zijn."
    NO_WEEKS_LEFT = "Dit jaar is voorbij. Je hebt het urencriterium niet gehaald."
    WEEKS_LOGGED = "Je hebt {count} weken ingevuld."
    ONE_WEEK_LOGGED = "Je hebt 1 week ingevuld."
    IMPOSSIBLE = "Zoveel uren heeft een week niet. Dit jaar haal je het urencriterium niet meer."
    NOTHING_YET = "Je hebt voor {year} nog geen uren ingevuld."
    WHAT_COUNTS = (
        "Wat telt mee? Alle uren die je aan je bedrijf besteedt. Dus ook administratie, "
        "klanten zoeken en reizen voor je werk. Uren voor een baan of vrijwilligerswerk tellen "
        "niet mee."
    )
    SOURCE = "Bron"
    PROGRESS_LABEL = "Voortgang naar {limit} uur"
    DELETE_QUESTION = (
        "Weet je het zeker? Je hele urenlijst wordt gewist, van alle jaren. "
        "Dit kun je niet ongedaan maken."
    )
    DELETED = "Je urenlijst is gewist. Er is niets meer van bewaard."
    NOTHING_TO_DELETE = "Er waren geen uren bewaard. De urenlijst is nu leeg."
    KIND_LABELS = {
        "direct": "Werk voor klanten:",
        "administratie": "Administratie:",
        "acquisitie": "Klanten zoeken:",
        "reizen": "Reizen voor je werk:",
        "niet_bedrijf": "Niet voor je bedrijf:",
    }
    KIND_HELP = {
        "direct": "het werk waarvoor je een factuur stuurt",
        "administratie": "facturen, boekhouding, post, btw-aangifte",
        "acquisitie": "acquisitie: netwerken, gesprekken met nieuwe klanten, je website",
        "reizen": "naar klanten en afspraken voor je bedrijf",
        "niet_bedrijf": "bijvoorbeeld vrijwilligerswerk of een baan in loondienst",
    }


class KnownText:
    """Texts for amounts that are not known yet for the course year (course/tools/known.py)."""

    LIMITS_OLD = (
        "Let op: deze check rekent met de grenzen van {year}. Die van {course_year} zijn "
        "nog niet bekend. Kijk voor de grenzen van dit jaar op toeslagen.nl of doe de "
        "proefberekening."
    )
    FIGURE_OLD = "{value} (bedrag van {date})"
    TABLE_OLD = (
        "Een bedrag met '(bedrag van …)' erachter is een oud bedrag: dat van {year}. "
        "Het bedrag van {course_year} is nog niet bekend. Zoek het bedrag van dit jaar op "
        "bij de instantie zelf: de Belastingdienst (vrijwilligersvergoeding), "
        "de Rijksoverheid (minimumloon) of de KVK (inschrijven)."
    )
    CHART_OLD = (
        "De grafiek rekent met de bedragen van {year}. Die van {course_year} zijn nog niet bekend."
    )
    TAX_OLD = (
        "Het tarief van box 1 was in {year} {first}% tot ongeveer {limit1}, {second}% tot "
        "ongeveer {limit2} en {third}% daarboven. De tarieven van {course_year} zijn nog niet "
        "bekend: kijk op belastingdienst.nl bij 'tarieven inkomstenbelasting'."
    )
    TAX_NOW = (
        "Het tarief van box 1 is in {course_year} {first}% tot ongeveer {limit1}, {second}% "
        "tot ongeveer {limit2} en {third}% daarboven."
    )


class InvoiceExampleText:
    """Texts of course/tools/invoice/example.py (Samira's btw example in lesson m3-l5)."""

    INTRO = (
        "Samira rekent met het gewone btw-tarief van dit jaar: {percent}%. "
        "Alle bedragen in deze tabel zijn in euro's."
    )
    HEADER = "| Omschrijving | Aantal uren | Prijs per uur | Bedrag |"
    ROW_SUBTOTAL = "| **Totaal zonder btw** | | | **{amount}** |"
    ROW_VAT = "| Btw {percent}% | | | {amount} |"
    ROW_TOTAL = "| **Totaal te betalen** | | | **{amount}** |"
    STEPS_TITLE = "Zo gaat het, stap voor stap:"
    STEP_LINE = "Per regel reken je: aantal keer prijs. Dus {quantity} keer {price} is {amount}."
    STEP_SUBTOTAL = "Je telt de regels op. Zo krijg je het totaal zonder btw: {amount}."
    STEP_PERCENT = "Je rekent {percent}% van dat totaal. Dat is {exact}."
    STEP_ROUND = (
        "Je rondt af op hele centen. Een 5 of hoger rond je naar boven af. Dus wordt het {amount}."
    )
    STEP_NO_ROUND = "Dat is al een bedrag in hele centen: {amount}."
    STEP_TOTAL = "Je telt het totaal en de btw bij elkaar op. Samen is dat {amount}."
