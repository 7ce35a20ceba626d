"""The course map: modules, lessons and assignments, read from ``course/cursus.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from course import COURSE_DIR

CATALOG_FILE = COURSE_DIR / "cursus.toml"


@dataclass(frozen=True)
class Lesson:
    """One lesson notebook (``notebook`` is relative to ``course/``)."""

    id: str
    title: str
    notebook: str
    minutes: int

    @property
    def path(self) -> Path:
        return COURSE_DIR / self.notebook

    @property
    def available(self) -> bool:
        """True once the notebook has been written; the map still lists planned lessons."""
        return self.path.is_file()


@dataclass(frozen=True)
class Assignment:
    """A graded nbgrader assignment (folder name under ``assignments/``)."""

    id: str
    title: str


@dataclass(frozen=True)
class Module:
    """A module: a numbered group of lessons with one graded assignment."""

    id: str
    number: int
    title: str
    summary: str
    lessons: tuple[Lesson, ...]
    assignments: tuple[Assignment, ...]


@dataclass(frozen=True)
class Catalog:
    """The whole course: three modules, and the yearly actualiteiten for renewal."""

    title: str
    keurmerk: str
    modules: tuple[Module, ...]
    refreshers: tuple[Module, ...] = ()

    def lesson(self, lesson_id: str) -> Lesson:
        """The lesson with this id; ``KeyError`` when there is none."""
        for module in self.modules + self.refreshers:
            for lesson in module.lessons:
                if lesson.id == lesson_id:
                    return lesson
        raise KeyError(lesson_id)


def load_catalog(path: Path = CATALOG_FILE) -> Catalog:
    """Read the course map."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return Catalog(
        title=data["title"],
        keurmerk=data["keurmerk"],
        modules=tuple(_module(raw) for raw in data["modules"]),
        refreshers=tuple(_module(raw) for raw in data.get("actualiteiten", [])),
    )


def _module(raw: dict) -> Module:
    return Module(
        id=raw["id"],
        number=raw["number"],
        title=raw["title"],
        summary=raw["summary"],
        lessons=tuple(Lesson(**lesson) for lesson in raw.get("lessons", [])),
        assignments=tuple(Assignment(**item) for item in raw.get("assignments", [])),
    )
