"""A harness for trying the course as a learner would: fill in answers, make nbgrader submissions.

Tests use it, and so can an instructor checking a new exercise or rubric:

    nb = learner_notebook("01_listen")
    fill_answers(nb, {"ex1_4": "Rosa, thank you ..."})
    nbformat.write(nb, course_root / "submitted" / "ana" / "01_listen" / "01_listen.ipynb")
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat

from .answers import UNANSWERED_MARK
from .build import RELEASE_DIR, ROOT, SOURCE_DIR

_SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)\n### END SOLUTION", re.DOTALL)


def learner_notebook(slug: str, release_dir: Path = RELEASE_DIR):
    return nbformat.read(release_dir / slug / f"{slug}.ipynb", as_version=4)


def answer_cells(nb) -> dict:
    """{exercise_id: cell} for every graded answer cell of a notebook."""
    cells = {}
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id.endswith("_answer"):
            cells[grade_id[: -len("_answer")]] = cell
    return cells


def reference_answers(slug: str, source_dir: Path = SOURCE_DIR) -> dict[str, str]:
    """The instructor's model answers, read from the solution notebook."""
    nb = nbformat.read(source_dir / slug / f"{slug}.ipynb", as_version=4)
    return {ex: _SOLUTION.search(cell.source).group(1) for ex, cell in answer_cells(nb).items()}


def fill_answers(nb, answers: dict[str, str]):
    """Write answers into a learner notebook's answer cells, as a learner typing over the stub would."""
    cells = answer_cells(nb)
    for exercise_id, text in answers.items():
        cell = cells[exercise_id]
        first_line = cell.source.splitlines()[0]
        body = [line for line in cell.source.splitlines()[1:] if UNANSWERED_MARK not in line]
        cell.source = "\n".join([first_line, *body, text])
    return nb


def copy_course(target: Path) -> Path:
    """A throwaway course root with what nbgrader needs: config, header, sources and releases."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "nbgrader_config.py", target / "nbgrader_config.py")
    (target / "course" / "templates").mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "course" / "templates" / "header.ipynb", target / "course" / "templates" / "header.ipynb")
    shutil.copytree(SOURCE_DIR, target / "solutions")
    shutil.copytree(RELEASE_DIR, target / "notebooks")
    return target
