"""Every written lesson follows the lesson template (goals, time, practice, key points, done)."""

from __future__ import annotations

import json
import re

import pytest

from course.catalog import load_catalog

CATALOG = load_catalog()
LESSONS = [
    lesson
    for module in CATALOG.modules + CATALOG.refreshers
    for lesson in module.lessons
    if lesson.available
]


def _cells(lesson):
    return json.loads(lesson.path.read_text(encoding="utf-8"))["cells"]


def _text(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_every_lesson_on_the_course_map_is_written():
    planned = {
        lesson.id for module in CATALOG.modules + CATALOG.refreshers for lesson in module.lessons
    }
    assert planned == {lesson.id for lesson in LESSONS}


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_lesson_template(lesson):
    cells = _cells(lesson)
    first = _text(cells[0])
    assert first.startswith("# Les ")
    assert "Wat leer je?" in first
    time = re.search(r"\*\*Tijd:\*\* ongeveer (\d+) minuten", first)
    assert time and int(time.group(1)) == lesson.minutes
    assert 30 <= lesson.minutes <= 60
    markdown = "\n".join(_text(c) for c in cells if c["cell_type"] == "markdown")
    assert "## Belangrijkste punten" in markdown
    code = [_text(c) for c in cells if c["cell_type"] == "code"]
    assert "%xmode Minimal" in code[0]
    assert sum(source.count("oefen.ask(") for source in code) >= 3
    assert code[-1].strip() == f'lesson_footer("{lesson.id}")'
