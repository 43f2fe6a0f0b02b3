"""Course content as data: load and validate the YAML files under course/data.

Every file is checked against a JSON Schema (unknown keys are rejected) and then
for cross-references (technique IDs, source keys, exercise IDs). Errors name the
file and the field, so an author can fix them without reading this code.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
SCHEMA_DIR = DATA_DIR / "schema"


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the field."""


def _field_path(error: "jsonschema.ValidationError") -> str:
    parts = [str(p) for p in error.absolute_path]
    return ".".join(parts) if parts else "(top level)"


def _describe(error: "jsonschema.ValidationError") -> str:
    if error.validator == "additionalProperties":
        allowed = sorted((error.schema.get("properties") or {}).keys())
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        return f"unknown key(s) {', '.join(map(repr, extra))}; allowed keys are {', '.join(allowed)}"
    return error.message


def validate(data: Any, schema_name: str, source: str) -> None:
    """Check `data` against schema/<schema_name>.schema.json; raise ContentError naming `source`."""
    import jsonschema  # here, not at the top: importing it takes most of a second, and readers that skip checks need not pay

    schema = json.loads((SCHEMA_DIR / f"{schema_name}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if errors:
        lines = [f"{source}: field {_field_path(e)}: {_describe(e)}" for e in errors[:10]]
        raise ContentError("\n".join(lines))


def load_yaml(path: Path, schema_name: str, check: bool = True) -> dict:
    """Read one YAML content file and (unless check=False) validate it, with errors naming the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: not valid YAML: {exc}") from None
    if check:
        validate(data, schema_name, str(path))
    return data


@dataclass(frozen=True)
class Catalogue:
    """Everything the course knows: sources, techniques, lessons and their exercises."""

    sources: dict[str, dict]
    modules: dict[int, str]
    techniques: dict[str, dict]
    lessons: list[dict]
    lesson_content: dict[str, dict]

    def lesson(self, slug: str) -> dict:
        for lesson in self.lessons:
            if lesson["slug"] == slug:
                return lesson
        known = ", ".join(item["slug"] for item in self.lessons)
        raise KeyError(f"No lesson called {slug!r}. Known lessons: {known}")

    def exercise(self, exercise_id: str) -> dict:
        for content in self.lesson_content.values():
            for exercise in content["exercises"]:
                if exercise["id"] == exercise_id:
                    return exercise
        raise KeyError(f"No exercise called {exercise_id!r}. Check the ID in the cell's first line (for example ex1_4).")

    def lesson_of(self, exercise_id: str) -> str:
        for slug, content in self.lesson_content.items():
            if any(ex["id"] == exercise_id for ex in content["exercises"]):
                return slug
        raise KeyError(exercise_id)

    def credits(self, technique_ids: list[str]) -> list[dict]:
        """The source articles behind these techniques, in catalogue order, each once."""
        keys: list[str] = []
        for tid in technique_ids:
            for key in self.techniques[tid]["sources"]:
                if key not in keys:
                    keys.append(key)
        return [self.sources[key] for key in keys]


def _check_references(cat: Catalogue, data_dir: Path) -> None:
    problems: list[str] = []
    for tid, tech in cat.techniques.items():
        for key in tech["sources"]:
            if key not in cat.sources:
                problems.append(f"{data_dir / 'techniques.yaml'}: technique {tid}: unknown source key {key!r}")
        if tech["module"] not in cat.modules:
            problems.append(f"{data_dir / 'techniques.yaml'}: technique {tid}: unknown module {tech['module']}")
    seen_slugs: set[str] = set()
    for i, lesson in enumerate(cat.lessons):
        where = f"{data_dir / 'lessons.yaml'}: field lessons.{i}"
        if lesson["slug"] in seen_slugs:
            problems.append(f"{where}.slug: duplicate slug {lesson['slug']!r}")
        seen_slugs.add(lesson["slug"])
        for tid in lesson["techniques"]:
            if tid not in cat.techniques:
                problems.append(f"{where}.techniques: unknown technique ID {tid!r}")
    seen_ids: set[str] = set()
    for slug, content in cat.lesson_content.items():
        path = data_dir / "lessons" / f"{slug}.yaml"
        number = int(slug[:2])
        for i, ex in enumerate(content["exercises"]):
            where = f"{path}: field exercises.{i}"
            if ex["id"] in seen_ids:
                problems.append(f"{where}.id: duplicate exercise ID {ex['id']!r}")
            seen_ids.add(ex["id"])
            if not re.fullmatch(rf"ex{number}_\d+", ex["id"]):
                problems.append(f"{where}.id: {ex['id']!r} should start with ex{number}_ in lesson {slug}")
            for tid in ex["techniques"]:
                if tid not in cat.techniques:
                    problems.append(f"{where}.techniques: unknown technique ID {tid!r}")
            if ex["kind"] == "choose_reply" and sum(o["correct"] for o in ex["options"]) != 1:
                problems.append(f"{where}.options: exactly one option must be correct")
            if ex["kind"] == "classify":
                for j, item in enumerate(ex["items"]):
                    if item["category"] not in ex["categories"]:
                        problems.append(f"{where}.items.{j}.category: {item['category']!r} is not one of the categories")
            if ex["kind"] == "spot_phrases" and not any(p["escalates"] for p in ex["phrases"]):
                problems.append(f"{where}.phrases: at least one phrase must escalate")
        if content["slug"] != slug:
            problems.append(f"{path}: field slug: {content['slug']!r} does not match the file name {slug!r}")
    if problems:
        raise ContentError("\n".join(problems))


def load_catalogue(data_dir: Path = DATA_DIR, check: bool = True) -> Catalogue:
    """Load all course content under `data_dir`, validated against the schemas and cross-checked unless check=False."""
    sources = load_yaml(data_dir / "sources.yaml", "sources", check)["sources"]
    tech = load_yaml(data_dir / "techniques.yaml", "techniques", check)
    lessons = load_yaml(data_dir / "lessons.yaml", "lessons", check)["lessons"]
    lesson_content = {}
    for path in sorted((data_dir / "lessons").glob("*.yaml")):
        lesson_content[path.stem] = load_yaml(path, "lesson", check)
    cat = Catalogue(
        sources={s["key"]: s for s in sources},
        modules={m["number"]: m["title"] for m in tech["modules"]},
        techniques={t["id"]: t for t in tech["techniques"]},
        lessons=lessons,
        lesson_content=lesson_content,
    )
    if check:
        _check_references(cat, data_dir)
    return cat


@functools.lru_cache(maxsize=2)
def catalogue(check: bool = True) -> Catalogue:
    """The course's own content, loaded once per process.

    check=False skips schema validation, for readers that only need the text (the feedback engine,
    whose command line should start fast); `python -m course check` and the tests validate the same files.
    """
    return load_catalogue(check=check)
