"""Every Dutch text of the keurmerk package (verifiers, keurmerkbeheerders), in one place."""

NOT_JSON = "Dit bestand kunnen we niet lezen: het is geen certificaat (geen geldige JSON)."
UNREADABLE = "Dit bestand kunnen we niet lezen. Het is geen certificaat dat we kunnen controleren."
NO_PROOF = "Het certificaat heeft geen digitale handtekening."
MANY_PROOFS = (
    "Dit bestand kunnen we niet lezen: het heeft meer dan één digitale handtekening. "
    "Een keurmerk heeft er één."
)
PROOF_OK = (
    "De digitale handtekening klopt: niemand heeft de gegevens veranderd, ook de naam van "
    "de houder niet."
)
PROOF_BAD = "De digitale handtekening klopt niet. Het certificaat is veranderd of vervalst."
UNSIGNED_FIELDS = (
    "In het certificaat staan gegevens die de digitale handtekening niet beschermt. "
    "Vertrouw het niet."
)
ISSUER_OK = "Het keurmerk komt van {name}. Die organisatie mag het keurmerk geven."
ISSUER_UNKNOWN = "Dit certificaat is niet van een erkende uitgever."
DATES_OK = "De datums kloppen: het certificaat is niet verlopen."
ISSUER_UNPROVEN = (
    "Van wie het certificaat komt, weten we niet zeker, want de digitale handtekening klopt niet."
)
DATES_BAD = "De datums in het certificaat zijn niet leesbaar."
NOT_YET_VALID = "Het certificaat is nog niet geldig."
EXPIRED = "Het certificaat is verlopen op {date}."
STATUS_OK = "Het certificaat is niet geschorst en niet ingetrokken."
STATUS_UNKNOWN = "De status van het certificaat kon niet worden gecontroleerd."
SUSPENDED = "Het certificaat is geschorst."
REVOKED = "Het certificaat is ingetrokken."
REPLACED = "Het certificaat is vervangen door een nieuwer keurmerk. Alleen het nieuwste telt."
REPLACED_BY = "Het certificaat is vervangen door keurmerk {number}. Alleen dat nummer telt."
KEY_REVOKED = (
    "De handtekening is gemaakt met een sleutel die de uitgever heeft ingetrokken. "
    "Vertrouw dit certificaat niet."
)
KEY_RETIRED = (
    "De handtekening is gemaakt met een oude sleutel, na {date}. Toen was die sleutel al "
    "buiten gebruik. Vertrouw dit certificaat niet."
)
NOT_IN_REGISTER = "Dit certificaat staat niet zo in het register van de uitgever."
TOO_COMPLEX = (
    "Dit bestand kunnen we niet lezen: het is te groot of te ingewikkeld voor een certificaat."
)
UNKNOWN_CONTEXT = (
    "Dit bestand kunnen we niet lezen: het gebruikt een vorm (JSON-LD-context) die we niet "
    "kennen. Dat wil niet zeggen dat het vals is."
)
UNKNOWN_FORMAT = (
    "Dit bestand kunnen we niet lezen: de digitale handtekening is van een soort die we niet "
    "kennen. Dat wil niet zeggen dat het vals is."
)
NO_CREDENTIAL_IN_PDF = (
    "Dit bestand kunnen we niet lezen: in deze PDF zit geen certificaat met een digitale "
    "handtekening. "
    "Controleer het keurmerknummer op de PDF op de startpagina."
)
DATA_MODEL_BAD = (
    "Het certificaat houdt zich niet aan de regels van de standaard voor digitale "
    "certificaten (W3C Verifiable Credentials 2.0). Er ontbreekt iets, of een datum of adres "
    "is niet goed geschreven. Vertrouw het niet."
)
TOO_SLOW = "Dit bestand kunnen we niet lezen: de controle duurde te lang."
CANNOT_OPEN = "Dit bestand kunnen we niet openen: {path}"
CLI_BAD_DOCUMENT = "{path} kunnen we niet lezen: het is geen uitgeversdocument of statuslijst."
HOLDER = "Naam van de houder"
NUMBER = "Keurmerknummer"
COMPARE_NAME = (
    "Vergelijk deze naam met de persoon of het document voor je. Staat er op de PDF of het "
    "pasje een andere naam? Vertrouw het dan niet."
)

# Decisions (rules.py)
DECISION_YES = "Ja: alle eisen voor het keurmerk zijn gehaald."
DECISION_NOT_YET = "Nog niet:"
REASON_NOT_SUBMITTED = "{module}: de opdracht is nog niet ingeleverd of nagekeken"
REASON_NOT_GRADED = "{module}: {items} is nog niet beoordeeld"
REASON_NOT_GRADED_MANY = "{module}: {items} zijn nog niet beoordeeld"
REASON_LATE = "{module}: de opdracht is te laat ingeleverd"
REASON_SCORE = "{module}: {percentage}% van de punten, nodig is {needed}%"
REASON_HOURS = "{hours} praktijkuren, nodig zijn er {needed}"
REASON_INTERVISION = "{sessions} intervisiebijeenkomsten, nodig zijn er {needed}"

# PDF certificate (pdf.py)
PDF_TITLE = "Keurmerk Sleutelpersoon"
PDF_AWARDED_TO = "Dit keurmerk is toegekend aan"
PDF_STATEMENT = (
    "Deze persoon heeft de cursus Sleutelpersonen Werken gehaald en voldoet aan de "
    "praktijkeisen. Een sleutelpersoon helpt bewoners veilig en met respect de weg te vinden "
    "naar instanties."
)
PDF_AWARDED = "Toegekend op"
PDF_VALID_UNTIL = "Geldig tot"
PDF_ISSUER = "Uitgegeven door"
PDF_NUMBER = "Keurmerknummer"
PDF_QR_ALT = "QR-code naar de controlepagina van dit keurmerk"
PDF_CHECK = "Scan de QR-code of ga naar {url} om te controleren of dit keurmerk geldig is."
PDF_FONTS_MISSING = (
    "De PDF kan niet worden gemaakt: het lettertype {path} ontbreekt. Installeer het "
    "Debian-pakket {package}, bijvoorbeeld met: sudo apt-get install {package}"
)
PDF_ATTACHMENT = "Het digitaal ondertekende keurmerk (Open Badges 3.0)"
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

# Verification web page (web/)
WEB_TITLE = "Keurmerk Sleutelpersoon controleren"
WEB_INTRO = (
    "Met deze pagina controleert u of iemand een geldig keurmerk sleutelpersoon heeft. "
    "Typ het keurmerknummer van het certificaat, of scan de QR-code."
)
WEB_NUMBER_LABEL = "Keurmerknummer"
WEB_NUMBER_HINT = "Bijvoorbeeld KM-7QF3-9XPA. Hoofdletters en streepjes zijn niet nodig."
WEB_CHECK = "Controleren"
WEB_FILE_INTRO = (
    "Heeft u het certificaat als bestand? Dat is de PDF, of het computerbestand dat bij de PDF "
    "hoort (het eindigt op .json). Dan controleren we ook de digitale handtekening. Die "
    "laat zien dat het keurmerk echt is en dat niemand het heeft veranderd."
)
WEB_FILE_LABEL = "Certificaat (PDF of .json-bestand)"
WEB_FILE_BUTTON = "Bestand controleren"
WEB_FILE_TITLE = "Controle van het bestand"
WEB_FILE_TOO_BIG = "Het bestand is te groot. Een certificaat is kleiner dan 2 MB."
WEB_BUSY = "Het is nu erg druk. Probeer het over een minuut opnieuw."
WEB_BAD_REQUEST = "Dit verzoek kunnen we niet lezen. Kies een bestand en probeer het opnieuw."
WEB_SERVER_ERROR = "Er ging bij ons iets mis. Probeer het later opnieuw."
WEB_RESULT_TITLE = "Resultaat van de controle"
WEB_STATUS = "Status"
WEB_NAME = "Naam"
WEB_KEURMERK = "Keurmerk"
WEB_AWARDED = "Toegekend op"
WEB_VALID_UNTIL = "Geldig tot"
WEB_ISSUER = "Uitgegeven door"
WEB_NUMBER = "Keurmerknummer"
WEB_NOT_CHECKED = "Niet gecontroleerd"
WEB_FOOTER_ISSUER = "Gegevens voor controleprogramma's"
WEB_FILE_STATUS_TEXT = {
    "geldig": "Dit keurmerk is echt en geldig.",
    "verlopen": "Dit keurmerk is echt, maar verlopen. Het is niet meer geldig.",
    "geschorst": "Dit keurmerk is echt, maar geschorst. Het is op dit moment niet geldig.",
    "ingetrokken": "Dit keurmerk is echt, maar ingetrokken. Het is niet meer geldig.",
    "vervangen": (
        "Dit keurmerk is echt, maar vervangen door een nieuwer keurmerk. Het is niet meer "
        "geldig. Controleer het nieuwe keurmerk."
    ),
    "nog niet geldig": "Dit keurmerk is echt, maar het is nog niet geldig.",
    "niet erkend": "Dit keurmerk komt niet van een organisatie die wij kennen. Vertrouw het niet.",
    "ongeldig": "Dit keurmerk is veranderd of niet echt. Vertrouw het niet.",
    "onleesbaar": "Dat wil niet zeggen dat het vals is. Vraag de houder om de PDF.",
}
# The names of the checks (verify.py) as the page shows them.
WEB_CHECK_NAMES = {
    "handtekening": "Echt en niet veranderd",
    "uitgever": "Van wie het keurmerk komt",
    "geldigheid": "Datums",
    "status": "Geschorst of ingetrokken",
    "vorm": "Vorm van het certificaat",
    "register": "In het register van de uitgever",
}
WEB_STATUS_TEXT = {
    "geldig": "Dit keurmerk is geldig.",
    "verlopen": "Dit keurmerk is verlopen. De houder heeft het (nog) niet vernieuwd.",
    "geschorst": "Dit keurmerk is geschorst. Het is op dit moment niet geldig.",
    "ingetrokken": "Dit keurmerk is ingetrokken. Het is niet meer geldig.",
    "vervangen": "Dit keurmerk is vernieuwd. Controleer het nieuwe keurmerk:",
    "niet geldig": (
        "Dit keurmerk is niet geldig. Het is al lang verlopen of ingetrokken. Daarom tonen we "
        "geen naam meer."
    ),
    "nog niet geldig": "Dit keurmerk is nog niet geldig.",
    "ongeldig": "Bij dit nummer hoort geen echt keurmerk. Vertrouw het niet.",
    "onbekend nummer": (
        "Dit nummer kennen we niet. Controleer of u het goed heeft overgenomen. "
        "Klopt het nummer? Dan is dit geen echt keurmerk."
    ),
}
WEB_AGAIN = "Een ander nummer controleren"
WEB_TOO_MANY = "U heeft te veel controles gedaan. Probeer het over een minuut opnieuw."
WEB_NOT_FOUND = "Deze pagina bestaat niet."
WEB_A11Y_TITLE = "Toegankelijkheidsverklaring"
WEB_CHECKS = "Wat we hebben gecontroleerd"
WEB_OK = "In orde"
WEB_NOT_OK = "Niet in orde"

# Command line (cli.py)
CLI_BAD_TABLE = "Kan {path} niet lezen: {error}"
CLI_ALREADY_INIT = "{home} bestaat al. Er is niets veranderd."
CLI_INIT_DONE = (
    "Klaar. Map: {home}. De privésleutel staat in keys/private (alleen leesbaar voor u)."
)
CLI_ROTATED = (
    "Nieuwe sleutel in gebruik: {key}. Oude certificaten blijven geldig. "
    "De oude privésleutel is vernietigd."
)
CLI_KEY_NEW = "Nieuwe sleutel in gebruik: {key}."
CLI_UNKNOWN_KEY = "Sleutel {key} kennen we niet. Kijk in keys/keys.json of op /issuer."
CLI_KEY_ALREADY_REVOKED = "Sleutel {key} is al ingetrokken. Er is niets veranderd."
CLI_KEY_REVOKED = (
    "Sleutel {key} is ingetrokken. Wat met deze sleutel is ondertekend, is niet meer geldig. "
    "De statuslijsten zijn opnieuw ondertekend."
)
CLI_KEY_REVOKED_CERTIFICATES = (
    "Deze {count} keurmerken zijn met die sleutel ondertekend. Ze zijn nu niet meer geldig. "
    "Geef de houders een nieuw keurmerk met 'keurmerk heruitgeven NUMMER --reden …':"
)
CLI_REISSUED = (
    "{old} is vervangen door {new} ({name}), ondertekend met de nieuwe sleutel. PDF: {pdf}"
)
CLI_CANNOT_REISSUE = (
    "{number} kan niet opnieuw worden uitgegeven: het is niet het geldige keurmerk van de "
    "houder, of het is niet ondertekend met een ingetrokken sleutel."
)
# Identity checks before signing (identity.py)
IDENTITY_NO_NAME = "De naam is leeg. Vul de naam in de deelnemerslijst in. Niets uitgegeven."
IDENTITY_PLACEHOLDER_NAME = (
    "'{name}' is geen naam: waarschijnlijk was het vakje leeg. Vul de echte naam in. "
    "Niets uitgegeven."
)
IDENTITY_BAD_NAME = (
    "De naam klopt niet: gebruik letters, hoogstens 200 tekens en geen rare tekens. "
    "Niets uitgegeven."
)
IDENTITY_NO_EMAIL = "Het e-mailadres is leeg. Vul het e-mailadres van de houder in."
IDENTITY_BAD_EMAIL = "'{email}' is geen goed e-mailadres."
IDENTITY_EMAIL_TAKEN = (
    "Het e-mailadres {email} hoort al bij een andere houder. Controleer de deelnemerslijst: "
    "misschien staan twee adressen verwisseld."
)
IDENTITY_EMAIL_NOT_HOLDERS = (
    "Dit e-mailadres hoort niet bij keurmerk {number}. Gebruik het e-mailadres van de houder "
    "zelf. Niets vernieuwd."
)
CLI_REFUSED_PERSON = "{learner}: {reason}"
CLI_NO_PERSON = "{learner}: voldoet, maar staat niet in de deelnemerslijst. Niets uitgegeven."
CLI_ISSUED = "{learner}: keurmerk {number} uitgegeven. PDF: {pdf}"
CLI_BAD_NUMBER = "'{number}' is geen keurmerknummer."
CLI_UNKNOWN_NUMBER = "Keurmerk {number} staat niet in het register."
CLI_CANNOT_CHANGE = "Keurmerk {number} is ingetrokken en kan niet meer veranderen."
CLI_CHANGED = {
    "suspend": "Keurmerk {number} is geschorst. De statuslijst is opnieuw ondertekend.",
    "reinstate": "Keurmerk {number} is weer geldig. De statuslijst is opnieuw ondertekend.",
    "revoke": "Keurmerk {number} is ingetrokken. De statuslijst is opnieuw ondertekend.",
}

# Herregistratie (renewal.py)
RENEWAL_NO_ACTUALITEITEN = "de opdracht actualiteiten {year} is nog niet ingeleverd of nagekeken"
RENEWAL_NOT_GRADED = "de open vraag van actualiteiten {year} is nog niet beoordeeld"
RENEWAL_SCORE = "actualiteiten {year}: {percentage}% van de punten, nodig is {needed}%"
RENEWAL_OLD_YEAR = "actualiteiten {year} telt niet: alleen de opdracht van {this} of {last} telt"
RENEWAL_PRACTICE_NO_DATES = (
    "de praktijktabel heeft geen kolom 'date'. Voor herregistratie telt alleen praktijk met "
    "een datum (JJJJ-MM-DD) binnen de periode van het keurmerk"
)
RENEWAL_PRACTICE_BAD_DATE = (
    "in de praktijktabel staat een datum die we niet kunnen lezen. Schrijf elke datum als "
    "JJJJ-MM-DD"
)
RENEWAL_TOO_EARLY = (
    "Keurmerk {number} loopt tot {date}. Vernieuwen kan vanaf {opens}. Er is niets veranderd."
)
RENEWAL_LAPSED = (
    "Keurmerk {number} is verlopen op {date}: langer dan {months} maanden geleden. Vernieuwen "
    "kan niet meer. De houder doet opnieuw de hele toetsing (alle modules en de praktijk) en "
    "krijgt dan een nieuw keurmerk met 'keurmerk uitgeven'."
)
REMINDER_MONTHS = {1: "een maand", 6: "zes maanden"}
REMINDER_TEMPLATE = """Beste {name},

Over {months} loopt je keurmerk sleutelpersoon af, op {date} (nummer {number}).
Wil je het keurmerk houden? Vraag dan op tijd herregistratie aan.

Daarvoor heb je nodig:
- de opdracht actualiteiten van dit jaar, gehaald;
- je praktijkuren en intervisiebijeenkomsten sinds je keurmerk.

Je trainer helpt je graag. Bij herregistratie blijft de datum van je eerste keurmerk staan.

Met vriendelijke groet,
De keurmerkbeheerder"""

# Public register (web)
WEB_REGISTER_TITLE = "Register van sleutelpersonen"
WEB_REGISTER_INTRO = (
    "Zoek een sleutelpersoon met een geldig keurmerk in uw gemeente. In dit register staan "
    "alleen mensen die daar zelf toestemming voor hebben gegeven."
)
WEB_REGISTER_NAME = "Begin van de naam (minstens drie letters)"
WEB_REGISTER_GEMEENTE = "Gemeente"
WEB_REGISTER_SEARCH = "Zoeken"
WEB_REGISTER_NONE = "Niemand gevonden. Controleer de naam en de gemeente."
WEB_REGISTER_REFUSED = (
    "Kies een gemeente uit de lijst en typ minstens drie letters waarmee de naam begint."
)
WEB_REGISTER_TOO_MANY = (
    "Meer dan {count} mensen passen bij deze letters. Typ meer letters van de naam."
)
WEB_REGISTER_CHOOSE = "Kies een gemeente"
WEB_REGISTER_BUSY = (
    "Er is in korte tijd te vaak in deze gemeente gezocht. Probeer het later opnieuw."
)
WEB_REGISTER_WITHDRAW_LINK = "Staat u in het register en wilt u eruit? Meld u hier af."
WEB_WITHDRAW_TITLE = "Afmelden voor het register"
WEB_WITHDRAW_INTRO = (
    "Vul de afmeldcode in die u kreeg toen u zich aanmeldde. Dan halen we u meteen uit het "
    "register. Uw keurmerk blijft gewoon geldig."
)
WEB_WITHDRAW_CODE = "Afmeldcode (bijvoorbeeld AFM-7QF3-9XPA-K2M4)"
WEB_WITHDRAW_BUTTON = "Afmelden"
WEB_WITHDRAW_DONE = "U staat niet meer in het register. Uw keurmerk blijft geldig."
WEB_WITHDRAW_UNKNOWN = (
    "Deze code kennen we niet, of hij is al gebruikt. Controleer de code, of vraag de "
    "keurmerkbeheerder om u af te melden."
)
WEB_REGISTER_COUNT = "{count} gevonden."

# Lifecycle command line (cli_lifecycle.py)
CLI_CANNOT_RENEW = (
    "Keurmerk {number} kan niet worden vernieuwd (geschorst, ingetrokken of al vernieuwd)."
)
CLI_RENEWED = "Keurmerk {old} is vernieuwd. Het nieuwe nummer is {new}; de toekenningsdatum blijft."
CLI_PDF_WRITTEN = "PDF van keurmerk {number}: {pdf}"
CLI_NO_PDF = (
    "Voor keurmerk {number} maken we geen PDF: de status is '{status}'. Alleen een echt "
    "keurmerk dat nog van de houder is, krijgt een PDF."
)
CLI_NO_REMINDERS = "Er lopen geen keurmerken af in de komende zes maanden."
CLI_REMINDER_LINE = "over {months} mnd: {number}  {learner}  {name}  (tot {date})"
CLI_NO_CERTIFICATE = "{learner} heeft geen keurmerk."
CLI_BAD_GEMEENTE = (
    "'{gemeente}' is geen Nederlandse gemeente (lijst van {year}). Gebruik de officiële naam, "
    "bijvoorbeeld 's-Hertogenbosch of 's-Gravenhage."
)
CLI_LISTED = "{learner} staat nu in het register bij gemeente {gemeente}."
CLI_NEED_CONSENT = (
    "Zet iemand alleen in het register als die persoon daar zelf toestemming voor gaf. Lees "
    "de houder deze tekst voor of geef hem op papier, en gebruik daarna --toestemming:"
)
REGISTER_CONSENT_TEXT = (
    "Ik geef toestemming om met mijn naam, mijn gemeente en mijn keurmerknummer in het "
    "openbare register van sleutelpersonen te staan. Iedereen kan mij daar vinden als ze "
    "minstens drie letters van mijn naam en mijn gemeente weten. Ik kan mij altijd afmelden: "
    "met mijn afmeldcode op de website, of bij de keurmerkbeheerder. Dan sta ik er meteen niet "
    "meer in."
)
CLI_CONSENT_RECORDED = (
    "Toestemming vastgelegd (tekstversie {version}, door {actor}).\n"
    "Afmeldcode voor de houder: {code}\n"
    "Geef deze code alleen aan de houder. Met de code kan de houder zichzelf afmelden op "
    "{url}. De code staat nergens anders: hij is niet terug te halen."
)
CLI_UNLISTED = "{learner} staat niet meer in het register."
CLI_NOT_LISTED = "{learner} stond niet in het register."
CLI_AUDIT_OK = "Het auditlog is in orde: {count} regels. Laatste hash: {hash}"
CLI_AUDIT_BROKEN = "Het auditlog is veranderd: de keten is gebroken bij regel {record}."
AUDIT_RECORD_UNSIGNED = (
    "Regel {record} van het auditlog heeft geen handtekening van de uitgever, maar eerdere "
    "regels wel. Iemand heeft het auditlog veranderd."
)
AUDIT_RECORD_BAD_SIGNATURE = (
    "De handtekening van regel {record} van het auditlog klopt niet. Iemand heeft het "
    "auditlog veranderd."
)
AUDIT_RECORD_OLD_KEY = (
    "Regel {record} van het auditlog is ondertekend met een sleutel die toen al vervangen of "
    "ingetrokken was. Iemand heeft het auditlog veranderd."
)
AUDIT_TRUNCATED_SIGNATURES = (
    "Het auditlog is ingekort: regel {record} en verder zijn weg, maar hun handtekeningen niet."
)
AUDIT_CHECKPOINT_UNREADABLE = "Het controlepunt kunnen we niet lezen."
AUDIT_CHECKPOINT_BAD_SIGNATURE = (
    "De handtekening van het controlepunt klopt niet. Het komt niet van deze uitgever."
)
AUDIT_CHECKPOINT_MISSING = (
    "Het auditlog is ingekort of veranderd: regel {count} met hash {head} staat er niet meer in."
)
AUDIT_EXPECTED_MISSING = (
    "De hash {hash} staat niet in het auditlog. Regels zijn weggehaald of veranderd."
)
AUDIT_LOCAL_CHECKPOINT = "Vergeleken met het controlepunt van de vorige audit ({path})."
AUDIT_ROW_NOT_ISSUED = (
    "Keurmerk {number} staat in het register, maar het auditlog heeft geen uitgifte. "
    "Het kan vervalst zijn."
)
AUDIT_ROW_STATE = (
    "Keurmerk {number}: in het register staat '{state}', maar volgens het auditlog is het "
    "'{expected}'."
)
AUDIT_ROW_SUPERSEDED = (
    "Keurmerk {number}: of het vernieuwd is, klopt in het register niet met het auditlog."
)
AUDIT_ROW_CREDENTIAL_CHANGED = (
    "Keurmerk {number}: het opgeslagen certificaat is niet meer het certificaat uit het auditlog."
)
AUDIT_ROW_CREDENTIAL_BAD = (
    "Keurmerk {number}: de handtekening van het opgeslagen certificaat klopt niet."
)
AUDIT_ROW_DIFFERS_FROM_CREDENTIAL = (
    "Keurmerk {number}: nummer, naam of einddatum in het register klopt niet met het "
    "ondertekende certificaat."
)
AUDIT_NO_PERSON = "niet in de deelnemerstabel"
AUDIT_ISSUE_REASON = "voldoet aan de regels"
AUDIT_RENEWAL_REASON = "voldoet aan de regels voor herregistratie"
AUDIT_NO_REPAIR = (
    "De statuslijsten zijn niet hersteld: het register klopt niet met het auditlog (zie "
    "hieronder). Zoek eerst uit wat er veranderd is."
)
AUDIT_PROBLEMS = "Het auditlog of het register is niet in orde:"
CLI_AUDIT_CHECKPOINT_FILE = "{path} kunnen we niet lezen: het is geen controlepunt (JSON)."
CLI_BACKUP_EXISTS = "{path} bestaat al. Kies een nieuwe naam."
BACKUP_CANNOT_READ = "De backup {path} kunnen we niet openen."
BACKUP_DAMAGED = (
    "De backup is beschadigd of niet compleet (bijvoorbeeld afgebroken bij het kopiëren). "
    "Er is niets teruggezet. Gebruik een andere backup."
)
BACKUP_STRANGE_FILE = "In de backup zit een bestand dat er niet in hoort. Er is niets teruggezet."
BACKUP_NO_MANIFEST = "De backup heeft geen geldige inhoudslijst. Er is niets teruggezet."
BACKUP_MANIFEST_SIGNATURE = (
    "De handtekening van de inhoudslijst van de backup klopt niet. De backup is veranderd. "
    "Er is niets teruggezet."
)
BACKUP_FILES_DIFFER = (
    "Er zijn bestanden aan de backup toegevoegd of uit gehaald. De backup is veranderd. "
    "Er is niets teruggezet."
)
BACKUP_FILE_CHANGED = (
    "Het bestand {name} in de backup is veranderd na het maken van de backup. "
    "Er is niets teruggezet."
)
BACKUP_NEEDS_PASSPHRASE = "Deze backup is versleuteld. Geef het wachtwoord."
BACKUP_WRONG_PASSPHRASE = (
    "Het wachtwoord klopt niet, of de versleutelde backup is veranderd. Er is niets teruggezet."
)
RESTORE_HAS_KEURMERK = "De map {path} bevat al een keurmerk. Kies een nieuwe, lege map."
RESTORE_NOT_A_FOLDER = "{path} is geen map. Kies een nieuwe, lege map."
RESTORE_FOLDER_NOT_EMPTY = "De map {path} bevat al andere bestanden. Kies een nieuwe, lege map."
RESTORE_DATABASE_NOT_EMPTY = (
    "De database is niet leeg. Zet een backup alleen terug in een lege database."
)
RESTORE_CONTENT_CHANGED = (
    "De backup klopt niet met zijn eigen auditlog, dus hij is veranderd. Er is niets "
    "teruggezet. Eerste probleem: {problem}"
)
RESTORE_FAILED = (
    "Het terugzetten is mislukt in de database ({kind}). Er is niets teruggezet: de map en de "
    "database zijn weer leeg."
)
CLI_BACKUP_PASSPHRASE = "Wachtwoord voor de backup"
CLI_BACKUP_ENCRYPTED = "De backup is versleuteld. Bewaar het wachtwoord op een andere plek."
CLI_BACKUP_DONE = (
    "Backup gemaakt: {path}. Hij bevat de privésleutel: bewaar hem versleuteld en offline."
)
CLI_RESTORED = "Backup teruggezet in {path}."

# One keurmerk per learner (cli.py uitgeven)
CLI_ALREADY_ISSUED = {
    "actief": (
        "{learner}: heeft al keurmerk {number} (geldig tot {date}). Er is geen tweede "
        "uitgegeven. Verlengen gaat met: keurmerk vernieuw {number}"
    ),
    "verlopen": (
        "{learner}: keurmerk {number} is verlopen op {date}. Er is geen nieuw uitgegeven. "
        "Vernieuwen gaat met: keurmerk vernieuw {number}"
    ),
    "geschorst": (
        "{learner}: keurmerk {number} is geschorst. Er is geen tweede uitgegeven. "
        "Is de schorsing voorbij? Gebruik dan: keurmerk herstel {number}"
    ),
    "ingetrokken": (
        "{learner}: keurmerk {number} is ingetrokken. Er wordt geen nieuw keurmerk uitgegeven."
    ),
}

# Status lists in the audit (cli_lifecycle.py audit)
STATUS_PURPOSE_NL = {
    "message": "status (geldig, geschorst of ingetrokken)",
    "revocation": "intrekking (oude certificaten)",
    "suspension": "schorsing (oude certificaten)",
}
AUDIT_LIST_MISSING = "De statuslijst voor {purpose} is nog niet ondertekend."
AUDIT_LIST_STORED_BITS = "De opgeslagen statuslijst voor {purpose} klopt niet met het register."
AUDIT_LIST_BITS = (
    "De ondertekende statuslijst voor {purpose} klopt niet met het register. "
    "Verschil bij: {numbers}."
)
AUDIT_LIST_SIGNATURE = "De handtekening van de statuslijst voor {purpose} klopt niet."
AUDIT_LISTS_OK = "De statuslijsten (status, intrekking en schorsing) kloppen met het register."
AUDIT_LISTS_BROKEN = "De statuslijsten kloppen niet met het register:"
AUDIT_LISTS_HOW_TO_REPAIR = (
    "Herstel ze met: keurmerk audit --herstel (de lijsten worden opnieuw opgebouwd uit het "
    "register en ondertekend)."
)
AUDIT_LISTS_REPAIRED = (
    "De statuslijsten zijn opnieuw opgebouwd uit het register en ondertekend. Ze kloppen nu."
)
CLI_BAD_PROXY = "'{value}' is geen IP-adres of netwerk (zoals 10.0.0.5 of 10.0.0.0/8)."

# make demo (demo.py)
DEMO_WHERE = "Alles van de demo staat in {folder} (buiten de repository)."
DEMO_INSIDE_REPOSITORY = (
    "{folder} ligt in de repository. Kies een map daarbuiten, want de demo maakt ook "
    "privésleutels: make demo SLEUTELPERSONEN_DEMO=/een/andere/map"
)
DEMO_NO_TABLES = (
    "In {folder} staan nog geen scores. Maak eerst het democohort: "
    "python -m grading.demo_cohort {folder}"
)
DEMO_DECISIONS = "Besluiten volgens keurmerk/regels.toml:"
DEMO_ISSUED = "Uitgegeven keurmerken:"
DEMO_SUSPENDED = "(Voor de demo is {number} geschorst.)"
DEMO_TRY = "Probeer ook:"
DEMO_URLS = (
    ("", "de controlepagina"),
    ("/controleer/KM-0000-0000", "een onbekend nummer"),
    ("/status/revocation", "de statuslijst (intrekking)"),
    ("/issuer", "het uitgeversdocument"),
)
DEMO_OFFLINE = "keurmerk controleer {pdf} --map {home}   offline controle"
DEMO_PORT_BUSY = "Poort {wanted} is bezet; de demo gebruikt poort {port}."
DEMO_SERVING = "De controlepagina draait op {url} (stoppen: Ctrl+C)."
DEMO_NOT_SERVING = (
    "De controlepagina is niet gestart. Starten: keurmerk serve --map {home} --port {port}"
)
CLI_BAD_CONFIG = "{path} is beschadigd ({error}). Zet de waarden erin terug of maak de map opnieuw."

# Holder rights: inzage, name correction, erasure (cli_avg.py)
CORRECT_SAME_NAME = "De naam is al '{name}'. Er is niets te verbeteren."
CLI_CORRECTED = (
    "Naam verbeterd. Keurmerk {old} is vervangen door {new} met de naam '{name}'. "
    "De toekenningsdatum en de einddatum blijven. Nieuwe PDF: {pdf}"
)
CLI_CANNOT_CORRECT = (
    "Keurmerk {number} is niet het geldige keurmerk van de houder (geschorst, ingetrokken, "
    "verlopen of al vervangen). Verbeter de naam op het nieuwste geldige keurmerk."
)
CLI_UNKNOWN_HOLDER = "'{who}' is geen bekende deelnemer en geen bekend keurmerknummer."
CLI_ERASE_WARNING = (
    "Let op: dit wist de gegevens van {learner} voorgoed: naam, e-mailkoppeling, ondertekend "
    "bewijs, register en toestemmingen, en de persoonsgegevens in het auditlog. De nummers "
    "{numbers} worden ingetrokken en blijven bestaan als 'niet geldig'."
)
CLI_ERASE_CONFIRM = "Weet u het zeker? Typ ja om te wissen"
CLI_ERASE_STOPPED = "Niets gewist."
CLI_ERASED = (
    "{learner} is gewist. De nummers {numbers} zijn ingetrokken; de controlepagina toont ze "
    "als 'niet geldig', zonder naam. Let op: oude backups bevatten de gegevens nog."
)
INZAGE_TITLE = "Alles wat het keurmerk over {learner} bewaart"
INZAGE_CERTIFICATE = (
    "Keurmerk {nummer}: {status}{reden}. Naam: {naam}. Toegekend: {toegekend}. "
    "Geldig van {geldig_vanaf} tot {geldig_tot}. Uitgegeven: {uitgegeven}."
)
INZAGE_REPLACES = "  Vervangt {nummer}."
INZAGE_REPLACED = "  Vervangen door {nummer}."
INZAGE_BINDING = (
    "  E-mailadres: niet bewaard. Wel een sleutelcode ervan ({binding}), waarmee alleen de "
    "keurmerkbeheerder kan nagaan of een e-mailadres bij dit keurmerk hoort."
)
INZAGE_SIGNED = "  Ondertekend bewijs: bewaard (het bestand in uw PDF; met --json ziet u het)."
INZAGE_REGISTER = "Openbaar register: ja, gemeente {gemeente}, sinds {sinds}."
INZAGE_NO_REGISTER = "Openbaar register: nee."
INZAGE_CONSENT = (
    "Toestemming register: gegeven {gegeven} (tekst {tekstversie}, vastgelegd door "
    "{vastgelegd_door}){ingetrokken}."
)
INZAGE_CONSENT_WITHDRAWN = ", ingetrokken {ingetrokken} door {ingetrokken_door}"
INZAGE_AUDIT = "Auditlog ({count} regels over deze persoon):"
INZAGE_FIELDS = {"learner": "deelnemer", "name": "naam", "gemeente": "gemeente"}
INZAGE_AUDIT_LINE = "- regel {regel}, {wanneer}: {wat}{nummer} door {door}{reden}{persoonsgegevens}"
