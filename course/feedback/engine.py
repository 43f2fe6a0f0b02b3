"""The one entry point: `assess(kind, text, ...)` → Assessment. Deterministic and bounded in time."""
from __future__ import annotations

import functools

from .gaming import detect
from .reflections import assess_reflection
from .replies import assess_reply
from .result import Assessment, Evidence
from .text import normalise

KINDS = ("reply", "reflection")


@functools.lru_cache(maxsize=1)
def course_text() -> str:
    """The course's own teaching text (technique summaries and exercise explanations), to spot copies."""
    try:
        from ..content import catalogue
        cat = catalogue(check=False)
    except Exception:  # the engine must work even if course content cannot load
        return ""
    parts = [t["summary"] for t in cat.techniques.values()]
    for content in cat.lesson_content.values():
        parts += content["objectives"] + [content["story"]["setting"], content["story"]["customer_message"]]
        for ex in content["exercises"]:
            parts += [o["why"] for o in ex.get("options", [])] + [p["why"] for p in ex.get("phrases", [])]
            parts += [i["why"] for i in ex.get("items", [])]
    return "\n".join(parts)


def assess(kind: str, text: str, *, customer: str | None = None, scenario: str | None = None,
           module: str | None = None, prompt: str | None = None) -> Assessment:
    """Score a learner's `text` from 0 to 4 and explain every point.

    kind: "reply" (what they would say to the customer) or "reflection".
    customer: the customer's message (replies); prompt: the reflection question;
    module: a lesson slug such as "01_listen" (reflections use it to know the techniques);
    scenario: a short description of the case (used only to spot pasted text).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be 'reply' or 'reflection', not {kind!r}")
    clean = normalise(text if isinstance(text, str) else "")
    if not clean:
        note = "Not answered yet: write your answer in the cell and run it."
        return Assessment(kind=kind, score=0, flags=("not_answered",), evidence=(Evidence("not_answered", "", note, False),), feedback=(note,))
    gaming = detect(clean, customer=customer if kind == "reply" else None,
                    prompt=prompt if kind == "reflection" else None,
                    course_text=course_text() if kind == "reflection" else "", kind=kind)
    if gaming:
        flag, note = gaming
        return Assessment(kind=kind, score=0, flags=("gaming", flag), evidence=(Evidence(flag, "", note, False),), feedback=(note,),
                          explanation="0/4: a text that is not a genuine answer earns no credit, whatever words it contains.")
    if kind == "reply":
        return assess_reply(clean, customer)
    return assess_reflection(clean, _module_slug(module))


def _module_slug(module: str | None) -> str | None:
    """Accept a slug ("01_listen"), a number ("1") or a name ("listen") for the module."""
    from .reflections import MODULE_TECHNIQUES
    if not module:
        return None
    m = module.strip().lower()
    if m in MODULE_TECHNIQUES:
        return m
    for slug in MODULE_TECHNIQUES:
        number, name = slug.split("_", 1)
        if m in (number, str(int(number)), name, name.replace("_", " ")) or m.startswith(f"{number}_"):
            return slug
        if name.split("_")[0] in m:
            return slug
    return None
