"""The instructor's journey with the real nbgrader CLI and gradebook: a simulated class of 13 learners.

One throwaway course root is graded once per test session (about 90 s: autograding 13
notebooks is most of it) and shared with tests/test_dashboard.py.
"""
from __future__ import annotations

import html
import re
import time

import nbformat
import pytest
from nbgrader.api import Gradebook

from course import classroom
from course.grading import assess_exercise
from course.integrity import TAMPERING
from course.testing import copy_course
from conftest import ROOT

pytestmark = pytest.mark.slow
LESSON = "01_listen"


def graded_class(tmp_path_factory):
    """(course root, learners, workflow logs): built and graded once per pytest session."""
    root = tmp_path_factory.getbasetemp() / "graded-class" / "course"
    cached = getattr(graded_class, "cache", None)
    if cached and cached[0] == root:
        return cached
    started = time.perf_counter()
    copy_course(root)
    learners = classroom.make_submissions(root, LESSON)
    lines = []
    logs = classroom.run_workflow(root, LESSON, say=lines.append, learners=learners)
    lines.append(f"graded the class in {time.perf_counter() - started:.0f}s")
    graded_class.cache = (root, learners, logs, lines)
    return graded_class.cache


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return graded_class(tmp_path_factory)


def test_every_workflow_step_ran_and_said_how_far_it_got(graded):
    _root, learners, logs, lines = graded
    assert [log["command"] for log in logs.values()] == classroom.commands(LESSON)
    assert all(log["returncode"] == 0 for log in logs.values())
    for n, command in enumerate(classroom.commands(LESSON), 1):
        assert f"[{n}/{len(logs)}] {command}" in lines
    for learner in learners:  # one progress line per learner while autograding
        assert any(line.strip().startswith(f"grading {learner.id} (") for line in lines), learner.id
    assert len(learners) >= 10


def test_every_learner_has_a_submission_score_as_expected(graded):
    root, learners, _logs, _lines = graded
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        assert gb.find_assignment(LESSON).max_score == 8
        for learner in learners:
            submission = gb.find_submission(LESSON, learner.id)   # no aborted grading: a score for everyone
            notebook = gb.find_submission_notebook(LESSON, LESSON, learner.id)
            cells = {g.name: g.score for g in notebook.grades}
            lo, hi = learner.total
            assert lo <= submission.score <= hi, (learner.id, submission.score, cells)
            for exercise_id, (c_lo, c_hi) in learner.cells.items():
                assert c_lo <= cells[exercise_id] <= c_hi, (learner.id, exercise_id, cells)
            if learner.outcome == "full":
                assert submission.score == 8
            if learner.outcome in ("zero", "tampering"):
                assert submission.score == 0, (learner.id, cells)
            if learner.outcome == "partial":  # a range: a strong answer of one's own may reach full marks
                assert lo < hi


def test_gaming_scores_zero(graded):
    root, learners, _logs, _lines = graded
    scores = classroom.scores(root, LESSON)
    for learner_id in ("olu_adeyemi", "mei_chen"):
        assert scores[learner_id]["cells"] == {"ex1_4": 0, "ex1_5": 0}


def test_every_tampering_learner_is_reported_and_nobody_else(graded):
    root, learners, _logs, _lines = graded
    report = classroom.tampering_report(root, LESSON)
    tamperers = {l.id for l in learners if l.outcome == "tampering"}
    assert set(report) == tamperers, report
    for learner in learners:
        for exercise_id in learner.tampered:
            assert any(f.startswith(f"{exercise_id}: ") for f in report[learner.id]), (learner.id, report[learner.id])
    # what each kind of tampering looks like in the report
    assert any("course.grading.grade was replaced" in f for f in report["diego_alvarez"])
    assert any("course.feedback.assess is no longer" in f for f in report["noah_fischer"])
    assert any("course.grading.points_for was replaced" in f for f in report["aisha_rahman"])
    assert any("sys.modules['course.grading'] is not the course's own module" in f for f in report["kenji_sato"])
    assert all("locked grading cell edited" in f for f in report["tom_becker"])
    assert all("grading cell deleted" in f for f in report["priya_nair"])


def test_in_kernel_tampering_is_printed_on_stdout_in_the_autograded_notebook(graded):
    root, _learners, _logs, _lines = graded
    for student in ("diego_alvarez", "noah_fischer", "aisha_rahman", "kenji_sato"):
        nb = nbformat.read(root / "autograded" / student / LESSON / f"{LESSON}.ipynb", as_version=4)
        for cell in nb.cells:
            if cell.metadata.get("nbgrader", {}).get("grade"):
                streams = [o for o in cell.outputs if o.output_type == "stream"]
                assert streams and all(o.name == "stdout" for o in streams), (student, cell.outputs)
                assert any(o.output_type == "error" for o in cell.outputs) is False
                assert TAMPERING in "".join(o.text for o in streams)


def test_nbgrader_restores_an_edited_grading_cell_and_skips_a_deleted_one(graded):
    """What nbgrader 0.9.6 does on its own: edited locked cells are restored, deleted ones are not re-added."""
    root, _learners, _logs, _lines = graded
    tom = nbformat.read(root / "autograded" / "tom_becker" / LESSON / f"{LESSON}.ipynb", as_version=4)
    tom_cells = {c.metadata.nbgrader["grade_id"]: c for c in tom.cells if c.metadata.get("nbgrader", {}).get("grade")}
    assert tom_cells["ex1_4"].source.endswith('grade("ex1_4")')
    priya = nbformat.read(root / "autograded" / "priya_nair" / LESSON / f"{LESSON}.ipynb", as_version=4)
    assert not [c for c in priya.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert classroom.scores(root, LESSON)["priya_nair"]["needs_manual"] == ["ex1_4", "ex1_5"]


def test_feedback_explains_the_score_in_the_learners_own_words_without_hidden_tests(graded):
    root, learners, _logs, _lines = graded
    hiroshi = next(l for l in learners if l.id == "hiroshi_tanaka")
    page = (root / "feedback" / hiroshi.id / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    for exercise_id in ("ex1_4", "ex1_5"):
        result = assess_exercise(exercise_id, hiroshi.answers[exercise_id])
        quotes = [e.quote for e in result.evidence if e.quote]
        assert quotes, f"the engine quoted nothing for {exercise_id}"
        start = " ".join(quotes[0].split())[:60]
        assert start in " ".join(text.split()), (exercise_id, start)
        assert f"Try next: {result.feedback[-1]}" in text
    assert "Try next:" in text
    for hidden in ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "guarded_grade", "course.integrity"):
        for learner in learners:
            page = (root / "feedback" / learner.id / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
            assert hidden not in page, (learner.id, hidden)


def test_export_has_a_row_per_learner_with_the_gradebook_score(graded):
    root, learners, _logs, _lines = graded
    rows = {row["student_id"]: row for row in classroom.grades_csv(root) if row["assignment"] == LESSON}
    scores = classroom.scores(root, LESSON)
    assert set(rows) == {l.id for l in learners}
    for learner in learners:
        assert float(rows[learner.id]["score"]) == pytest.approx(scores[learner.id]["total"])
        assert float(rows[learner.id]["max_score"]) == 8
        assert rows[learner.id]["first_name"] == learner.first_name


def test_summary_fits_one_screen_and_names_every_learner(graded):
    root, learners, _logs, _lines = graded
    text = classroom.summary(root, LESSON, learners)
    assert len(text.splitlines()) <= 24 and max(map(len, text.splitlines())) <= 100
    for learner in learners:
        assert learner.name[:18] in text
    assert "TAMPERING" in text


def test_the_instructor_guide_quotes_every_workflow_command():
    guide = (ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    for command in classroom.commands(LESSON):
        assert command in guide, f"docs/instructor-guide.md does not give the command: {command}"
    for step in ("nbgrader release_assignment", "nbgrader collect", "zip_collect", "formgrader",
                 "Manual Grading", "nbgrader db student add", "course.dashboard", "tampering_report"):
        assert step in guide, step
