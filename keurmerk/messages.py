"""Every Dutch text of the keurmerk package (verifiers, keurmerkbeheerders), in one place."""

NOT_JSON = "Dit bestand is geen certificaat: het is geen geldige JSON."
UNREADABLE = "Dit bestand kon niet worden gecontroleerd. Het is geen geldig certificaat."
NO_PROOF = "Het certificaat heeft geen digitale handtekening."
PROOF_OK = "De digitale handtekening klopt: er is niets aan het certificaat veranderd."
PROOF_BAD = "De digitale handtekening klopt niet. Het certificaat is veranderd of vervalst."
UNSIGNED_FIELDS = "Het certificaat bevat gegevens die niet ondertekend zijn. Vertrouw het niet."
ISSUER_OK = "Uitgegeven door een erkende uitgever: {name}."
ISSUER_UNKNOWN = "Dit certificaat is niet van een erkende uitgever."
DATES_OK = "Het certificaat is geldig op dit moment."
DATES_BAD = "De datums in het certificaat zijn niet leesbaar."
NOT_YET_VALID = "Het certificaat is nog niet geldig."
EXPIRED = "Het certificaat is verlopen op {date}."
STATUS_OK = "Het certificaat is niet geschorst en niet ingetrokken."
STATUS_UNKNOWN = "De status van het certificaat kon niet worden gecontroleerd."
SUSPENDED = "Het certificaat is geschorst."
REVOKED = "Het certificaat is ingetrokken."

# Decisions (rules.py)
DECISION_YES = "Ja: alle eisen voor het keurmerk zijn gehaald."
DECISION_NOT_YET = "Nog niet:"
REASON_NOT_SUBMITTED = "{module}: de opdracht is nog niet ingeleverd of nagekeken"
REASON_NOT_GRADED = "{module}: {items} is nog niet beoordeeld"
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
