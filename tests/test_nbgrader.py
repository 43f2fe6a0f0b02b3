"""The real nbgrader CLI and gradebook on the real notebooks: generation, drift, validate, autograde."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import nbformat
import pytest
from nbgrader.api import Gradebook

from course import build
from course.testing import copy_course, fill_answers, learner_notebook, reference_answers
from conftest import ROOT

pytestmark = pytest.mark.slow


def nbgrader(*args, cwd):
    run = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, capture_output=True, text=True, env=build.tool_env())
    return run.returncode, run.stdout + run.stderr


@pytest.fixture(scope="module")
def fresh_release(tmp_path_factory):
    """Every ready lesson generated once by nbgrader into a temporary folder."""
    out = tmp_path_factory.mktemp("release") / "notebooks"
    build.generate_all(out, say=lambda _msg: None)
    return out


def test_generation_reproduces_the_committed_learner_notebooks(fresh_release):
    report = build.compare(fresh_release, ROOT / "notebooks")
    assert report.clean, report.summary()


def test_drift_check_catches_a_hand_edited_learner_notebook(fresh_release, tmp_path):
    edited = tmp_path / "notebooks"
    shutil.copytree(fresh_release, edited)
    path = edited / "01_listen" / "01_listen.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[2].source += "\n# a quick fix made by hand"
    nbformat.write(nb, path)
    (edited / "99_stray").mkdir()
    (edited / "99_stray" / "99_stray.ipynb").write_text("{}", encoding="utf-8")
    report = build.compare(fresh_release, edited)
    assert report.differing == ["01_listen/01_listen.ipynb"]
    assert report.unexpected == ["99_stray/99_stray.ipynb"]
    assert not report.clean and "python -m course build" in report.summary()


def test_drift_check_catches_stored_outputs(fresh_release, tmp_path):
    edited = tmp_path / "notebooks"
    shutil.copytree(fresh_release, edited)
    path = edited / "00_start_here" / "00_start_here.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "hi"}]
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert build.compare(fresh_release, edited).with_outputs == ["00_start_here/00_start_here.ipynb"]
    assert build.notebooks_with_outputs(ROOT / "notebooks") == []


def test_reference_answers_pass_every_check():
    code, out = nbgrader("validate", "solutions/01_listen/01_listen.ipynb", cwd=ROOT)
    assert code == 0 and "Success! Your notebook passes all the tests." in out, out


def test_unanswered_learner_notebook_fails_every_graded_cell():
    code, out = nbgrader("validate", "--invert", "notebooks/01_listen/01_listen.ipynb", cwd=ROOT)
    assert code == 0 and "Success! The notebook does not pass any tests." in out, out


def test_autograde_gives_full_zero_and_partial_marks(tmp_path):
    course_root = copy_course(tmp_path / "course")
    code, out = nbgrader("generate_assignment", "01_listen", "--force", cwd=course_root)
    assert code == 0, out
    submissions = {
        "ana_reference": reference_answers("01_listen"),
        "ben_untouched": {},
        "chloe_partial": {"ex1_4": "Sorry about that. We can send someone on Thursday."},
    }
    for student, answers in submissions.items():
        nb = fill_answers(learner_notebook("01_listen", course_root / "notebooks"), answers)
        target = course_root / "submitted" / student / "01_listen" / "01_listen.ipynb"
        target.parent.mkdir(parents=True)
        nbformat.write(nb, target)
    code, out = nbgrader("autograde", "01_listen", cwd=course_root)
    assert code == 0, out
    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gb:
        scores = {s: gb.find_submission("01_listen", s).score for s in submissions}
        max_score = gb.find_assignment("01_listen").max_score
        chloe = gb.find_submission_notebook("01_listen", "01_listen", "chloe_partial")
        chloe_cells = {g.name: g.auto_score for g in chloe.grades}
    assert max_score == 8
    assert scores["ana_reference"] == 8
    assert scores["ben_untouched"] == 0
    assert 0 < scores["chloe_partial"] < 8
    assert 0 < chloe_cells["ex1_4"] < 4 and chloe_cells["ex1_5"] == 0
