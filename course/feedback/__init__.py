"""The feedback engine: assess a learner's reply or reflection and explain the score.

    from course.feedback import assess
    result = assess("reply", text, customer="...", scenario="...")
    result.score, result.moves, result.evidence, result.feedback

`assess` is the one entry point used by the notebooks, the nbgrader test cells
and the command line (`python -m course.feedback grade`).
"""
from __future__ import annotations

from .result import Assessment, Evidence
from .engine import assess

__all__ = ["Assessment", "Evidence", "assess"]
