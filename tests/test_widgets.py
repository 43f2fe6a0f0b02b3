"""Widget exercises, driven as a learner would without a browser: set values, click, read feedback."""
from __future__ import annotations

import ipywidgets as w
import pytest

from course.progress import store
from course.widgets import PLACEHOLDER, ChooseReply, Classify, SpotPhrases, practice


def correct_index(ex):
    return next(i for i, o in enumerate(ex.exercise["options"]) if o["correct"])


def test_choose_reply_asks_for_a_choice_before_checking():
    ex = practice("ex1_1")
    ex.check_button.click()
    assert "Pick one of the replies first" in ex.feedback.value
    assert store().practice("ex1_1") is None  # nothing recorded for an empty check


def test_choose_reply_explains_a_wrong_choice_and_a_right_one():
    ex = practice("ex1_1")
    wrong = next(i for i, o in enumerate(ex.exercise["options"]) if not o["correct"])
    ex.choice.value = wrong
    ex.check_button.click()
    assert "Not the best choice" in ex.feedback.value
    assert ex.exercise["options"][wrong]["why"][:40] in ex.feedback.value.replace("&#x27;", "'").replace("&quot;", '"')
    ex.choice.value = correct_index(ex)
    ex.check_button.click()
    assert "<b>Yes.</b>" in ex.feedback.value
    assert store().practice("ex1_1") == {"attempts": 2, "correct": True}


def test_spot_phrases_scores_each_phrase_and_explains_all():
    ex = practice("ex1_2")
    for box, phrase in zip(ex.boxes, ex.exercise["phrases"]):
        box.value = phrase["escalates"]
    ex.check_button.click()
    n = len(ex.exercise["phrases"])
    assert f"{n} of {n} right" in ex.feedback.value
    assert ex.feedback.value.count("<li>") == n


def test_spot_phrases_with_nothing_ticked_says_so_kindly():
    ex = practice("ex1_2")
    ex.check_button.click()
    assert "You ticked none" in ex.feedback.value
    assert store().practice("ex1_2")["correct"] is False


def test_classify_needs_every_line_chosen_then_marks_each():
    ex = practice("ex1_3")
    ex.menus[0].value = ex.exercise["categories"][0]
    ex.check_button.click()
    assert f"({len(ex.menus) - 1} still to choose)" in ex.feedback.value
    for menu, item in zip(ex.menus, ex.exercise["items"]):
        menu.value = item["category"]
    ex.menus[-1].value = next(c for c in ex.exercise["categories"] if c != ex.exercise["items"][-1]["category"])
    ex.check_button.click()
    n = len(ex.menus)
    assert f"{n - 1} of {n} right" in ex.feedback.value and "✘" in ex.feedback.value


def test_widgets_use_native_keyboard_controls():
    """Radio buttons, check boxes, drop-downs and a button: all reachable with Tab and usable by keys."""
    assert isinstance(practice("ex1_1").choice, w.RadioButtons)
    assert all(isinstance(b, w.Checkbox) for b in practice("ex1_2").boxes)
    assert all(isinstance(m, w.Dropdown) and m.value == PLACEHOLDER for m in practice("ex1_3").menus)
    assert practice("ex1_1").check_button.description == "Check"


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_content_text_is_escaped_in_widgets_and_feedback():
    base = {"id": "ex9_9", "title": HOSTILE, "techniques": ["listen-first"], "question": HOSTILE}
    choose = ChooseReply({**base, "kind": "choose_reply", "options": [
        {"text": HOSTILE, "correct": True, "why": HOSTILE}, {"text": "b", "correct": False, "why": "b"}]})
    choose.choice.value = 0
    choose.check_button.click()
    spot = SpotPhrases({**base, "kind": "spot_phrases", "phrases": [{"text": HOSTILE, "escalates": True, "why": HOSTILE}]})
    spot.check_button.click()
    classify = Classify({**base, "kind": "classify", "categories": ["A", "B"],
                         "items": [{"text": HOSTILE, "category": "A", "why": HOSTILE}]})
    classify.menus[0].value = "A"
    classify.check_button.click()
    for ex in (choose, spot, classify):
        shown = ex.feedback.value + ex.widget.children[0].value
        assert "<script>" not in shown and "<img" not in shown
        assert "&lt;script&gt;" in shown


def test_practice_rejects_a_written_exercise_with_a_clear_message():
    with pytest.raises(KeyError, match="%%reply"):
        practice("ex1_4")
    with pytest.raises(KeyError, match="No exercise called 'ex7_77'"):
        practice("ex7_77")


def test_progress_chart_has_alt_text_naming_each_technique():
    from course.lesson import technique_chart_html
    ex = practice("ex1_1")
    ex.choice.value = correct_index(ex)
    ex.check_button.click()
    html = technique_chart_html("01_listen")
    assert html.count("<img") == 1 and 'src="data:image/png;base64,' in html
    alt = html.split('alt="')[1].split('"')[0]
    from course.content import catalogue
    exercises = catalogue().lesson_content["01_listen"]["exercises"]
    listen_total = sum("listen-first" in e["techniques"] for e in exercises)
    thank_total = sum("thank-for-feedback" in e["techniques"] for e in exercises)
    assert f"Listen first: {1 / listen_total:.0%}" in alt  # one of its exercises done
    assert thank_total and "Thank them for raising it: 0%" in alt
