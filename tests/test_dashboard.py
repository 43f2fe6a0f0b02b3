"""The class dashboard against the simulated class's real gradebook, with values worked out here independently."""
from __future__ import annotations

import sqlite3

import matplotlib
import pytest
import yaml

matplotlib.use("Agg")

from course import dashboard  # noqa: E402
from conftest import ROOT  # noqa: E402
from test_classroom import LESSON, graded_class  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return graded_class(tmp_path_factory)[0]


def expected(root):
    """Lesson and technique mastery straight from the gradebook tables and the lesson's YAML file."""
    lesson = yaml.safe_load((ROOT / "course" / "data" / "lessons" / f"{LESSON}.yaml").read_text(encoding="utf-8"))
    techniques_of = {ex["id"]: ex["techniques"] for ex in lesson["exercises"] if ex.get("points")}
    db = sqlite3.connect(root / "gradebook.db")
    rows = db.execute(
        "SELECT student.id, base_cell.name, grade_cells.max_score, grade.auto_score, grade.manual_score "
        "FROM grade JOIN submitted_notebook ON grade.notebook_id = submitted_notebook.id "
        "JOIN submitted_assignment ON submitted_notebook.assignment_id = submitted_assignment.id "
        "JOIN student ON submitted_assignment.student_id = student.id "
        "JOIN grade_cells ON grade.cell_id = grade_cells.id "
        "JOIN base_cell ON base_cell.id = grade_cells.id").fetchall()
    db.close()
    per_student, per_technique, maximum = {}, {}, {}
    for student, cell, max_score, auto, manual in rows:
        score = manual if manual is not None else (auto or 0.0)
        per_student[student] = per_student.get(student, 0.0) + score
        maximum[cell] = max_score
        for tid in techniques_of[cell]:
            per_technique.setdefault(tid, []).append(score / max_score)
    total = sum(maximum.values())
    lesson_share = sum(s / total for s in per_student.values()) / len(per_student)
    return lesson_share, {t: sum(v) / len(v) for t, v in per_technique.items()}, len(per_student)


def test_mastery_matches_the_gradebook(root):
    lesson_share, technique_shares, learners = expected(root)
    m = dashboard.mastery(root)
    assert m.lessons == {LESSON: pytest.approx(lesson_share)}
    assert m.learners == {LESSON: learners} and learners >= 10
    assert m.techniques == pytest.approx(technique_shares)
    assert set(m.techniques) == {"listen-first", "let-them-vent", "ensure-heard", "thank-for-feedback"}
    assert 0 < lesson_share < 1


def test_weakest_techniques_are_named_in_plain_words(root):
    _lesson, technique_shares, _n = expected(root)
    m = dashboard.mastery(root)
    names = {t["id"]: t["name"] for t in yaml.safe_load((ROOT / "course" / "data" / "techniques.yaml")
                                                        .read_text(encoding="utf-8"))["techniques"]}
    weakest = sorted(technique_shares.items(), key=lambda item: (item[1], item[0]))[:3]
    assert [name for name, _ in m.weakest(3)] == [names[t] for t, _ in weakest]
    sentence = dashboard.weakest_sentence(m)
    for tid, share in weakest:
        assert f"{names[tid]} ({round(share * 100)}%)" in sentence
    assert "-" not in sentence.split(":")[1].split("(")[0]  # names, not IDs like let-them-vent


def test_charts_are_readable_horizontal_bars_with_alt_text(root):
    fig, alt = dashboard.charts(root)
    lesson_ax, technique_ax = fig.axes
    for ax in fig.axes:
        assert ax.get_title(loc="left") and ax.get_xlabel() and ax.get_ylabel()
        bars = [p for p in ax.patches]
        assert bars and all(b.get_height() < 1 for b in bars)  # horizontal: thin in y, long in x
        assert all(t.get_fontsize() >= 9 for t in ax.get_yticklabels())
    assert [t.get_text() for t in lesson_ax.get_yticklabels()] == ["Listen — let them be heard"]
    assert "Let them vent" in [t.get_text() for t in technique_ax.get_yticklabels()]
    assert fig._suptitle.get_text()
    m = dashboard.mastery(root)
    assert alt.startswith("Two horizontal bar charts")
    assert f"Listen — let them be heard {round(m.lessons[LESSON] * 100)}%" in alt
    assert dashboard.weakest_sentence(m) in alt
    html = dashboard.figure_html(fig, alt)
    assert html.startswith('<img src="data:image/png;base64,') and 'alt="Two horizontal bar charts' in html


def test_no_gradebook_yet_gives_an_empty_dashboard(tmp_path):
    m = dashboard.mastery(tmp_path)
    assert m.lessons == {} and m.techniques == {}
    assert not (tmp_path / "gradebook.db").exists()  # reading never creates one
    assert "No graded work yet" in dashboard.weakest_sentence(m)
    fig, alt = dashboard.charts(tmp_path, m)
    assert "Lessons: none" in alt
