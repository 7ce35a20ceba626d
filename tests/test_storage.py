"""Learner files: atomic writes, unreadable files kept, Dutch number notation."""

import json

import pytest

from course.numbers import format_number, parse_number
from course.storage import JsonStore, UnreadableFile, read_object, write_object


def test_write_then_read(tmp_path):
    path = tmp_path / "a" / "b.json"
    write_object(path, {"x": [1, "é"]})
    assert read_object(path) == {"x": [1, "é"]}
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("text", ["{kapot", "[1, 2]", "\udcff"])
def test_unreadable_files_are_reported(tmp_path, text):
    path = tmp_path / "x.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(UnreadableFile):
        read_object(path)


def test_store_moves_an_unreadable_file_aside_before_writing(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{kapot", encoding="utf-8")
    store = JsonStore(path)
    assert store.load() == {} and store.problem
    store.update("a", 1)
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 1}
    assert store.backup.read_text(encoding="utf-8") == "{kapot"
    assert store.load() == {"a": 1} and store.problem is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("12", 12.0),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1.234", 1234.0),
        ("1.234,56", 1234.56),
        ("€ 1.234,56", 1234.56),
        ("1 234,5", 1234.5),
        ("-3", -3.0),
        ("0", 0.0),
    ],
)
def test_parse_dutch_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "twaalf", "1,2,3", "1.234.5", "12a"])
def test_parse_refuses_non_numbers(text):
    assert parse_number(text) is None


def test_format_dutch_numbers():
    assert format_number(1234.5) == "1.234,5"
    assert format_number(22.0) == "22"
    assert format_number(0.25) == "0,25"
