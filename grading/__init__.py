"""Trainer side of Sleutelpersonen Werken: nbgrader configuration and (later) the cohort tools."""

from pathlib import Path

GRADING_DIR = Path(__file__).resolve().parent
NBGRADER_CONFIG = GRADING_DIR / "nbgrader_config.py"
ASSIGNMENTS_DIR = GRADING_DIR.parent / "assignments"
