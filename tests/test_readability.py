"""The B1 readability gate for all course content (see tests/readability.py for the rules)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from conftest import ASSIGNMENTS, COURSE
from course_text import notebooks
from readability import module_score, notebook_scores, score_text


def _module_of(path) -> str:
    if ASSIGNMENTS in path.parents:
        return "opdrachten"
    relative = path.relative_to(COURSE)
    return relative.parts[0] if len(relative.parts) > 1 else "start"


MODULES = defaultdict(list)
for _path in notebooks():
    MODULES[_module_of(_path)].append(_path)


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_every_long_cell_is_b1(path):
    """Cells of 40+ words: Flesch-Douma >= 60 and at most 15 words per sentence."""
    failing = [s for s in notebook_scores(path) if not s.passes]
    assert not failing, [
        (s.index, round(s.flesch_douma), round(s.words_per_sentence, 1)) for s in failing
    ]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_reads_easily(module):
    """Per module: median Flesch-Douma >= 70 and at most 12 words per sentence."""
    scores = [s for path in MODULES[module] for s in notebook_scores(path)]
    total = module_score(scores)
    assert total.passes, (round(total.median_flesch_douma), round(total.words_per_sentence, 1))


def test_gate_rejects_hard_text():
    """Can the gate fail? A long bureaucratic sentence must not pass."""
    hard = (
        "Indien de belanghebbende nalaat de wijzigingen in de inkomens- en vermogenssituatie "
        "tijdig en volledig aan de uitvoeringsinstantie door te geven, kan dit leiden tot "
        "terugvordering van onverschuldigd betaalde voorschotten, vermeerderd met eventuele "
        "invorderingsrente en administratieve kosten die de uitvoeringsorganisatie in rekening "
        "brengt conform de toepasselijke regelgeving."
    )
    assert not score_text(hard).passes
