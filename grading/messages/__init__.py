"""Every Dutch text a trainer reads from the grading package, in one place (this folder).

Import from here: ``from grading.messages import ExportText``.
"""

from grading.messages.cohort import (
    CohortText,
    ExchangeText,
    HandoutText,
    LearnerDataText,
    LearnersText,
    SourceText,
)
from grading.messages.commands import CliText, HubText
from grading.messages.results import (
    AutogradeText,
    DashboardText,
    ExportText,
    FeedbackText,
    HandinImportText,
    RubricText,
    SendoutText,
    SubmissionText,
)

__all__ = [
    "AutogradeText",
    "CliText",
    "CohortText",
    "DashboardText",
    "ExchangeText",
    "ExportText",
    "FeedbackText",
    "HandinImportText",
    "HandoutText",
    "HubText",
    "LearnerDataText",
    "LearnersText",
    "RubricText",
    "SendoutText",
    "SourceText",
    "SubmissionText",
]
