"""Course content: schemas reject bad files with clear messages; the catalogue matches the curriculum."""
from __future__ import annotations

import re
import shutil

import pytest
import yaml

from course.content import ContentError, DATA_DIR, catalogue, load_catalogue
from conftest import ROOT, SHARED


def curriculum_ids() -> list[str]:
    path = SHARED / "curriculum" / "techniques.md"
    if not path.exists():
        pytest.skip("shared/curriculum/techniques.md is not beside this checkout")
    return re.findall(r"^\| `([a-z-]+)` \|", path.read_text(encoding="utf-8"), flags=re.MULTILINE)


def test_catalogue_has_exactly_the_curriculum_technique_ids():
    ids = curriculum_ids()
    assert len(ids) == len(set(ids)) == 34  # the table lists 34, though its footer says 33
    assert set(catalogue().techniques) == set(ids)


def test_every_technique_is_in_some_lesson_of_the_manifest():
    cat = catalogue()
    covered = {t for lesson in cat.lessons for t in lesson["techniques"]}
    assert covered == set(cat.techniques)


def test_module_one_covers_its_four_techniques():
    assert catalogue().lesson("01_listen")["techniques"] == [
        "listen-first", "let-them-vent", "ensure-heard", "thank-for-feedback"]


def test_ready_lessons_have_source_and_learner_notebooks_named_by_slug():
    cat = catalogue()
    for lesson in cat.lessons:
        slug = lesson["slug"]
        source = ROOT / "solutions" / slug / f"{slug}.ipynb"
        learner = ROOT / "notebooks" / slug / f"{slug}.ipynb"
        if lesson["status"] == "ready":
            assert source.exists() and learner.exists(), slug
            assert slug in cat.lesson_content, f"{slug} has no content file"
        else:
            assert not source.exists(), f"{slug} has a notebook but is marked planned"
    on_disk = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())
    assert on_disk == [l["slug"] for l in cat.lessons if l["status"] == "ready"]


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit_yaml(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_unknown_key_in_an_exercise_names_the_file_and_field(data_copy):
    lesson_file = data_copy / "lessons" / "01_listen.yaml"
    edit_yaml(lesson_file, lambda d: d["exercises"][0].update(colour="red"))
    with pytest.raises(ContentError) as err:
        load_catalogue(data_copy)
    message = str(err.value)
    assert "01_listen.yaml" in message and "exercises.0" in message and "'colour'" in message


def test_unknown_key_in_an_option_names_the_nested_field(data_copy):
    lesson_file = data_copy / "lessons" / "01_listen.yaml"
    edit_yaml(lesson_file, lambda d: d["exercises"][0]["options"][1].update(score=3))
    with pytest.raises(ContentError, match=r"01_listen.yaml: field exercises\.0\.options\.1: unknown key\(s\) 'score'"):
        load_catalogue(data_copy)


def test_unknown_key_in_the_manifest(data_copy):
    edit_yaml(data_copy / "lessons.yaml", lambda d: d["lessons"][1].update(duration=5))
    with pytest.raises(ContentError, match=r"lessons.yaml: field lessons\.1: unknown key\(s\) 'duration'"):
        load_catalogue(data_copy)


def test_missing_field_and_wrong_type_are_named(data_copy):
    def change(d):
        del d["exercises"][3]["prompt"]
        d["exercises"][3]["points"] = "four"
    edit_yaml(data_copy / "lessons" / "01_listen.yaml", change)
    with pytest.raises(ContentError) as err:
        load_catalogue(data_copy)
    assert "'prompt' is a required property" in str(err.value)
    assert "exercises.3.points" in str(err.value)


def test_unknown_technique_id_is_caught(data_copy):
    edit_yaml(data_copy / "lessons" / "01_listen.yaml", lambda d: d["exercises"][0]["techniques"].append("be-nice"))
    with pytest.raises(ContentError, match="unknown technique ID 'be-nice'"):
        load_catalogue(data_copy)


def test_choose_reply_needs_exactly_one_correct_option(data_copy):
    edit_yaml(data_copy / "lessons" / "01_listen.yaml",
              lambda d: d["exercises"][0]["options"][0].update(correct=True))
    with pytest.raises(ContentError, match="exactly one option must be correct"):
        load_catalogue(data_copy)


def test_broken_yaml_is_reported_with_its_file(data_copy):
    (data_copy / "sources.yaml").write_text("sources: [unclosed", encoding="utf-8")
    with pytest.raises(ContentError, match="sources.yaml: not valid YAML"):
        load_catalogue(data_copy)


def test_every_source_is_credited_by_a_title():
    cat = catalogue()
    assert len(cat.sources) == 5
    for tech in cat.techniques.values():
        assert all(key in cat.sources for key in tech["sources"])
