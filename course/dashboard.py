"""A class dashboard from the nbgrader gradebook: mastery per lesson and per technique.

Mastery is the class's average share of the points available. For a lesson, it is
each learner's lesson score over its maximum, averaged over the learners who
handed it in. For a technique, every graded exercise counts towards each technique
ID listed for it in course/data/lessons/<slug>.yaml: a learner who earned 3 of 4
points on ex1_4 adds 0.75 to each of ex1_4's techniques, and the technique's
mastery is the average of all such shares.

    from course import dashboard
    dashboard.show(".")        # in a notebook: charts, alt text and the weakest techniques

`charts` returns a matplotlib figure with its alt text, for any other use.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .content import catalogue


@dataclass
class Mastery:
    lessons: dict[str, float] = field(default_factory=dict)       # slug -> share of points (0..1)
    techniques: dict[str, float] = field(default_factory=dict)    # technique ID -> share of points (0..1)
    learners: dict[str, int] = field(default_factory=dict)        # slug -> submissions counted
    evidence: dict[str, int] = field(default_factory=dict)        # technique ID -> graded answers counted

    def weakest(self, n: int = 3) -> list[tuple[str, float]]:
        """The n techniques with the lowest mastery, as (plain name, share), weakest first."""
        names = catalogue().techniques
        ranked = sorted(self.techniques.items(), key=lambda item: (item[1], item[0]))[:n]
        return [(names[tid]["name"], share) for tid, share in ranked]


def _db_url(root) -> str:
    root = str(root)
    return root if root.startswith("sqlite:") else f"sqlite:///{Path(root) / 'gradebook.db'}"


def mastery(root=".") -> Mastery:
    """Read the gradebook in course root `root` (or an sqlite URL) and compute the class's mastery."""
    from nbgrader.api import Gradebook, MissingEntry

    cat = catalogue()
    result = Mastery()
    shares: dict[str, list[float]] = {}
    if not Path(_db_url(root).removeprefix("sqlite:///")).exists():
        return result
    with Gradebook(_db_url(root)) as gb:
        for assignment in gb.assignments:
            slug = assignment.name
            if slug not in cat.lesson_content or not assignment.max_score:
                continue
            exercises = {ex["id"]: ex for ex in cat.lesson_content[slug]["exercises"] if ex.get("points")}
            lesson_shares = []
            for student in gb.students:
                try:
                    submission = gb.find_submission(slug, student.id)
                except MissingEntry:
                    continue
                lesson_shares.append(submission.score / assignment.max_score)
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        exercise = exercises.get(grade.name)
                        if exercise is None or not grade.max_score:
                            continue
                        for tid in exercise["techniques"]:
                            shares.setdefault(tid, []).append((grade.score or 0.0) / grade.max_score)
            if lesson_shares:
                result.lessons[slug] = sum(lesson_shares) / len(lesson_shares)
                result.learners[slug] = len(lesson_shares)
    result.techniques = {tid: sum(v) / len(v) for tid, v in shares.items()}
    result.evidence = {tid: len(v) for tid, v in shares.items()}
    return result


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def weakest_sentence(m: Mastery, n: int = 3) -> str:
    weak = m.weakest(n)
    if not weak:
        return "No graded work yet: run nbgrader autograde first."
    listed = "; ".join(f"{name} ({_pct(share)})" for name, share in weak)
    return f"The class is weakest at: {listed}. Go over these first in your next session."


def alt_text(m: Mastery) -> str:
    cat = catalogue()
    lessons = ", ".join(f"{cat.lesson(s)['title']} {_pct(v)} ({m.learners[s]} learners)" for s, v in m.lessons.items())
    techniques = ", ".join(f"{cat.techniques[t]['name']} {_pct(v)}"
                           for t, v in sorted(m.techniques.items(), key=lambda item: item[1]))
    return (f"Two horizontal bar charts of the class's average share of points. Lessons: {lessons or 'none'}. "
            f"Techniques, weakest first: {techniques or 'none'}. {weakest_sentence(m)}")


def charts(root=".", m: Mastery | None = None):
    """(figure, alt text): horizontal bars of mastery per lesson and per technique."""
    import matplotlib.pyplot as plt

    m = mastery(root) if m is None else m
    cat = catalogue()
    lessons = list(m.lessons.items())
    techniques = sorted(m.techniques.items(), key=lambda item: item[1], reverse=True)
    rows = max(1, len(lessons)) + max(1, len(techniques))
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 1.6 + 0.45 * rows),
                                      gridspec_kw={"height_ratios": [max(1, len(lessons)), max(1, len(techniques))]})
    weakest = {name for name, _ in m.weakest(3)}
    for ax, items, labels, title in (
        (top, lessons, [cat.lesson(s)["title"] for s, _ in lessons], "Mastery per lesson"),
        (bottom, techniques, [cat.techniques[t]["name"] for t, _ in techniques], "Mastery per technique"),
    ):
        values = [v * 100 for _, v in items]
        colours = ["#b26a00" if label in weakest and ax is bottom else "#3a6ea5" for label in labels]
        bars = ax.barh(labels, values, color=colours)
        ax.bar_label(bars, labels=[f"{v:.0f}%" for v in values], padding=3, fontsize=10)
        ax.set_xlim(0, 110)
        ax.set_xlabel("Average share of points earned (%)", fontsize=10)
        ax.set_ylabel("Lesson" if ax is top else "Technique", fontsize=10)
        ax.set_title(title, fontsize=12, loc="left")
        ax.tick_params(labelsize=10)
        if not items:
            ax.text(50, 0, "no graded work yet", ha="center", va="center")
    fig.suptitle("Class dashboard (orange: the three weakest techniques)", fontsize=13)
    fig.tight_layout()
    return fig, alt_text(m)


def figure_html(fig, alt: str) -> str:
    """The figure as an <img> with its alt text (see course.charts)."""
    from .charts import figure_img_html
    return figure_img_html(fig, alt, dpi=110)


def show(root=".") -> Mastery:
    """For a notebook: the charts (with alt text), the alt text as Markdown, and the weakest techniques."""
    from IPython.display import HTML, Markdown, display
    import matplotlib.pyplot as plt

    if not Path(_db_url(root).removeprefix("sqlite:///")).exists():
        display(Markdown(f"No gradebook at `{root}` yet. Run the grading steps in docs/instructor-guide.md first."))
        return Mastery()
    m = mastery(root)
    fig, alt = charts(root, m)
    display(HTML(figure_html(fig, alt)))
    plt.close(fig)
    display(Markdown(f"**Chart description:** {alt}\n\n**{weakest_sentence(m)}**"))
    return m
