"""What a lesson notebook calls: one line per cell, all logic here.

    from course import start
    lesson = start("01_listen")
    lesson.objectives(); lesson.story(); lesson.practice("ex1_1"); lesson.progress()
"""
from __future__ import annotations

from IPython.display import HTML, display

from . import magics
from .content import catalogue
from .progress import store
from .render import box, esc
from .widgets import practice as build_practice


class Lesson:
    """One lesson of the course, as the learner's notebook sees it."""

    def __init__(self, slug: str):
        self.cat = catalogue()
        self.meta = self.cat.lesson(slug)
        if slug not in self.cat.lesson_content:
            raise KeyError(f"Lesson {slug!r} has no content file yet (course/data/lessons/{slug}.yaml).")
        self.slug = slug
        self.content = self.cat.lesson_content[slug]

    # --- the skeleton's parts, in order -------------------------------------------------
    def objectives(self) -> None:
        items = "".join(f"<li>{esc(o)}</li>" for o in self.content["objectives"])
        names = ", ".join(esc(self.cat.techniques[t]["name"]) for t in self.meta["techniques"])
        techniques = f"<p><b>Techniques:</b> {names}</p>" if names else ""
        display(HTML(box(f"<p><b>Time:</b> about {self.meta['minutes']} minutes.</p>"
                         f"<p><b>By the end you will be able to:</b></p><ul>{items}</ul>{techniques}")))

    def story(self) -> None:
        s = self.content["story"]
        display(HTML(box(f"<p><b>{esc(s['title'])}</b></p><p>{esc(s['setting'])}</p>"
                         f"<p><b>{esc(s['customer_name'])}:</b> <q>{esc(s['customer_message'])}</q></p>")))

    def credits(self) -> None:
        """The source articles this lesson's techniques come from, credited by title."""
        cited = self.cat.credits(self.meta["techniques"])
        items = "".join(f"<li><i>{esc(s['title'])}</i>" + (f" — {esc(s['author'])}" if s["author"] else "") + "</li>"
                        for s in cited)
        display(HTML(box(f"<p><b>Where these ideas come from</b> (taught here in our own words):</p><ul>{items}</ul>")))

    def practice(self, exercise_id: str):
        """A widget exercise; returned so the notebook cell displays it."""
        return build_practice(exercise_id)

    def prompt(self, exercise_id: str) -> None:
        """The brief for a written exercise, with the customer's words for a reply."""
        ex = self.cat.exercise(exercise_id)
        s = self.content["story"]
        customer = (f"<p><b>{esc(s['customer_name'])} said:</b> <q>{esc(s['customer_message'])}</q></p>"
                    if ex["kind"] == "reply" else "")
        how = (f"<p>Write in the cell below, under the line <code>%%{esc(ex['kind'])} {esc(exercise_id)}</code>. "
               "Plain words, no quotation marks needed. Run the cell (Shift+Enter) to see feedback; "
               "change your words and run it again as often as you like.</p>")
        display(HTML(box(f"{customer}<p><b>Your task:</b> {esc(ex['prompt'])}</p>{how}")))

    def progress(self) -> None:
        display(HTML(progress_html(self.slug)))
        display(HTML(technique_chart_html(self.slug)))

    def course_map(self) -> None:
        course_map()


def progress_html(slug: str | None = None) -> str:
    """A learner's progress through one lesson (or all ready lessons): practice and written work."""
    cat = catalogue()
    saved = store()
    rows = []
    for lesson in cat.lessons:
        if (slug and lesson["slug"] != slug) or lesson["slug"] not in cat.lesson_content:
            continue
        for ex in cat.lesson_content[lesson["slug"]]["exercises"]:
            if ex["kind"] in ("reply", "reflection"):
                entry = saved.answer(ex["id"])
                status = f"written, scored {entry['score']} / 4" if entry and entry.get("score") is not None else "not written yet"
            else:
                entry = saved.practice(ex["id"])
                status = ("done ✔" if entry["correct"] else f"tried {entry['attempts']}×") if entry else "not tried yet"
            done = status.startswith(("done", "written"))
            rows.append((ex["id"], ex["title"], status, done))
    finished = sum(r[3] for r in rows)
    table = "".join(f"<tr><td>{esc(i)}</td><td>{esc(t)}</td><td>{esc(s)}</td></tr>" for i, t, s, _ in rows)
    bar = f'<progress value="{finished}" max="{len(rows) or 1}" aria-label="exercises done"></progress>'
    return box(f"<p><b>Your progress:</b> {finished} of {len(rows)} exercises done {bar}</p>"
               f"<table><tr><th>ID</th><th>Exercise</th><th>Status</th></tr>{table}</table>"
               + (f"<p>{esc(saved.warning)}</p>" if saved.warning else ""))


def technique_progress(slug: str) -> dict[str, float]:
    """For each technique of a lesson, the share of its exercises done (practice right, or written score / 4)."""
    cat = catalogue()
    saved = store()
    done: dict[str, list[float]] = {t: [] for t in cat.lesson(slug)["techniques"]}
    for ex in cat.lesson_content[slug]["exercises"]:
        if ex["kind"] in ("reply", "reflection"):
            entry = saved.answer(ex["id"])
            value = (entry["score"] or 0) / 4 if entry and entry.get("score") is not None else 0.0
        else:
            entry = saved.practice(ex["id"])
            value = 1.0 if entry and entry["correct"] else 0.0
        for tid in ex["techniques"]:
            if tid in done:
                done[tid].append(value)
    return {tid: (sum(v) / len(v) if v else 0.0) for tid, v in done.items()}


def technique_chart_html(slug: str) -> str:
    from .charts import bar_chart_html
    cat = catalogue()
    shares = technique_progress(slug)
    if not shares:
        return ""
    names = [cat.techniques[t]["name"] for t in shares]
    alt = "Bar chart of your progress by technique: " + "; ".join(f"{n}: {v:.0%}" for n, v in zip(names, shares.values())) + "."
    return box(bar_chart_html(names, list(shares.values()), title="Your progress by technique",
                              xlabel="share of this technique's exercises done", alt=alt))


def course_map() -> None:
    """The whole course: lessons in order, with time and whether they are ready."""
    cat = catalogue()
    rows = "".join(
        f"<tr><td>{esc(l['slug'][:2])}</td><td>{esc(l['title'])}</td><td>{l['minutes']} min</td>"
        f"<td>{'open it from the file browser' if l['status'] == 'ready' else 'coming soon'}</td></tr>"
        for l in cat.lessons)
    display(HTML(box(f"<table><tr><th>#</th><th>Lesson</th><th>Time</th><th></th></tr>{rows}</table>")))


def my_answers(exercise_id: str | None = None) -> None:
    """Show every answer you have written (or one), with earlier versions: nothing is lost."""
    saved = store().data["answers"]
    if not saved:
        display(HTML(box("You have not written any answers yet.")))
        return
    parts = []
    for ex_id, entry in sorted(saved.items()):
        if exercise_id and ex_id != exercise_id:
            continue
        older = "".join(f"<li><pre>{esc(h['text'])}</pre></li>" for h in reversed(entry.get("history", [])))
        parts.append(f"<p><b>{esc(ex_id)}</b> (saved {esc(entry.get('saved', ''))})</p><pre style='white-space:pre-wrap'>"
                     f"{esc(entry['text'])}</pre>" + (f"<details><summary>Earlier versions</summary><ol>{older}</ol></details>" if older else ""))
    display(HTML(box("".join(parts) or f"No saved answer for {esc(exercise_id)}.")))


def start(slug: str) -> Lesson:
    """Set up a lesson notebook: register the writing cells and load the lesson."""
    try:
        from IPython import get_ipython
        ipython = get_ipython()
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        ipython = None
    if ipython is not None:
        magics.register(ipython)
    return Lesson(slug)
