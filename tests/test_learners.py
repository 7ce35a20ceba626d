"""Learner import: real CSV and Excel files into a real cohort gradebook, all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from nbgrader.api import Gradebook

from grading.cli import main as trainer
from grading.cohort import gradebook_url, write_config
from grading.learners import (
    LearnerFileError,
    import_learners,
    read_learners,
)

GOOD_ROWS = [
    ["samira", "Samira", "Benali", "samira@voorbeeld.nl"],
    ["tesfay", "Tesfay", "Haile", "tesfay@voorbeeld.nl"],
    ["karim", "Karim", "El Amrani", "karim@voorbeeld.nl"],
]


@pytest.fixture(scope="module")
def empty_gradebook(tmp_path_factory) -> Path:
    """An empty gradebook file, made once (creating one takes about a second)."""
    root = tmp_path_factory.mktemp("sjabloon")
    write_config(root)
    with Gradebook(gradebook_url(root), "sleutelpersonen"):
        pass
    return root / "gradebook.db"


@pytest.fixture
def cohort(tmp_path, empty_gradebook) -> Path:
    root = tmp_path / "cohort"
    write_config(root)
    shutil.copy(empty_gradebook, root / "gradebook.db")
    return root


def _csv(path: Path, header: list[str], rows: list[list[str]], sep=",", encoding="utf-8") -> Path:
    lines = [sep.join(header)] + [sep.join(row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _xlsx(path: Path, header: list, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _students(root: Path) -> dict[str, tuple[str, str, str]]:
    with Gradebook(gradebook_url(root), "sleutelpersonen") as gradebook:
        return {s.id: (s.first_name, s.last_name, s.email) for s in gradebook.students}


def test_csv_from_dutch_excel_imports_everyone(cohort, tmp_path):
    """Semicolons, cp1252, Dutch headers and a tussenvoegsel column: all learners land."""
    path = _csv(
        tmp_path / "deelnemers.csv",
        ["Deelnemersnummer", "Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres"],
        [
            ["samira", "Samira", "", "Benali", "samira@voorbeeld.nl"],
            ["ines", "Inès", "van der", "Berg", "ines@voorbeeld.nl"],
            ["", "", "", "", ""],  # an empty line at the end, as Excel writes it
        ],
        sep=";",
        encoding="cp1252",
    )
    result = import_learners(cohort, path)
    assert result.added == ["samira", "ines"]
    assert _students(cohort) == {
        "samira": ("Samira", "Benali", "samira@voorbeeld.nl"),
        "ines": ("Inès", "van der Berg", "ines@voorbeeld.nl"),
    }


def test_xlsx_keeps_ids_as_written(cohort, tmp_path):
    """Numbers stay ids ("123", "007"), not floats; English headers work too."""
    path = _xlsx(
        tmp_path / "deelnemers.xlsx",
        ["Student ID", "First name", "Last name", "Email"],
        [
            [123, "Amal", "Yusuf", "amal@voorbeeld.nl"],
            ["007", "Olena", "Kovalenko", "olena@voorbeeld.nl"],
        ],
    )
    import_learners(cohort, path)
    assert set(_students(cohort)) == {"123", "007"}


def test_bad_file_lists_every_problem_with_row_numbers(cohort, tmp_path):
    path = _csv(
        tmp_path / "fout.csv",
        ["id", "voornaam", "achternaam", "e-mail"],
        [
            ["samira", "Samira", "Benali", "samira@voorbeeld.nl"],  # row 2: fine
            ["", "Tesfay", "Haile", "tesfay@voorbeeld.nl"],  # row 3: no id
            ["samira", "Sami", "Benali", "sami@voorbeeld.nl"],  # row 4: duplicate id
            ["karim el", "Karim", "El Amrani", "karim@voorbeeld.nl"],  # row 5: space
            ["a/b", "Amal", "Yusuf", "amal@voorbeeld.nl"],  # row 6: slash
            ["x+y", "Xena", "Yilmaz", "xena@voorbeeld.nl"],  # row 7: nbgrader's separator
            ["fatima", "", "Haddou", "fatima@"],  # row 8: no first name, bad e-mail
            ["olena", "Olena", "", "samira@voorbeeld.nl"],  # row 9: no surname, same e-mail
            ["yusuf", "Yusuf", "Warsame", ""],  # row 10: no e-mail
        ],
    )
    with pytest.raises(LearnerFileError) as caught:
        import_learners(cohort, path)
    report = caught.value.report()
    assert report.startswith("Er is niemand ingelezen. Los eerst deze 10 problemen in fout.csv op:")
    for expected in [
        "rij 3: het id (deelnemersnummer) ontbreekt.",
        "rij 4: het id 'samira' staat ook in rij 2.",
        "rij 5: het id 'karim el' kan nbgrader niet gebruiken.",
        "rij 6: het id 'a/b' kan nbgrader niet gebruiken.",
        "rij 7: het id 'x+y' kan nbgrader niet gebruiken.",
        "rij 8: de voornaam ontbreekt.",
        "rij 8: het e-mailadres 'fatima@' klopt niet.",
        "rij 9: de achternaam ontbreekt.",
        "rij 9: het e-mailadres 'samira@voorbeeld.nl' staat ook in rij 2.",
        "rij 10: het e-mailadres ontbreekt.",
    ]:
        assert expected in report
    assert _students(cohort) == {}


def test_bad_file_changes_no_existing_learner(cohort, tmp_path):
    """One bad row blocks the whole file: a valid update in the same file is not applied."""
    import_learners(
        cohort, _csv(tmp_path / "a.csv", ["id", "voornaam", "achternaam", "e-mail"], GOOD_ROWS)
    )
    bad = _xlsx(
        tmp_path / "b.xlsx",
        ["id", "voornaam", "achternaam", "e-mail"],
        [
            ["samira", "Samira", "Benali-Haddou", "nieuw@voorbeeld.nl"],
            ["nieuw", "Nieuw", "Lid", "geen-adres"],
        ],
    )
    with pytest.raises(LearnerFileError, match="rij 3: het e-mailadres 'geen-adres' klopt niet"):
        import_learners(cohort, bad)
    students = _students(cohort)
    assert students["samira"] == ("Samira", "Benali", "samira@voorbeeld.nl")
    assert "nieuw" not in students


def test_second_import_updates_and_keeps_others(cohort, tmp_path):
    header = ["id", "voornaam", "achternaam", "e-mail"]
    import_learners(cohort, _csv(tmp_path / "a.csv", header, GOOD_ROWS))
    changed = [
        ["samira", "Samira", "Benali", "s.benali@voorbeeld.nl"],
        ["tesfay", "Tesfay", "Haile", "tesfay@voorbeeld.nl"],
        ["yusuf", "Yusuf", "Warsame", "yusuf@voorbeeld.nl"],
    ]
    result = import_learners(cohort, _csv(tmp_path / "b.csv", header, changed))
    assert (result.added, result.updated, result.unchanged) == (["yusuf"], ["samira"], ["tesfay"])
    assert "1 nieuw, 1 bijgewerkt, 1 gelijk" in result.summary()
    students = _students(cohort)
    assert students["samira"][2] == "s.benali@voorbeeld.nl"
    assert "karim" in students  # not in the second file, still in the cohort


def test_id_that_differs_only_in_case_is_refused(cohort, tmp_path):
    header = ["id", "voornaam", "achternaam", "e-mail"]
    import_learners(cohort, _csv(tmp_path / "a.csv", header, GOOD_ROWS))
    clash = _csv(tmp_path / "b.csv", header, [["Karim", "Karim", "El Amrani", "k@voorbeeld.nl"]])
    with pytest.raises(LearnerFileError, match="rij 2: het id 'Karim' lijkt op 'karim'"):
        import_learners(cohort, clash)
    assert "Karim" not in _students(cohort)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("leeg.csv", b"", "Het bestand bevat geen deelnemers."),
        ("kop.csv", b"id,voornaam,achternaam,e-mail\r\n", "Het bestand bevat geen deelnemers."),
        (
            "kolommen.csv",
            b"naam,mail\r\nSamira Benali,samira@voorbeeld.nl\r\n",
            "De kolom(men) id, voornaam, achternaam ontbreken.",
        ),
        ("kapot.xlsx", b"PK\x03\x04 dit is geen werkmap", "Het bestand kan niet worden gelezen"),
        ("oud.xls", b"\xd0\xcf\x11\xe0", "Sla het op als .csv of .xlsx"),
    ],
)
def test_unusable_files_give_one_dutch_reason(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LearnerFileError) as caught:
        read_learners(path)
    assert expected in caught.value.report()


def test_header_only_excel_file_is_empty(tmp_path):
    path = _xlsx(tmp_path / "leeg.xlsx", ["id", "voornaam", "achternaam", "e-mail"], [])
    with pytest.raises(LearnerFileError, match="Het bestand bevat geen deelnemers."):
        read_learners(path)


def test_two_columns_with_the_same_meaning(tmp_path):
    path = _csv(
        tmp_path / "dubbel.csv",
        ["id", "gebruikersnaam", "voornaam", "achternaam", "e-mail"],
        [["1", "karim", "Karim", "El Amrani", "karim@voorbeeld.nl"]],
    )
    with pytest.raises(LearnerFileError, match="De kolommen 'id' en 'gebruikersnaam'"):
        read_learners(path)


def test_command_reports_problems_and_success(cohort, tmp_path):
    header = ["id", "voornaam", "achternaam", "e-mail"]
    bad = _csv(tmp_path / "fout.csv", header, [["karim", "Karim", "", "karim@voorbeeld.nl"]])
    good = _csv(tmp_path / "goed.csv", header, GOOD_ROWS)
    runner = CliRunner()
    result = runner.invoke(trainer, ["importeer-deelnemers", str(bad), "--cohort", str(cohort)])
    assert result.exit_code == 1
    assert "rij 2: de achternaam ontbreekt." in result.output
    result = runner.invoke(trainer, ["importeer-deelnemers", str(good), "--cohort", str(cohort)])
    assert result.exit_code == 0, result.output
    assert "3 deelnemers ingelezen: 3 nieuw" in result.output
    command = ["importeer-deelnemers", str(good), "--cohort", str(tmp_path / "niets")]
    result = runner.invoke(trainer, command)
    assert result.exit_code == 1 and "Fout: De map" in result.output
    assert "is geen cohortmap" in result.output


HEADER = ["id", "voornaam", "achternaam", "e-mail"]


def test_a_title_row_above_the_header_is_skipped(tmp_path):
    """Does a list that starts with a title (as many Excel lists do) still read, with the
    spreadsheet's own row numbers in the problems?"""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Deelnemers cohort 2027"])
    sheet.append([])
    sheet.append(HEADER)
    for row in GOOD_ROWS:
        sheet.append(row)
    book.save(tmp_path / "lijst.xlsx")
    assert [learner.id for learner in read_learners(tmp_path / "lijst.xlsx")] == [
        row[0] for row in GOOD_ROWS
    ]
    text = "Deelnemers cohort 2027\r\n" + ";".join(HEADER) + "\r\n"
    text += "karim;Karim;El Amrani;karim@voorbeeld.nl\r\nsamira;Samira;Benali;geen-adres\r\n"
    (tmp_path / "lijst.csv").write_text(text, encoding="utf-8")
    with pytest.raises(LearnerFileError, match="rij 4: het e-mailadres 'geen-adres' klopt niet"):
        read_learners(tmp_path / "lijst.csv")


def test_a_csv_file_renamed_to_xlsx_is_read(tmp_path, cohort):
    """A CSV saved as '.xlsx' by hand is read as the CSV it is, not refused as a broken zip."""
    renamed = _csv(tmp_path / "deelnemers.xlsx", HEADER, GOOD_ROWS, sep=";")
    result = CliRunner().invoke(
        trainer, ["importeer-deelnemers", str(renamed), "--cohort", str(cohort)]
    )
    assert result.exit_code == 0, result.output
    assert "3 deelnemers ingelezen: 3 nieuw" in result.output
    (tmp_path / "oud.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\0\0\0\0binair")
    result = CliRunner().invoke(
        trainer, ["importeer-deelnemers", str(tmp_path / "oud.xlsx"), "--cohort", str(cohort)]
    )
    assert result.exit_code == 1 and "Fout: Er is niemand ingelezen" in result.output
    assert "geen CSV- of Excel-bestand" in result.output and "zip" not in result.output
