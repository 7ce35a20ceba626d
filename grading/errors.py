"""The one base class of the trainer side's domain errors.

Plain functions raise a subclass of :class:`TrainerError` with a Dutch message a trainer can
act on; ``grading.cli`` prints it after "Fout:" and exits with status 1. No module but the
command line knows about click.
"""

from __future__ import annotations


class TrainerError(Exception):
    """A problem the trainer can fix; ``str(error)`` is the Dutch explanation."""

    exit_code = 1

    @property
    def message(self) -> str:
        """The Dutch explanation (as click exceptions call it)."""
        return str(self)
