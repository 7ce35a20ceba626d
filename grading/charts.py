"""The charts of the trainer dashboard (matplotlib), drawn from :mod:`grading.export`'s tables.

Each function draws on the axes it gets and returns them; with no data it says so in Dutch.
"""

from __future__ import annotations

from grading.export import (
    PASS_PERCENTAGE,
    CohortData,
    _number,
    _percentages,
    attention,
    hardest_questions,
    progress,
)
from grading.messages import ExportText


def _empty(ax, title: str):
    ax.set_title(title)
    ax.text(0.5, 0.5, ExportText.NO_DATA, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return ax


def plot_progress(data: CohortData, ax, threshold: float = PASS_PERCENTAGE):
    """Per assignment: the share of learners who handed in, and who passed."""
    table = progress(data, threshold)
    if table.empty:
        return _empty(ax, ExportText.PROGRESS_TITLE)
    positions = range(len(table))
    width = 0.35
    ax.bar(
        [p - width / 2 for p in positions],
        table[ExportText.SUBMITTED_SHARE],
        width,
        label=ExportText.PROGRESS_SUBMITTED,
        color="#8fb4d9",
    )
    ax.bar(
        [p + width / 2 for p in positions],
        table[ExportText.PASSED_SHARE],
        width,
        label=ExportText.PROGRESS_PASSED.format(threshold=_number(threshold)),
        color="#154273",
    )
    ax.set_xticks(list(positions), table[ExportText.ASSIGNMENT])
    ax.set_ylim(0, 105)
    ax.set_ylabel(ExportText.SHARE_OF_LEARNERS)
    ax.set_xlim(-0.75, len(table) - 0.25)
    ax.set_title(ExportText.PROGRESS_TITLE)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
    return ax


def plot_score_distribution(data: CohortData, ax, threshold: float = PASS_PERCENTAGE):
    """Per assignment: the learners' percentages, with the pass mark as a line."""
    scores = data.scores.assign(percentage=_percentages(data.scores)).dropna(subset=["percentage"])
    if scores.empty:
        return _empty(ax, ExportText.DISTRIBUTION_TITLE)
    names = [name for name in data.assignments if name in set(scores.assignment)]
    groups = [scores[scores.assignment == name]["percentage"].to_list() for name in names]
    ax.boxplot(groups, tick_labels=names, showmeans=False)
    for position, values in enumerate(groups, start=1):
        ax.scatter([position] * len(values), values, color="#154273", alpha=0.6, zorder=3)
    ax.axhline(
        threshold,
        color="#b35c00",
        linestyle="--",
        label=ExportText.THRESHOLD_LINE.format(threshold=_number(threshold)),
    )
    ax.set_ylim(-5, 105)
    ax.set_ylabel(ExportText.SCORE_PERCENT)
    ax.set_title(ExportText.DISTRIBUTION_TITLE)
    ax.legend(loc="lower right")
    return ax


def plot_hardest_questions(data: CohortData, ax, top: int = 10):
    """The ``top`` questions most often scored 0 (blank submissions left out)."""
    table = hardest_questions(data).head(top)
    if table.empty:
        return _empty(ax, ExportText.HARDEST_TITLE)
    labels = table[ExportText.ASSIGNMENT] + " · " + table[ExportText.QUESTION]
    ax.barh(labels[::-1], table[ExportText.WRONG_SHARE][::-1], color="#c62828")
    ax.set_xlim(0, 100)
    ax.set_xlabel(ExportText.HARDEST_AXIS)
    ax.set_title(ExportText.HARDEST_TITLE)
    return ax


def plot_attention(data: CohortData, ax, threshold: float = PASS_PERCENTAGE):
    """Per learner who needs attention: how many reasons."""
    table = attention(data, threshold)
    if table.empty:
        return _empty(ax, ExportText.ATTENTION_TITLE)
    ax.barh(table[ExportText.LEARNER][::-1], table[ExportText.COUNT][::-1], color="#b35c00")
    ax.set_xlabel(ExportText.COUNT)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(ExportText.ATTENTION_TITLE)
    return ax
