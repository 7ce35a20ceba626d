"""B1 readability of course text: Flesch-Douma (textstat, language nl) and sentence length.

The gate (issue 3, for all course content):
- every markdown cell of 40 words or more: Flesch-Douma >= 60 and at most 15 words per sentence;
- per module, over those cells: median Flesch-Douma >= 70, and over all markdown text of
  the module at most 12 words per sentence on average.

Run it while writing:  python tests/readability.py course/module-1-bureaucratie/*.ipynb
"""

from __future__ import annotations

import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import textstat

textstat.set_lang("nl")

MIN_WORDS = 40
CELL_MIN_SCORE = 60
CELL_MAX_SENTENCE = 15
MODULE_MIN_MEDIAN = 70
MODULE_MAX_SENTENCE = 12

ABBREVIATIONS = {
    "bijv.": "bijvoorbeeld",
    "bv.": "bijvoorbeeld",
    "o.a.": "onder andere",
    "d.w.z.": "dat wil zeggen",
    "enz.": "enzovoort",
    "ca.": "circa",
    "nr.": "nummer",
    "incl.": "inclusief",
    "excl.": "exclusief",
    "t/m": "tot en met",
    "z.s.m.": "zo snel mogelijk",
    "m.b.t.": "met betrekking tot",
    "i.p.v.": "in plaats van",
    "evt.": "eventueel",
    "max.": "maximaal",
    "min.": "minimaal",
}


def plain_text(markdown: str) -> str:
    """Markdown as running text: URLs dropped, abbreviations written out, each line a unit."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [label](url) -> label
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    for short, full in ABBREVIATIONS.items():
        text = re.sub(rf"(?<!\w){re.escape(short)}", full, text, flags=re.I)
    text = re.sub(r"(?<=\d)[.,](?=\d)", "", text)  # 1.234,50 -> 123450: one word, no sentence end
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(#+|[-*+]|\d+[.)]|>)\s*", "", line)
        line = line.replace("*", "").replace("_", " ").replace("|", " ").strip()
        if not line or set(line) <= set("-: "):
            continue
        if line[-1] not in ".!?:":
            line += "."
        lines.append(line)
    return " ".join(lines)


@dataclass(frozen=True)
class CellScore:
    """Readability of one markdown cell."""

    notebook: str
    index: int
    words: int
    sentences: int
    flesch_douma: float

    @property
    def words_per_sentence(self) -> float:
        return self.words / max(self.sentences, 1)

    @property
    def gated(self) -> bool:
        return self.words >= MIN_WORDS

    @property
    def passes(self) -> bool:
        return not self.gated or (
            self.flesch_douma >= CELL_MIN_SCORE and self.words_per_sentence <= CELL_MAX_SENTENCE
        )


def score_text(text: str, notebook: str = "", index: int = 0) -> CellScore:
    """Score one piece of markdown."""
    plain = plain_text(text)
    words = textstat.lexicon_count(plain)
    sentences = textstat.sentence_count(plain) if words else 0
    score = textstat.flesch_reading_ease(plain) if words else 100.0
    return CellScore(notebook, index, words, sentences, score)


def notebook_scores(path: Path) -> list[CellScore]:
    """Scores of every markdown cell that a learner sees (rubrics for trainers excluded).

    The text is scored as the learner reads it: with the facts of the course year filled in.
    """
    from course_text import filled_notebook  # course_text imports conftest, only in tests

    cells = filled_notebook(path)["cells"]
    scores = []
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            continue  # the model answer and rubric are for the trainer
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        scores.append(score_text(source, path.name, index))
    return scores


@dataclass(frozen=True)
class ModuleScore:
    """The module-wide gate."""

    median_flesch_douma: float
    words_per_sentence: float

    @property
    def passes(self) -> bool:
        return (
            self.median_flesch_douma >= MODULE_MIN_MEDIAN
            and self.words_per_sentence <= MODULE_MAX_SENTENCE
        )


def module_score(scores: list[CellScore]) -> ModuleScore:
    """Median Flesch-Douma of the gated cells; words per sentence over all text."""
    gated = [s.flesch_douma for s in scores if s.gated] or [100.0]
    words = sum(s.words for s in scores)
    sentences = sum(s.sentences for s in scores)
    return ModuleScore(statistics.median(gated), words / max(sentences, 1))


def main(paths: list[str]) -> int:
    scores = [score for path in paths for score in notebook_scores(Path(path))]
    for s in scores:
        mark = "ok " if s.passes else "FOUT"
        if s.gated:
            print(
                f"{mark} {s.notebook} cel {s.index}: {s.words} woorden, "
                f"Flesch-Douma {s.flesch_douma:.0f}, {s.words_per_sentence:.1f} woorden per zin"
            )
    total = module_score(scores)
    print(
        f"samen: mediaan Flesch-Douma {total.median_flesch_douma:.0f} (>= {MODULE_MIN_MEDIAN}), "
        f"{total.words_per_sentence:.1f} woorden per zin (<= {MODULE_MAX_SENTENCE})"
    )
    return 0 if total.passes and all(s.passes for s in scores) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
