"""``python -m grading`` is the ``trainer`` command (for accounts that cannot run the script)."""

from grading.cli import main

if __name__ == "__main__":  # not when a grading process (multiprocessing) imports it
    main(prog_name="trainer")
