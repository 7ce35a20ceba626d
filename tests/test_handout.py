"""Uitdeelpakket, the learner's side: "Opdracht openen" unpacks a hand-out package safely
(course.handout), with a real zip for every bad case; and the button itself."""

from __future__ import annotations

import io
import json
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from conftest import ASSIGNMENTS
from course.handin import MANIFEST as HANDIN_MANIFEST
from course.handin import make_handin, stored_learner_id
from course.handout import (
    INSTRUCTION,
    MANIFEST,
    MAX_FILE_BYTES,
    HandoutError,
    build_open_widget,
    manifest_for,
    open_package,
)

ASSIGNMENT = "proefopdracht"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
ANSWERS = f"{ASSIGNMENT}.antwoorden.json"


def _package(
    files: dict[str, bytes | str], manifest: dict | None = None, learner: str = ""
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest or manifest_for(ASSIGNMENT, learner)))
        archive.writestr(INSTRUCTION, "Zo open je de opdracht.")
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _good(learner: str = "") -> bytes:
    notebook = (ASSIGNMENTS / ASSIGNMENT / NOTEBOOK).read_bytes()
    return _package({f"{ASSIGNMENT}/{NOTEBOOK}": notebook}, learner=learner)


def _refused(data: bytes, root: Path, *expected: str) -> None:
    with pytest.raises(HandoutError) as error:
        open_package(data, root, name="pakket.zip")
    for text in expected:
        assert text in str(error.value)
    assert not (root / "opdrachten" / ASSIGNMENT).exists() or not any(
        (root / "opdrachten" / ASSIGNMENT).iterdir()
    )
    leftovers = (
        [p for p in (root / "opdrachten").glob(".*")] if (root / "opdrachten").is_dir() else []
    )
    assert leftovers == []  # no temporary folder stays behind


def test_a_package_opens_into_the_workspace_and_names_the_page(tmp_path, learner_home):
    result = open_package(_good("karim"), tmp_path, name="karim.zip")
    assert result.assignment == ASSIGNMENT
    assert result.notebook == tmp_path / "opdrachten" / ASSIGNMENT / NOTEBOOK
    assert result.notebook.read_bytes() == (ASSIGNMENTS / ASSIGNMENT / NOTEBOOK).read_bytes()
    assert not (tmp_path / "opdrachten" / ASSIGNMENT / INSTRUCTION).exists()
    assert stored_learner_id() == "karim"  # "Inleveren" does not have to ask


def test_opening_again_never_touches_the_answers(tmp_path, learner_home):
    open_package(_good(), tmp_path)
    answers = tmp_path / "opdrachten" / ASSIGNMENT / ANSWERS
    answers.write_text('{"1": "b"}', encoding="utf-8")
    notebook = (ASSIGNMENTS / ASSIGNMENT / NOTEBOOK).read_bytes()
    newer = _package(
        {f"{ASSIGNMENT}/{NOTEBOOK}": notebook + b"\n", f"{ASSIGNMENT}/{ANSWERS}": "{}"}
    )
    result = open_package(newer, tmp_path)
    assert answers.read_text(encoding="utf-8") == '{"1": "b"}'
    assert result.kept == [ANSWERS]
    assert result.notebook.read_bytes() == notebook + b"\n"  # the newer notebook is in


def test_a_stored_learner_id_is_not_replaced(tmp_path, learner_home):
    from course.handin import store_learner_id

    store_learner_id("samira")
    open_package(_good("karim"), tmp_path)
    assert stored_learner_id() == "samira"


@pytest.mark.parametrize(
    "member",
    [
        "../buiten.ipynb",
        f"{ASSIGNMENT}/../../buiten.txt",
        "/etc/passwd",
        f"{ASSIGNMENT}\\..\\buiten.txt",
        f"{ASSIGNMENT}/.verborgen",
        "ander/bestand.txt",
        "C:/buiten.txt",
    ],
)
def test_members_outside_the_assignment_are_refused(tmp_path, learner_home, member):
    notebook = (ASSIGNMENTS / ASSIGNMENT / NOTEBOOK).read_bytes()
    data = _package({f"{ASSIGNMENT}/{NOTEBOOK}": notebook, member: "x"})
    _refused(data, tmp_path, "niet geopend")
    assert not (tmp_path.parent / "buiten.txt").exists()


def test_a_symlink_member_is_refused(tmp_path, learner_home):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(MANIFEST, json.dumps(manifest_for(ASSIGNMENT)))
        archive.writestr(f"{ASSIGNMENT}/{NOTEBOOK}", "{}")
        link = zipfile.ZipInfo(f"{ASSIGNMENT}/link")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    _refused(buffer.getvalue(), tmp_path, "link")


def test_not_a_zip_damaged_and_wrong_packages_get_a_dutch_reason(tmp_path, learner_home):
    _refused(b"dit is geen zip", tmp_path, "pakket.zip is geen zip-bestand")
    good = bytearray(_good())
    start = good.index(b"proefopdracht.ipynb", 200) + 40  # inside the notebook's compressed data
    good[start : start + 200] = bytes(200)
    _refused(bytes(good), tmp_path, "beschadigd")
    _refused(
        _package({f"{ASSIGNMENT}/{NOTEBOOK}": "{}"}, manifest={"soort": "iets"}),
        tmp_path,
        "geen opdracht",
    )
    _refused(_package({"x/y.txt": "z"}, manifest=manifest_for("../x")), tmp_path, "geen opdracht")
    _refused(_package({f"{ASSIGNMENT}/notities.txt": "x"}), tmp_path, "geen opdracht")


def test_an_inleverpakket_is_recognised(tmp_path, learner_home):
    folder = tmp_path / "werk" / ASSIGNMENT
    folder.mkdir(parents=True)
    shutil.copy(ASSIGNMENTS / ASSIGNMENT / NOTEBOOK, folder / NOTEBOOK)
    handin = make_handin(folder, "karim", out_dir=tmp_path)
    assert HANDIN_MANIFEST in zipfile.ZipFile(handin.path).namelist()
    workspace = tmp_path / "ws"
    _refused(handin.path.read_bytes(), workspace, "inleverpakket")


def test_sizes_are_limited_even_when_the_zip_lies(tmp_path, learner_home):
    notebook = (ASSIGNMENTS / ASSIGNMENT / NOTEBOOK).read_bytes()
    big = _package(
        {
            f"{ASSIGNMENT}/{NOTEBOOK}": notebook,
            f"{ASSIGNMENT}/groot.bin": b"0" * (MAX_FILE_BYTES + 1),
        }
    )
    _refused(big, tmp_path, "te groot")
    # A member that claims to be small but unpacks to more (its header was changed).
    data = bytearray(
        _package({f"{ASSIGNMENT}/{NOTEBOOK}": notebook, f"{ASSIGNMENT}/bom.txt": b"a" * 100_000})
    )
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo(f"{ASSIGNMENT}/bom.txt")
    central = data.rindex(b"bom.txt") - 46 - len(ASSIGNMENT) - 1  # its central directory entry
    assert data[central : central + 4] == b"PK\x01\x02"
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")  # uncompressed size: 10
    assert info.file_size == 100_000
    with pytest.raises(HandoutError):
        open_package(bytes(data), tmp_path)


def test_the_button_opens_the_chosen_file_and_links_to_the_page(tmp_path, learner_home):
    box = build_open_widget(tmp_path)
    _style, upload, status = box.children
    assert upload.description == "Opdracht openen"
    upload.set_state(
        {
            "value": [
                {
                    "name": "karim.zip",
                    "type": "application/zip",
                    "size": 1,
                    "content": _good(),
                    "last_modified": 0,
                }
            ]
        }
    )
    assert "staat klaar" in status.value
    assert f'href="opdrachten/{ASSIGNMENT}/{NOTEBOOK}"' in status.value
    assert upload.value == ()
    upload.set_state(
        {
            "value": [
                {
                    "name": "brief.pdf",
                    "type": "application/pdf",
                    "size": 3,
                    "content": b"%PD",
                    "last_modified": 0,
                }
            ]
        }
    )
    assert "brief.pdf is geen zip-bestand" in status.value
