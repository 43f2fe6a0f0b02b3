"""Free-text answers: the %%reply / %%reflection cells, their feedback, and the nbgrader grading call."""
from __future__ import annotations

import json

import pytest
from IPython.utils.capture import capture_output

from course import answers
from course.grading import grade
from course.progress import store

STUB = "✍️ Replace this line with your answer, then run the cell (Shift+Enter)."
GOOD_REPLY = ("Rosa, thank you for telling me all of this, and I'm so sorry. You lost a morning of baking and had to "
              "let the café down. What do you need most today? I'll call you back by 12:15 with a technician's time.")


def run_cell(shell, magic, line, body):
    with capture_output() as captured:
        shell.run_cell_magic(magic, line, body)
    html = "".join(o.data.get("text/html", "") for o in captured.outputs)
    return html, captured.stderr


def graded(capsys, exercise_id):
    points = grade(exercise_id)
    out = capsys.readouterr()
    assert out.err == "", "a grading cell must never write to stderr (nbgrader would give it zero)"
    return points, out.out


def test_untouched_stub_reads_as_not_answered(shell, capsys):
    html, err = run_cell(shell, "reply", "ex1_4", STUB)
    assert "not answered yet" in html and err == ""
    points, text = graded(capsys, "ex1_4")
    assert points == 0 and "not answered yet" in text


def test_grading_before_the_answer_cell_ran(capsys):
    points, text = graded(capsys, "ex1_5")
    assert points == 0 and "not answered yet" in text


@pytest.mark.parametrize("body", ["", "   \n\t  \n", "### BEGIN SOLUTION\n### END SOLUTION"])
def test_empty_and_whitespace_answers(shell, capsys, body):
    with capture_output() as captured:  # run as a whole cell, as Jupyter does
        result = shell.run_cell(f"%%reflection ex1_5\n{body}")
    assert result.error_in_exec is None and result.error_before_exec is None
    html = "".join(o.data.get("text/html", "") for o in captured.outputs)
    assert "not answered yet" in html
    assert graded(capsys, "ex1_5")[0] == 0
    assert store().answer("ex1_5") is None


def test_a_real_reply_gets_feedback_partial_credit_and_is_saved(shell, capsys):
    html, _ = run_cell(shell, "reply", "ex1_4", GOOD_REPLY)
    assert "/ 4" in html and "Try next" in html
    points, text = graded(capsys, "ex1_4")
    assert 0 < points <= 4 and "Your reply to Rosa" in text
    saved = json.loads(store().path.read_text(encoding="utf-8"))
    assert saved["answers"]["ex1_4"]["text"] == GOOD_REPLY


def test_rewriting_an_answer_keeps_the_earlier_version(shell):
    run_cell(shell, "reply", "ex1_4", "First try: sorry about the oven, Rosa.")
    run_cell(shell, "reply", "ex1_4", GOOD_REPLY)
    entry = store().answer("ex1_4")
    assert entry["text"] == GOOD_REPLY
    assert entry["history"][-1]["text"] == "First try: sorry about the oven, Rosa."


def test_html_and_script_in_an_answer_are_shown_escaped(shell, capsys):
    body = 'Thank you Rosa <script>alert("pwned")</script> <b>bold</b> & sorry about the oven today.'
    html, _ = run_cell(shell, "reply", "ex1_4", body)
    assert "<script>" not in html and "<b>bold</b>" not in html
    points, _ = graded(capsys, "ex1_4")
    assert 0 <= points <= 4


def test_100_kb_answer_is_cut_kindly_and_graded_within_range(shell, capsys):
    body = ("Rosa, I hear you and I am sorry the technician never came. " * 1800)[:100_000]
    html, err = run_cell(shell, "reply", "ex1_4", body)
    assert "only its first 20,000 characters" in html and err == ""
    points, _ = graded(capsys, "ex1_4")
    assert 0 <= points <= 4
    assert len(store().answer("ex1_4")["text"]) == len(answers.clean(body))  # the whole text is kept


@pytest.mark.parametrize("body", [
    "Lo siento mucho, Rosa. Entiendo que perdió una mañana de trabajo y voy a llamar al técnico ahora mismo.",
    "非常抱歉，罗莎。我明白您损失了一上午的生意，我马上给技术员打电话。",
])
def test_non_english_answers_get_a_clear_kind_message_and_no_crash(shell, capsys, body):
    html, err = run_cell(shell, "reply", "ex1_4", body)
    assert err == "" and "English" in html
    points, _ = graded(capsys, "ex1_4")
    assert points == 0


def test_wrong_or_missing_exercise_id_in_the_magic_line_explains_itself(shell):
    assert "needs an exercise ID" in run_cell(shell, "reply", "", GOOD_REPLY)[0]
    assert "There is no exercise called" in run_cell(shell, "reply", "ex9_1", GOOD_REPLY)[0]
    html, _ = run_cell(shell, "reply", "ex1_5", GOOD_REPLY)
    assert "is not a reply exercise" in html and "%%reflection ex1_5" in html
    assert "is not a reply exercise" in run_cell(shell, "reply", "ex1_1", GOOD_REPLY)[0]


def test_grade_never_exceeds_points_and_never_raises(monkeypatch, capsys):
    from course import grading
    from course.feedback import Assessment
    answers.remember("ex1_4", GOOD_REPLY)
    if hasattr(grading, "integrity"):  # this test patches the engine on purpose; it is not a learner tampering
        monkeypatch.setattr(grading.integrity, "problems", lambda *a, **k: [])
    monkeypatch.setattr(grading, "assess_exercise", lambda *_: Assessment(kind="reply", score=9))
    assert graded(capsys, "ex1_4")[0] == 4.0
    def broken(*_):
        raise RuntimeError("engine bug")
    monkeypatch.setattr(grading, "assess_exercise", broken)
    points, text = graded(capsys, "ex1_4")
    assert points == 0 and "could not be graded" in text


def test_unreadable_progress_file_is_kept_aside_not_lost(fresh_learner, shell):
    fresh_learner.mkdir(parents=True)
    (fresh_learner / "progress.json").write_text("{not json", encoding="utf-8")
    import course.progress as progress
    progress._store = None
    html, _ = run_cell(shell, "reply", "ex1_4", GOOD_REPLY)
    assert "kept as progress.unreadable-" in html
    assert any(p.name.startswith("progress.unreadable-") for p in fresh_learner.iterdir())


def test_nothing_is_written_while_nbgrader_executes(monkeypatch, shell, fresh_learner):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    run_cell(shell, "reply", "ex1_4", GOOD_REPLY)
    assert not (fresh_learner / "progress.json").exists()


def test_feedback_on_a_gaming_text_does_not_repeat_itself(shell):
    html, _ = run_cell(shell, "reply", "ex1_4", "empathy acknowledge apologize options check resolution")
    assert "0 / 4" in html and html.count("list of course terms") == 1 and "Try next" not in html
    html, _ = run_cell(shell, "reply", "ex1_4", GOOD_REPLY)
    assert "Try next" in html
