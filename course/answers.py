"""The free text a learner writes in %%reply and %%reflection cells.

Learners write plain prose in a cell; the cell magic hands the text here. This
module cleans it (removes nbgrader's solution markers and the "replace this
line" stub), decides whether the exercise has been answered, and keeps the
latest answer of each exercise in memory for the grading cell below it.
"""
from __future__ import annotations

import re
import unicodedata

# nbgrader leaves this stub in every answer cell of a learner notebook; see
# ClearSolutions.code_stub in nbgrader_config.py. Keep the two in step.
UNANSWERED_MARK = "Replace this line with your answer"

# Longest text we keep and assess. Longer text is cut, with a note to the learner.
MAX_CHARS = 20_000

_SOLUTION_MARKERS = re.compile(r"^\s*#+\s*(BEGIN|END) SOLUTION\s*$", re.MULTILINE)
_STUB_LINE = re.compile(r"^.*" + re.escape(UNANSWERED_MARK) + r".*$", re.MULTILINE)

_latest: dict[str, str] = {}


def clean(text: str | bytes | None) -> str:
    """The learner's words without nbgrader markers or the stub, whitespace tidied."""
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = unicodedata.normalize("NFC", text)
    text = _SOLUTION_MARKERS.sub("", text)
    text = _STUB_LINE.sub("", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return "\n".join(lines).strip()


def is_answered(text: str) -> bool:
    return bool(clean(text))


def remember(exercise_id: str, text: str) -> None:
    _latest[exercise_id] = text


def latest(exercise_id: str) -> str | None:
    """The text last run for this exercise in this kernel, or None if never run."""
    return _latest.get(exercise_id)


def forget_all() -> None:
    """Clear the in-memory answers (used by tests and by a restarted lesson)."""
    _latest.clear()
