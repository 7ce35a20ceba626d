"""Dutch texts of the module 2 tools: energy planner, self-check and self-care plan."""


class EnergyText:
    """Texts of course/tools/energy.py (private weekly energy planner)."""

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
        "Privé: je trainer ziet dit niet. Het wordt niet ingeleverd en telt niet mee voor "
        "het keurmerk. Op je eigen computer ziet alleen jij het. Werk je online bij je "
        "trainingsorganisatie? Dan kunnen de beheerders daar er wel bij."
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

    DELETE_QUESTION = (
        "Weet je het zeker? Alles wat je in deze planner hebt ingevuld, wordt gewist. "
        "Dat kun je niet terugdraaien."
    )
    DELETED = "Je gegevens zijn gewist. Er is niets meer van deze planner bewaard."
    NOTHING_TO_DELETE = "Er waren geen gegevens bewaard. Het formulier is nu leeg."
    SAVED = "Bewaard in je eigen map."
    SAVE_FAILED = "Bewaren lukte niet. De planner werkt wel, maar je invulling wordt niet bewaard."
    LOAD_FAILED = (
        "Je bewaarde planner kon niet worden gelezen. Je begint met een leeg formulier. "
        "Het oude bestand wordt bewaard als reservekopie zodra je iets invult."
    )


class SelfCheckText:
    """Texts of course/tools/selfcheck.py (the private self-check)."""

    TITLE = "Zelftest: hoeveel energie kost het je?"
    INTRO = (
        "Deze zelftest heeft 19 vragen in 3 delen. Denk bij elke vraag aan de laatste weken. "
        "Kies het antwoord dat het beste past. Er zijn geen goede of foute antwoorden."
    )
    PRIVATE = (
        "Privé: je antwoorden staan in de map {folder}. "
        "Die map hoort niet bij een opdracht. Je levert je antwoorden dus nooit in. "
        "Niemand geeft er een cijfer voor en ze gaan niet naar je trainer."
    )
    PRIVATE_HUB = (
        "Werk je op je eigen computer? Dan ziet alleen jij je antwoorden. "
        "Werk je online bij je trainingsorganisatie? Dan staat de map in je eigen ruimte daar. "
        "Je trainer kan er niet bij. Maar de beheerders van de organisatie kunnen er wel bij."
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
    SAVED_RESULT = "Je uitkomst van vandaag is bewaard in je privé-map."
    NOTHING_TO_SAVE = "Er is nog geen uitkomst om te bewaren."
    HISTORY_TITLE = "Je eerdere uitkomsten"
    HISTORY_DATE = "Datum"
    CONFIRM = (
        "Weet je het zeker? Je antwoorden en je eerdere uitkomsten worden gewist. "
        "Dit kun je niet ongedaan maken."
    )
    DELETED = "Je gegevens van de zelftest zijn gewist."
    UNREADABLE = (
        "Je eerder bewaarde antwoorden konden niet worden gelezen. Je kunt gewoon opnieuw "
        "beginnen. Het oude bestand blijft als reservekopie in je privé-map. "
        "Met de knop 'Wis mijn gegevens' haal je ook dat weg."
    )
    PLAIN = "Zelftest (privé). Je antwoorden staan niet in dit notebook."
    # Online (a JupyterHub): nothing is stored unless the learner ticks the box.
    HUB_NOT_STORED = (
        "Je werkt online, op de server van je trainingsorganisatie. Daar bewaren we je "
        "antwoorden niet, tenzij je dat zelf kiest. Sluit je deze pagina? "
        "Dan zijn je antwoorden weg."
    )
    HUB_WHO_READS = (
        "Wie kan een bewaard bestand op de server lezen? Je trainer en de andere deelnemers "
        "niet. De beheerders van de server wel."
    )
    HUB_KEEP = "Bewaar mijn antwoorden op de server"
    HUB_KEPT = "Je antwoorden worden nu bewaard in je privé-map op de server."
    HUB_NOT_KEPT = "Je antwoorden worden niet bewaard. Wat al bewaard was, is gewist."
    HUB_SAVE_FIRST = (
        "Je uitkomst staat hierboven. Wil je hem bewaren? Zet dan eerst het vinkje bij "
        "'Bewaar mijn antwoorden op de server'."
    )


class SelfCarePlanText:
    """Texts of course/tools/selfcareplan.py (the private self-care plan)."""

    TITLE = "Mijn zelfzorgplan"
    INTRO = (
        "Vul in wat bij jou past. Kort is goed. Je hoeft niet alles in één keer te doen. "
        "Alles wat je typt, wordt meteen bewaard."
    )
    PRIVATE = (
        "Privé: je plan staat in de map {folder}. "
        "Die map hoort niet bij een opdracht. Je levert je plan dus nooit in. "
        "Niemand geeft er een cijfer voor en het gaat niet naar je trainer."
    )
    PRIVATE_HUB = (
        "Werk je op je eigen computer? Dan ziet alleen jij je plan. "
        "Werk je online bij je trainingsorganisatie? Dan staat de map in je eigen ruimte daar. "
        "Je trainer kan er niet bij. Maar de beheerders van de organisatie kunnen er wel bij."
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

    # The questions of the plan: key -> (label, help, placeholder).
    FIELDS = {
        "energy_givers": (
            "Dit geeft mij energie",
            "Wat maakt je blij of rustig? Waar laad je van op?",
            "Bijvoorbeeld: wandelen, koken met mijn kinderen, bidden, voetbal kijken.",
        ),
        "energy_takers": (
            "Dit kost mij energie",
            "Wat maakt je moe of onrustig? Denk aan werk, thuis en je telefoon.",
            "Bijvoorbeeld: telefoontjes 's avonds laat, zware verhalen, ruzie over geld.",
        ),
        "signals": (
            "Mijn signalen",
            "Hoe merk je dat het te veel wordt? In je lijf, in je hoofd en in je gedrag.",
            "Bijvoorbeeld: ik slaap slecht, ik ben kort tegen mijn kinderen, ik pieker veel.",
        ),
        "limits": (
            "Mijn grenzen",
            "Wat doe je wel en wat doe je niet? Op welke tijden ben je bereikbaar?",
            "Bijvoorbeeld: na negen uur 's avonds neem ik niet meer op. Op zondag help ik niemand.",
        ),
        "say_no": (
            "Zo zeg ik nee",
            "Schrijf zinnen op die bij jou passen. Dan heb je ze klaar als je ze nodig hebt.",
            "Bijvoorbeeld: Ik wil je graag helpen, maar vandaag lukt het niet. Morgen kan ik wel.",
        ),
        "support_people": (
            "Mijn steunpersonen",
            "Met wie kun je praten? Denk aan een buddy, je intervisiegroep of je coördinator.",
            "Bijvoorbeeld: mijn buddy, mijn zus, de coördinator van het buurthuis.",
        ),
        "when_signals": (
            "Dit doe ik als ik signalen merk",
            "Wat is je eerste stap? En wat doe je als het dan nog niet beter gaat?",
            "Bijvoorbeeld: ik neem een avond vrij en bel mijn buddy. "
            "Helpt dat niet? Dan ga ik naar de huisarts.",
        ),
        "huisarts": (
            "Mijn huisarts",
            "Schrijf de naam en het telefoonnummer van je huisartsenpraktijk op.",
            "Naam en telefoonnummer van je huisarts",
        ),
        "who_i_call": (
            "Wie bel ik als het niet meer gaat?",
            "Kies mensen die je echt kunt bellen, ook als het slecht met je gaat.",
            "Bijvoorbeeld: mijn broer, mijn buddy.",
        ),
    }
    REVIEW_OPTIONS = {"1": "over 1 maand", "3": "over 3 maanden", "6": "over 6 maanden"}
