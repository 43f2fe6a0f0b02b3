"""The %%reply and %%reflection cell magics: learners write plain prose, not Python.

    %%reply ex1_4
    Thank you for telling me all of this, Rosa...

Running the cell keeps the text (in memory for the grading cell, and in the
progress file), then shows instant feedback with the learner's words quoted.
"""
from __future__ import annotations

from IPython.display import HTML, display

from . import answers
from .content import catalogue
from .grading import assess_exercise
from .progress import store
from .render import assessment_html, box, esc


def _run(kind: str, line: str, cell: str) -> None:
    exercise_id = line.strip()
    usage = f"Start the cell with <code>%%{kind} ID</code>, for example <code>%%{kind} ex1_4</code>."
    if not exercise_id:
        display(HTML(box(f"This cell needs an exercise ID on its first line. {usage}", "try")))
        return
    try:
        exercise = catalogue().exercise(exercise_id)
    except KeyError:
        display(HTML(box(f"There is no exercise called <code>{esc(exercise_id)}</code>. {usage}", "try")))
        return
    if exercise["kind"] != kind:
        right = f"%%{exercise['kind']} {exercise_id}" if exercise["kind"] in ("reply", "reflection") else None
        hint = f" Use <code>{esc(right)}</code>." if right else ""
        display(HTML(box(f"<code>{esc(exercise_id)}</code> is not a {kind} exercise.{hint}", "try")))
        return
    answers.remember(exercise_id, cell)
    text = answers.clean(cell)
    result = assess_exercise(exercise_id, cell)
    notes = []
    if len(text) > answers.MAX_CHARS:
        notes.append(f"Your answer is very long, so only its first {answers.MAX_CHARS:,} characters were assessed.")
    if result.answered:
        progress = store()
        progress.save_answer(exercise_id, text, result.score)
        if progress.warning:
            notes.append(progress.warning)
    html = assessment_html(result, title=exercise["title"], points=exercise["points"])
    if notes:
        html += box(" ".join(esc(n) for n in notes))
    display(HTML(html))


def reply(line: str, cell: str) -> None:
    """%%reply ID — your reply to the customer, in plain words."""
    _run("reply", line, cell)


def reflection(line: str, cell: str) -> None:
    """%%reflection ID — your reflection, in plain words."""
    _run("reflection", line, cell)


def _keep_empty_answer_cells(lines: list[str]) -> list[str]:
    """IPython refuses a cell magic with an empty body; give ours one so it can say "not answered yet"."""
    if lines and lines[0].startswith(("%%reply", "%%reflection")) and not "".join(lines[1:]).strip():
        return [lines[0].rstrip("\n") + "\n", " \n"]
    return lines


def register(ipython) -> None:
    ipython.register_magic_function(reply, magic_kind="cell", magic_name="reply")
    ipython.register_magic_function(reflection, magic_kind="cell", magic_name="reflection")
    if _keep_empty_answer_cells not in ipython.input_transformers_cleanup:
        ipython.input_transformers_cleanup.append(_keep_empty_answer_cells)
