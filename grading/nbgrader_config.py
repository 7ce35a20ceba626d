"""nbgrader settings shared by every cohort of Sleutelpersonen Werken.

A cohort's own ``nbgrader_config.py`` loads this file and adds its root folder, e.g.::

    c = get_config()
    load_subconfig("/pad/naar/repo/grading/nbgrader_config.py")
    c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
    c.CourseDirectory.source_directory = "source"
"""

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    Execute,
    IgnorePattern,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

from grading.preprocessors import (
    AddRubrics,
    DropAddedCodeCells,
    FillOpenAnswers,
    RestoreDeletedCells,
)

c = get_config()

c.CourseDirectory.course_id = "sleutelpersonen"

# Dutch stubs that do not raise: learners see a friendly prompt, not an error.
c.ClearSolutions.code_stub = {"python": "# Typ hier je antwoord.\n"}
# Open questions are answered in a text area on the page (course.answers.open_text); the
# manually graded cell stays for the trainer and gets the typed text before grading
# (FillOpenAnswers), so in the learner's page it shows nothing.
c.ClearSolutions.text_stub = "<!-- Het antwoord staat in het tekstvak hierboven. -->"

# Learners' notebooks are small (every cell runs in well under a second): a cell that runs
# longer than this is stuck, not busy. `trainer nakijken` uses the same limit.
c.Execute.timeout = 20
c.Execute.startup_timeout = 60
c.Execute.interrupt_on_timeout = True
c.Execute.shutdown_kernel = "immediate"

# Never hand in or grade the learner's private data or Jupyter's own clutter.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    ".sleutelpersonen",
]

# A learner cannot change a score by deleting a test cell or adding code (grading/preprocessors).
c.Autograde.sanitize_preprocessors = [
    ClearOutput,
    DeduplicateIds,
    OverwriteKernelspec,
    DropAddedCodeCells,
    RestoreDeletedCells,
    OverwriteCells,
    FillOpenAnswers,
    CheckCellMetadata,
]

# Trainers see the rubric under each open answer in the formgrader (from the source notebook);
# learners' feedback is Dutch and never shows test code or rubrics.
from grading.feedback import feedback_config  # noqa: E402

# nbgrader's own list, then AddRubrics. Written out, not appended: nbgrader can load this file
# twice (from the working folder and from the cohort root), and an append then ran it twice.
c.Autograde.autograde_preprocessors = [
    Execute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
    AddRubrics,
]
c.merge(feedback_config())
