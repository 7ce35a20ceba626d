"""Item writing: the right option must not give itself away by being the longest.

A test-wise learner who always picks the longest option should not score well. For every
single-choice question, practice and graded alike, we look at whether the correct option is
the *unique* longest one (more characters than every other option). In each group that may
be true for at most a third of the questions (issue 13).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

from conftest import ASSIGNMENTS, COURSE, ROOT
from course.practice import load_questions
from course_text import filled_notebook

MAX_SHARE = Fraction(1, 3)


@dataclass(frozen=True)
class Item:
    """One single-choice question: where it is, its options and its key."""

    where: str
    options: tuple[str, ...]
    answer: str

    @property
    def key_is_unique_longest(self) -> bool:
        others = [len(option) for option in self.options if option != self.answer]
        return bool(others) and len(self.answer) > max(others)

    def describe(self) -> str:
        lengths = ", ".join(
            f"{'*' if option == self.answer else ''}{len(option)}" for option in self.options
        )
        return f"{self.where} (lengths {lengths}; * = key): {self.answer!r}"


def practice_items() -> list[Item]:
    """Every single-choice question in the lessons' practice files."""
    items = []
    for path in sorted(COURSE.rglob("*.oefenvragen.toml")):
        for question in load_questions(path).values():
            if question.kind == "single":
                where = f"{path.relative_to(ROOT)} vraag {question.id}"
                items.append(Item(where, tuple(question.options), str(question.answer)))
    return items


def _calls(source: str, method: str) -> list[ast.Call]:
    """Calls ``vragen.<method>(...)`` in a code cell (IPython magics skipped)."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("%"))
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
    ]


def graded_items_of(path: Path) -> list[Item]:
    """Single-choice questions of one assignment: options from the widget, key from the test."""
    cells = filled_notebook(path)["cells"]  # as handed out: facts filled in
    options: dict[object, tuple[str, ...]] = {}
    keys: dict[object, str] = {}
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for call in _calls(source, "single_choice"):
            number = ast.literal_eval(call.args[0])
            options[number] = tuple(ast.literal_eval(call.args[1]))
        for call in _calls(source, "check_choice"):
            keys[ast.literal_eval(call.args[0])] = ast.literal_eval(call.args[1])
    missing = sorted(str(number) for number in options if number not in keys)
    assert not missing, f"{path.name}: single-choice questions without a key: {missing}"
    where = path.relative_to(ROOT)
    return [Item(f"{where} vraag {n}", options[n], keys[n]) for n in options]


def graded_items() -> list[Item]:
    """Every graded single-choice question in the source assignments."""
    items = []
    for path in sorted(ASSIGNMENTS.glob("*/*.ipynb")):
        if ".ipynb_checkpoints" not in path.parts:
            items += graded_items_of(path)
    return items


GROUPS = {"oefenvragen": practice_items, "opdrachten": graded_items}


def test_the_measure_reads_keys_and_options():
    """Does the measure find the key in every item, and tell longest from not longest?"""
    for items in (practice_items(), graded_items()):
        assert items
        for item in items:
            assert item.answer in item.options, item.describe()
    assert Item("x", ("kort", "veel langer"), "veel langer").key_is_unique_longest
    assert not Item("x", ("even", "lang"), "lang").key_is_unique_longest
    assert not Item("x", ("kort", "veel langer"), "kort").key_is_unique_longest


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_the_key_is_rarely_the_unique_longest_option(group):
    """In at most a third of the single-choice items is the key the unique longest option."""
    items = GROUPS[group]()
    giveaways = [item for item in items if item.key_is_unique_longest]
    share = Fraction(len(giveaways), len(items))
    print(f"{group}: {len(giveaways)} of {len(items)} ({float(share):.0%}) key is unique longest")
    for item in giveaways:
        print("  " + item.describe())
    assert share <= MAX_SHARE, (
        f"{group}: the key is the unique longest option in {len(giveaways)} of {len(items)} "
        f"items ({float(share):.0%}; at most {float(MAX_SHARE):.0%} allowed):\n"
        + "\n".join(item.describe() for item in giveaways)
    )
