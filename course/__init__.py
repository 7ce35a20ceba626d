"""Learner side of Sleutelpersonen Werken: notebook helpers for lessons and assignments.

Notebooks import from here (``from course.answers import AnswerSheet``); the package is
installed into the course environment, so no path tricks are needed.
"""

from pathlib import Path

COURSE_DIR = Path(__file__).resolve().parent
DATA_DIR = COURSE_DIR / "data"
