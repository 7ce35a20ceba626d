"""``python -m grading`` is the ``trainer`` command (for accounts that cannot run the script)."""

from grading.cli import main

main(prog_name="trainer")
