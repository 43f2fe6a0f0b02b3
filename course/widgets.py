"""Practice exercises as ipywidgets: choose the best reply, spot what escalates, classify.

Each exercise is built from its entry in the lesson's data file, gives instant
feedback that explains why, and uses native controls (radio buttons, check
boxes, drop-downs, buttons) so it works with the keyboard: Tab to move, arrow
keys or Space to choose, Enter to press "Check".

Tests drive them without a browser: set `.value`, call `check_button.click()`,
read `feedback.value`.
"""
from __future__ import annotations

import ipywidgets as w

from .content import catalogue
from .progress import store
from .render import box, esc

FULL_WIDTH = w.Layout(width="100%")
PLACEHOLDER = "— choose —"
# ipywidgets gives each radio option a fixed-height row, so long options overlap and hide the
# selected circle; let rows grow with their text (seen in the browser test's screenshots).
RADIO_CSS = ("<style>.ta-choice .widget-radio-box label{height:auto;min-height:var(--jp-widgets-radio-item-height);"
             "line-height:1.4;display:flex;align-items:flex-start;margin:.15em 0}"
             ".ta-choice .widget-radio-box input{float:none;flex:none;order:-1;height:1.4em;margin:0 .5em 0 1px}</style>")


QUOTE_MARKS = '"“”'


def quoted(text: str) -> str:
    """The text in <q> marks, without doubling quotation marks it already has."""
    inner = text.strip().strip(QUOTE_MARKS)
    return f"<q>{esc(inner)}</q>"


class PracticeExercise:
    """Shared shape: a question, some controls, a Check button and a feedback panel."""

    def __init__(self, exercise: dict):
        self.exercise = exercise
        self.feedback = w.HTML(value="")
        self.check_button = w.Button(description="Check", button_style="primary", tooltip="Check your answer",
                                     icon="check")
        self.check_button.on_click(lambda _button: self.check())
        question = w.HTML(f"{RADIO_CSS}<b>{esc(exercise['title'])}</b><br>{esc(exercise['question'])}")
        self.widget = w.VBox([question, *self.controls(), self.check_button, self.feedback],
                             layout=w.Layout(width="100%", max_width="60em"))

    def controls(self) -> list[w.Widget]:
        raise NotImplementedError

    def evaluate(self) -> tuple[bool | None, str]:
        """(correct, html): correct is None when the learner has not answered yet."""
        raise NotImplementedError

    def check(self) -> None:
        correct, html = self.evaluate()
        if correct is not None:
            store().record_practice(self.exercise["id"], correct)
        self.feedback.value = box(html, "" if correct is None else ("good" if correct else "try"))

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class ChooseReply(PracticeExercise):
    """Pick the best of several replies; the explanation of the chosen one is shown."""

    def controls(self):
        options = [(opt["text"], i) for i, opt in enumerate(self.exercise["options"])]
        self.choice = w.RadioButtons(options=options, value=None, layout=FULL_WIDTH,
                                     description="", style={"description_width": "0"})
        self.choice.add_class("ta-choice")
        return [self.choice]

    def evaluate(self):
        if self.choice.value is None:
            return None, "Pick one of the replies first, then press Check."
        chosen = self.exercise["options"][self.choice.value]
        if chosen["correct"]:
            return True, f"<b>Yes.</b> {esc(chosen['why'])}"
        return False, f"<b>Not the best choice.</b> {esc(chosen['why'])} Try another one."


class SpotPhrases(PracticeExercise):
    """Tick the phrases that would escalate; every phrase is then explained."""

    def controls(self):
        self.boxes = [w.Checkbox(value=False, description=p["text"], indent=False, layout=FULL_WIDTH)
                      for p in self.exercise["phrases"]]
        return self.boxes

    def evaluate(self):
        phrases = self.exercise["phrases"]
        ticked = [b.value for b in self.boxes]
        right = sum(t == p["escalates"] for t, p in zip(ticked, phrases))
        lines = []
        for t, p in zip(ticked, phrases):
            verdict = "escalates" if p["escalates"] else "helps"
            mark = "✔" if t == p["escalates"] else "✘"
            lines.append(f"<li>{mark} {quoted(p['text'])} — {verdict}. {esc(p['why'])}</li>")
        summary = f"<b>{right} of {len(phrases)} right.</b>"
        if not any(ticked):
            summary += " You ticked none; at least one of these makes things worse."
        return right == len(phrases), summary + f"<ul>{''.join(lines)}</ul>"


class Classify(PracticeExercise):
    """Put each item into one of the categories, using a drop-down for each."""

    def controls(self):
        options = [PLACEHOLDER, *self.exercise["categories"]]
        self.menus = [w.Dropdown(options=options, value=PLACEHOLDER, layout=w.Layout(width="16em", flex="0 0 auto"))
                      for _ in self.exercise["items"]]
        rows = [w.HBox([menu, w.HTML(esc(item["text"]), layout=w.Layout(margin="0 0 0 .6em"))])
                for menu, item in zip(self.menus, self.exercise["items"])]
        return rows

    def evaluate(self):
        missing = sum(m.value == PLACEHOLDER for m in self.menus)
        if missing:
            return None, f"Choose a category for every line first ({missing} still to choose)."
        items = self.exercise["items"]
        right = sum(m.value == it["category"] for m, it in zip(self.menus, items))
        lines = []
        for m, it in zip(self.menus, items):
            mark = "✔" if m.value == it["category"] else "✘"
            lines.append(f"<li>{mark} {quoted(it['text'])} — {esc(it['category'])}. {esc(it['why'])}</li>")
        return right == len(items), f"<b>{right} of {len(items)} right.</b><ul>{''.join(lines)}</ul>"


KINDS = {"choose_reply": ChooseReply, "spot_phrases": SpotPhrases, "classify": Classify}


def practice(exercise_id: str) -> PracticeExercise:
    """Build the widget exercise with this ID from the course data."""
    exercise = catalogue().exercise(exercise_id)
    if exercise["kind"] not in KINDS:
        raise KeyError(f"{exercise_id} is a written exercise: answer it in a %%{exercise['kind']} cell.")
    return KINDS[exercise["kind"]](exercise)
