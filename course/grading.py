"""Assessing a learner's written answers, for instant feedback and for nbgrader.

`grade("ex1_4")` is what an nbgrader test cell calls: it prints why and returns
the points earned as a number from 0 to the cell's points, which nbgrader
records as partial credit. It never raises and never writes to stderr, because
nbgrader zeroes a cell that writes to stderr and aborts a learner's whole
grading when a cell returns more than its points.

Before giving any points, `grade` checks that the grading code in the kernel is
still the course's own (see `course.integrity`): a learner's cell that replaces
`grade`, `points_for`, `course.feedback.assess` or a stand-in module scores 0,
with a printed "Tampering detected: ..." line the instructor's report picks up.
"""
from __future__ import annotations

import warnings

from . import answers, integrity
from .content import catalogue
from .feedback import Assessment, assess


def assess_exercise(exercise_id: str, text: str) -> Assessment:
    """Assess `text` as the answer to a reply or reflection exercise, with that exercise's context."""
    cat = catalogue()
    exercise = cat.exercise(exercise_id)
    if exercise["kind"] not in ("reply", "reflection"):
        raise KeyError(f"{exercise_id} is a practice exercise, not a written one")
    story = cat.lesson_content[cat.lesson_of(exercise_id)]["story"]
    cleaned = answers.clean(text)
    if len(cleaned) > answers.MAX_CHARS:
        cleaned = cleaned[: answers.MAX_CHARS]
    return assess(
        exercise["kind"],
        cleaned,
        customer=story["customer_message"] if exercise["kind"] == "reply" else None,
        scenario=story["setting"],
        module=cat.lesson_of(exercise_id),
        prompt=exercise["prompt"],
    )


def points_for(result: Assessment, points: int) -> float:
    """Partial credit: score / 4 of the cell's points, clamped so nbgrader never sees too many."""
    return max(0.0, min(float(points), round(result.score * points / 4, 2)))


def grade(exercise_id: str) -> float:
    """Points earned for a written exercise; prints the reasons. For nbgrader test cells."""
    from .render import assessment_text

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            refused = integrity.refusal(exercise_id)
            if refused:
                print(refused)
                return 0.0
            exercise = catalogue().exercise(exercise_id)
            text = answers.latest(exercise_id)
            if text is None or not answers.is_answered(text):
                print(f"{exercise['title']}: not answered yet. Write your answer in the cell above and run it, then run this cell.")
                return 0.0
            result = assess_exercise(exercise_id, text)
            print(assessment_text(result, title=exercise["title"], points=exercise["points"]))
            return points_for(result, exercise["points"])
    except Exception as exc:  # a grading cell must report, not crash
        print(f"This answer could not be graded ({type(exc).__name__}: {exc}). Your text is safe; ask your instructor.")
        return 0.0
