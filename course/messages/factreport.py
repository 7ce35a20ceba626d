"""Dutch text of the maintainers' facts command (course/factreport.py)."""

TITLE = "Feiten zonder waarde voor {year} (peildatum {day}): {count}"
COLUMNS = ("Feit", "Wijzigt", "Laatste waarde (vanaf)", "Gebruikt in")
UNUSED = "nergens gebruikt"
NONE_MISSING = "Alle feiten hebben een waarde voor {year} (peildatum {day})."
SUMMARY = (
    "{used} ontbrekende feiten worden gebruikt: vul een waarde met bron in course/data in, "
    "of schrijf de les zonder dat bedrag. {unused} worden nergens gebruikt in {year}."
)
UNKNOWN = "Het feit {key} bestaat niet."
CHECKED = "gecontroleerd"
USED_IN = "gebruikt in"
