"""Dutch feedback from real autograded submissions: answers, points, comments, explanations,
and never hidden-test code or the rubric. Also released into a real nbgrader exchange."""

from __future__ import annotations

import ast
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from nbgrader.api import Gradebook
from nbgrader.utils import notebook_hash

from conftest import ASSIGNMENTS
from course_text import filled_notebook
from grading.cli import main as trainer
from grading.cohort import gradebook_url, write_config
from grading.feedback import FeedbackText, generate_feedback
from grading.nbgrader_cli import run
from grading.preprocessors.feedback import _output_lines, format_points
from grading.rubric import source_rubrics
from grading.scores import grade_manually
from nbgrader_course import AssignmentShape, solution_answers

ASSIGNMENT = "module-1"
NOTEBOOK = "opdracht-module-1"
SOURCE = ASSIGNMENTS / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
# The open questions as the source notebook has them: anna gets one point less than the
# maximum on the first one, bram 1,5 and 2 points on the first two and 0 on the others.
SHAPE = AssignmentShape(ASSIGNMENT)
OPEN = list(SHAPE.open)
FIRST_OPEN, FIRST_POINTS = SHAPE.open_numbers[0], SHAPE.open[OPEN[0]]
ANNA = dict(SHAPE.open) | {OPEN[0]: FIRST_POINTS - 1}
BRAM = dict.fromkeys(OPEN, 0) | {OPEN[0]: 1.5, OPEN[1]: 2}


def _total(open_scores: dict[str, float]) -> str:
    """The summary line of a learner with every closed answer right (anna) or wrong (bram)."""
    closed = sum(SHAPE.closed.values()) if open_scores is ANNA else 0
    score = closed + sum(open_scores.values())
    percentage = round(100 * score / SHAPE.max_score)
    return (
        f"Je hebt {format_points(score)} van de {format_points(SHAPE.max_score)} punten "
        f"({percentage}%)."
    )


OPEN_ANSWER = "Ik blijf rustig. Ik vraag of ik de brief mag lezen.\nDaarna bellen we samen."
COMMENT = "Goed dat je eerst toestemming vraagt. Noem ook de betalingsregeling."
SECRET = "a" * 128
FEEDBACK_LINES = "from grading.feedback import feedback_config\nc.merge(feedback_config())\n"


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script", "title")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script", "title")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees (entities decoded, white space collapsed)."""
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def explanations() -> dict[int, str]:
    """The explanation argument of every check in the source notebook, per question."""
    found = {}
    notebook = filled_notebook(SOURCE)  # as handed out: facts of the course year filled in
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code" or "HIDDEN TESTS" not in "".join(cell["source"]):
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.Call) and node.args:
                for keyword in node.keywords:
                    if keyword.arg == "explanation":
                        found[ast.literal_eval(node.args[0])] = ast.literal_eval(keyword.value)
    return found


def _wrong(answers: dict) -> dict:
    return {
        q: (-999 if isinstance(v, int | float) else ["fout"] if isinstance(v, list) else "fout")
        for q, v in answers.items()
    }


def _hand_in(root: Path, learner: str, answers: dict | None, open_answer: str | None):
    with Gradebook(gradebook_url(root)) as gradebook:
        gradebook.update_or_create_student(learner)
    folder = root / "submitted" / learner / ASSIGNMENT
    shutil.copytree(root / "release" / ASSIGNMENT, folder)
    path = folder / f"{NOTEBOOK}.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if open_answer and cell["metadata"].get("nbgrader", {}).get("solution"):
            cell["source"] = open_answer
    path.write_text(json.dumps(notebook), encoding="utf-8")
    if answers is not None:
        (folder / f"{NOTEBOOK}.antwoorden.json").write_text(json.dumps(answers))
    return folder


def _grade(root: Path, learner: str, scores: dict[str, float], comment: str | None = None):
    url = gradebook_url(root)
    for grade_id, score in scores.items():
        grade_manually(url, ASSIGNMENT, learner, grade_id, score)
    if comment:
        with Gradebook(url) as gradebook:
            found = gradebook.find_comment(OPEN[0], NOTEBOOK, ASSIGNMENT, learner)
            found.manual_comment = comment
            gradebook.db.commit()


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """Four learners hand in module 1 (one through the exchange); autograde adds rubrics."""
    base = tmp_path_factory.mktemp("feedback")
    root, exchange = base / "cohort", base / "exchange"
    exchange.mkdir()
    write_config(root, exchange=exchange)  # the shared config adds the rubrics
    run(root, "generate_assignment", ASSIGNMENT, "--create")
    solution = solution_answers(ASSIGNMENT)[NOTEBOOK]
    anna = _hand_in(root, "anna", solution, OPEN_ANSWER)
    # As `nbgrader collect` leaves it: the secret links the feedback to anna's submission.
    (anna / "submission_secret.txt").write_text(SECRET)
    (anna / "timestamp.txt").write_text("2026-03-01 10:00:00.000000 UTC")
    _hand_in(root, "bram", _wrong(solution), OPEN_ANSWER)
    _hand_in(root, "carla", None, None)
    _hand_in(root, "dirk", solution, OPEN_ANSWER)
    run(root, "autograde", ASSIGNMENT)
    _grade(root, "anna", ANNA, COMMENT)
    _grade(root, "bram", BRAM)
    result = generate_feedback(root, ASSIGNMENT)
    return root, exchange, result


def _html(root: Path, learner: str) -> str:
    return (root / "feedback" / learner / ASSIGNMENT / f"{NOTEBOOK}.html").read_text("utf-8")


def test_feedback_is_made_for_graded_learners_only(cohort):
    _, _, result = cohort
    assert sorted(result.made) == ["anna", "bram", "carla"]
    assert OPEN[0] in result.skipped["dirk"]
    assert "open vragen nog niet beoordeeld" in result.skipped["dirk"]


@pytest.mark.parametrize("learner", ["anna", "bram", "carla"])
def test_feedback_never_shows_hidden_tests_or_the_rubric(cohort, learner):
    root, _, _ = cohort
    html = _html(root, learner)
    autograded = (root / "autograded" / learner / ASSIGNMENT / f"{NOTEBOOK}.ipynb").read_text()
    assert "Beoordelingsmodel" in autograded  # the rubric is there for the trainer ...
    for forbidden in ("BEGIN HIDDEN TESTS", "check_", "vragen.require", "AnswerSheet", "Traceback"):
        assert forbidden not in html
    text = visible_text(html)
    assert "Beoordelingsmodel" not in text  # ... but never in the learner's feedback
    for rubric in source_rubrics(SOURCE).values():
        for line in rubric.splitlines():
            rule = re.sub(r"[*_`>-]", "", line).strip()
            if len(rule) > 25:
                assert rule not in text


def test_feedback_is_dutch_with_a_score_summary(cohort):
    root, _, _ = cohort
    html = _html(root, "anna")
    assert re.search(r'<html[^>]*lang="nl"', html)
    text = visible_text(html)
    assert text.index(FeedbackText.SUMMARY) < text.index("Vraag 1: goed.")
    assert _total(ANNA) in text
    anna, top = format_points(FIRST_POINTS - 1), format_points(FIRST_POINTS)
    assert f"Vraag {FIRST_OPEN} {anna} {top} Beoordeeld" in text  # the row in the points table
    assert f"Vraag {FIRST_OPEN}: Beoordeeld {anna} van {top} punten" in text


def test_correct_answers_show_the_answer_and_every_explanation(cohort):
    root, _, _ = cohort
    text = visible_text(_html(root, "anna"))
    assert "Jouw antwoord: Dienst Toeslagen" in text
    found = explanations()
    assert len(found) == len(SHAPE.closed)
    for question, explanation in found.items():
        assert " ".join(f"Vraag {question}: goed. {explanation}".split()) in text


def test_wrong_answers_show_the_dutch_message_with_explanation(cohort):
    root, _, _ = cohort
    text = visible_text(_html(root, "bram"))
    assert "Jouw antwoord: fout" in text
    for question, explanation in explanations().items():
        line = f"Vraag {question}: dit antwoord is nog niet goed. {explanation}"
        assert " ".join(line.split()) in text
        assert f"Vraag {question}: goed." not in text
    assert _total(BRAM) in text
    assert f"Vraag {FIRST_OPEN}: Beoordeeld 1,5 van {format_points(FIRST_POINTS)} punten" in text


def test_open_answer_and_trainer_comment_are_shown(cohort):
    root, _, _ = cohort
    text = visible_text(_html(root, "anna"))
    assert " ".join(f"{FeedbackText.YOUR_ANSWER}: {OPEN_ANSWER}".split()) in text
    assert f"{FeedbackText.TRAINER_COMMENT}: {COMMENT}" in text


def test_blank_submission_says_what_was_not_answered(cohort):
    root, _, _ = cohort
    text = visible_text(_html(root, "carla"))
    assert "Je hebt vraag 1 nog niet beantwoord." in text
    assert f"Vraag 1: {FeedbackText.UNANSWERED}" in text
    assert f"Vraag {FIRST_OPEN}: {FeedbackText.UNANSWERED}" in text
    assert FeedbackText.NO_ANSWER in text
    assert "No response" not in text


def test_feedback_is_released_into_the_exchange(cohort):
    root, exchange, result = cohort
    assert result.released == ["anna"]
    assert sorted(result.not_released) == ["bram", "carla"]
    released = exchange / "sleutelpersonen" / "feedback"
    path = released / f"{notebook_hash(secret=SECRET, notebook_id=NOTEBOOK)}.html"
    assert path.read_text(encoding="utf-8") == _html(root, "anna")
    assert len(list(released.glob("*.html"))) == 1


def test_unfinished_grading_can_be_included_on_request(cohort):
    root, _, _ = cohort
    result = generate_feedback(root, ASSIGNMENT, ["dirk"], include_unfinished=True, release=False)
    assert list(result.made) == ["dirk"] and not result.released
    text = visible_text(_html(root, "dirk"))
    assert FeedbackText.OPEN_PENDING in text
    assert f"Vraag {FIRST_OPEN}: {FeedbackText.PENDING}" in text
    assert "Beoordelingsmodel" not in text


def test_plain_nbgrader_generate_feedback_uses_the_dutch_template(cohort):
    """With feedback_config() in the cohort config, nbgrader's own command (and the
    formgrader's button, which runs the same converter) gives the same safe feedback."""
    root, _, _ = cohort
    config = root / "nbgrader_config.py"
    original = config.read_text(encoding="utf-8")
    out = root / "feedback" / "bram" / ASSIGNMENT / f"{NOTEBOOK}.html"
    ours = out.read_text(encoding="utf-8")
    out.unlink()
    try:
        config.write_text(original + FEEDBACK_LINES, encoding="utf-8")
        run(root, "generate_feedback", ASSIGNMENT, "--student=bram", "--force")
    finally:
        config.write_text(original, encoding="utf-8")
    plain = out.read_text(encoding="utf-8")
    assert visible_text(plain) == visible_text(ours)
    assert "BEGIN HIDDEN TESTS" not in plain and "Beoordelingsmodel" not in plain


def test_feedback_command_reports_in_dutch(cohort):
    root, _, _ = cohort
    runner = CliRunner()
    result = runner.invoke(
        trainer, ["feedback", ASSIGNMENT, "--cohort", str(root), "--niet-vrijgeven"]
    )
    assert result.exit_code == 0, result.output
    assert "Feedback gemaakt voor 3 deelnemer(s):" in result.output
    assert f"dirk: open vragen nog niet beoordeeld: {', '.join(OPEN)}" in result.output
    assert FeedbackText.HINT_OPEN in result.output
    assert "Vrijgegeven" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["module-9"], "Opdracht 'module-9' staat niet in het cijferboek"),
        (["module-1", "--deelnemer", "zoe"], "Deelnemer 'zoe' heeft opdracht 'module-1' niet"),
    ],
)
def test_feedback_command_bad_input(cohort, args, message):
    root, _, _ = cohort
    result = CliRunner().invoke(trainer, ["feedback", *args, "--cohort", str(root)])
    assert result.exit_code == 1
    assert "Fout:" in result.output and message in result.output


def test_feedback_command_without_cohort(tmp_path):
    result = CliRunner().invoke(trainer, ["feedback", ASSIGNMENT, "--cohort", str(tmp_path)])
    assert result.exit_code == 1
    assert "Fout: De map" in result.output and "is geen cohortmap" in result.output


def test_output_lines_keep_only_what_a_learner_may_read():
    timeout_line = "Deze cel duurde te lang (meer dan 30 seconden) en is gestopt."
    cell = {
        "outputs": [
            {"output_type": "stream", "name": "stdout", "text": "Jouw antwoord: 22\n\n"},
            {"output_type": "stream", "name": "stderr", "text": "FutureWarning: check_x\n"},
            {
                "output_type": "error",
                "ename": "NogNietGoed",
                "evalue": "Vraag 3: nee.",
                "traceback": [],
            },
            {"output_type": "error", "ename": "CellTimeoutError", "evalue": timeout_line},
            {"output_type": "error", "ename": "CellTimeoutError", "evalue": ""},
            {
                "output_type": "error",
                "ename": "NameError",
                "evalue": "name 'check_x' is not defined",
            },
            {"output_type": "display_data", "data": {"image/png": "bm90IGFuIGltYWdl!!"}},
            {"output_type": "display_data", "data": {"text/plain": "RadioButtons(options=...)"}},
        ]
    }
    lines, images = _output_lines(cell)
    assert [line["text"] for line in lines] == [
        "Jouw antwoord: 22",
        "Vraag 3: nee.",
        timeout_line,
        FeedbackText.TIMEOUT,
        FeedbackText.CRASHED,
    ]
    assert images == []


def test_points_are_written_the_dutch_way():
    assert [format_points(x) for x in (3, 2.5, 0.25, None)] == ["3", "2,5", "0,25", "0"]


def test_a_failed_feedback_names_the_real_error_not_see_above():
    """nbgrader's converters end with "see the above traceback"; the trainer gets the error."""
    from grading.feedback import _reason

    outcome = {
        "error": "Traceback ...\nNbGraderException: Please see the the above traceback for details",
        "log": "[GenerateFeedbackApp | ERROR] ...\nsoupsieve.util.SelectorSyntaxError: bad 'i'\n",
    }
    assert _reason(outcome) == "soupsieve.util.SelectorSyntaxError: bad 'i'"
    assert _reason({"error": "ValueError: kapot"}) == "ValueError: kapot"
    assert _reason({}) == "?"
