"""Every lesson notebook follows the one skeleton, and agrees with its data file."""
from __future__ import annotations

import re

import nbformat
import pytest

from course.content import catalogue
from conftest import ROOT

SKELETON = ["Objectives and time", "The story", "The technique", "Practice", "Your reply", "Reflection", "Key points"]
START_HERE = ["Objectives and time", "The story", "The technique", "Practice", "Your reply", "Key points"]
# Notebook code cells only call the course package: one short line each (logic lives in course/).
ALLOWED_CODE = [
    r'from course import start\nlesson = start\("(?P<slug>[0-9a-z_]+)"\)',
    r"lesson\.(objectives|story|credits|progress|course_map)\(\)",
    r'lesson\.(practice|prompt)\("ex\d+_\d+"\)',
    # ...the hidden part (removed from learner notebooks) re-checks the grading code first: course/integrity.py
    r'"""Checks [^\n]+"""\nfrom course.grading import grade\n'
    r"(### BEGIN HIDDEN TESTS\nfrom course.integrity import guarded_grade as grade\n### END HIDDEN TESTS\n)?"
    r'grade\("ex\d+_\d+"\)',
    r"%%(reply|reflection) ex\d+_\d+\n[\s\S]+",
]

READY = [l["slug"] for l in catalogue().lessons if l["status"] == "ready"]


def source(slug):
    return nbformat.read(ROOT / "solutions" / slug / f"{slug}.ipynb", as_version=4)


def h2_headings(nb):
    return [m for c in nb.cells if c.cell_type == "markdown" for m in re.findall(r"^## (.+)$", c.source, re.MULTILINE)]


@pytest.mark.parametrize("slug", READY)
def test_lesson_has_the_skeleton_parts_in_order(slug):
    expected = START_HERE if slug == "00_start_here" else SKELETON
    assert h2_headings(source(slug)) == expected


@pytest.mark.parametrize("slug", READY)
def test_first_code_cell_is_the_shared_setup(slug):
    first = next(c for c in source(slug).cells if c.cell_type == "code")
    assert first.source == f'from course import start\nlesson = start("{slug}")'
    assert first.metadata["nbgrader"]["locked"] is True


@pytest.mark.parametrize("slug", READY)
def test_code_cells_are_one_liners_into_the_package(slug):
    for cell in source(slug).cells:
        if cell.cell_type == "code":
            assert any(re.fullmatch(p, cell.source) for p in ALLOWED_CODE), f"logic in a notebook cell: {cell.source!r}"


@pytest.mark.parametrize("slug", READY)
def test_every_exercise_appears_with_heading_cells_and_points_from_the_data(slug):
    nb = source(slug)
    text = "\n".join(c.source for c in nb.cells)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    number = int(slug[:2])
    for ex in catalogue().lesson_content[slug]["exercises"]:
        n = ex["id"].split("_")[1]
        heading = f"### Exercise {number}.{n} — {ex['title']}"
        if ex.get("points"):
            heading += f" ({ex['points']} points)"
        assert heading in text, f"missing heading {heading!r}"
        if ex["kind"] in ("reply", "reflection"):
            assert f'lesson.prompt("{ex["id"]}")' in text
            if ex["points"]:
                answer, check = by_id[f"{ex['id']}_answer"], by_id[ex["id"]]
                assert answer.source.startswith(f"%%{ex['kind']} {ex['id']}\n### BEGIN SOLUTION\n")
                assert answer.metadata["nbgrader"]["solution"] is True
                assert check.metadata["nbgrader"]["grade"] is True
                assert check.metadata["nbgrader"]["points"] == ex["points"]
                assert check.source.endswith(f'grade("{ex["id"]}")')
            else:
                assert f"%%{ex['kind']} {ex['id']}\n" in text
        else:
            assert f'lesson.practice("{ex["id"]}")' in text


@pytest.mark.parametrize("slug", [s for s in READY if s != "00_start_here"])
def test_lessons_teach_the_technique_with_credits_and_have_three_widget_kinds(slug):
    nb = source(slug)
    assert any(c.source == "lesson.credits()" for c in nb.cells)
    kinds = {ex["kind"] for ex in catalogue().lesson_content[slug]["exercises"]}
    assert {"choose_reply", "spot_phrases", "classify", "reply", "reflection"} <= kinds


def test_learner_notebooks_start_with_the_shared_header():
    header = nbformat.read(ROOT / "course" / "templates" / "header.ipynb", as_version=4).cells[0].source
    for slug in READY:
        learner = nbformat.read(ROOT / "notebooks" / slug / f"{slug}.ipynb", as_version=4)
        assert learner.cells[0].source == header
    # ...and the header is written once: no lesson source repeats it.
    for slug in READY:
        assert all("How this notebook works" not in c.source for c in source(slug).cells)


def test_teaching_text_does_not_copy_the_articles():
    """No run of 8 words of any source article appears in a notebook (our own words)."""
    from conftest import SHARED
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("shared/seeds is not beside this checkout")

    def runs(text, n=8):
        words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
        return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}
    article_runs = set().union(*(runs(p.read_text(encoding="utf-8")) for p in seeds))
    import yaml
    for slug in READY:
        ours = "\n".join(c.source for c in source(slug).cells)
        ours += yaml.safe_dump(catalogue().lesson_content[slug])
        copied = runs(ours) & article_runs
        assert not copied, f"{slug} repeats article text: {sorted(copied)[:3]}"
