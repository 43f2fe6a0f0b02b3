"""Regenerate the learner notebooks from the instructor sources, and detect drift.

Learner notebooks are made by `nbgrader generate_assignment` and nothing else.
`python -m course build` regenerates all of them; `python -m course check`
regenerates into a temporary folder and reports any learner notebook that
differs (hand edits, a stale copy), has stored outputs, or should not exist.
A throwaway gradebook is used, so an instructor's real gradebook is not touched.
"""
from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .content import catalogue

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "solutions"
RELEASE_DIR = ROOT / "notebooks"


def tool_env() -> dict:
    """The environment for nbgrader subprocesses: this interpreter's bin/ first, since nbgrader runs `alembic` by name."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def ready_lessons() -> list[str]:
    return [lesson["slug"] for lesson in catalogue().lessons if lesson["status"] == "ready"]


def generate(slug: str, release_dir: Path, db_path: Path) -> None:
    """Run nbgrader generate_assignment for one lesson into `release_dir`."""
    command = [sys.executable, "-m", "nbgrader", "generate_assignment", slug, "--force",
               f"--CourseDirectory.release_directory={release_dir}",
               f"--CourseDirectory.db_url=sqlite:///{db_path}"]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=tool_env())
    produced = release_dir / slug / f"{slug}.ipynb"
    if run.returncode != 0 or not produced.exists():
        errors = [line for line in run.stderr.splitlines() if "ERROR" in line or "Error" in line]
        raise RuntimeError(f"nbgrader could not generate {slug}:\n" + "\n".join(errors[-10:] or run.stderr.splitlines()[-10:]))


def generate_all(release_dir: Path, say=print) -> list[str]:
    slugs = ready_lessons()
    with tempfile.TemporaryDirectory() as tmp:
        for n, slug in enumerate(slugs, 1):
            started = time.perf_counter()
            generate(slug, release_dir, Path(tmp) / "gradebook.db")
            say(f"[{n}/{len(slugs)}] {slug} generated in {time.perf_counter() - started:.1f}s")
    return slugs


def notebooks_with_outputs(release_dir: Path = RELEASE_DIR) -> list[Path]:
    found = []
    for path in sorted(release_dir.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        if any(c.get("outputs") or c.get("execution_count") for c in cells if c.get("cell_type") == "code"):
            found.append(path)
    return found


@dataclass
class DriftReport:
    differing: list[str] = field(default_factory=list)   # learner notebooks unlike what nbgrader makes
    missing: list[str] = field(default_factory=list)     # expected but absent in notebooks/
    unexpected: list[str] = field(default_factory=list)  # present in notebooks/ but not generated
    with_outputs: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.differing or self.missing or self.unexpected or self.with_outputs)

    def summary(self) -> str:
        if self.clean:
            return "Learner notebooks match what nbgrader generates, with no stored outputs."
        lines = ["Learner notebooks are out of step with solutions/ (run `python -m course build`):"]
        for label, items in (("differs from generated", self.differing), ("missing", self.missing),
                             ("not produced by generation", self.unexpected), ("has stored outputs", self.with_outputs)):
            lines += [f"  - {item}: {label}" for item in items]
        return "\n".join(lines)


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if p.is_file() and ".ipynb_checkpoints" not in p.parts}


def compare(expected_dir: Path, actual_dir: Path) -> DriftReport:
    """Compare a freshly generated release folder with the committed one."""
    expected, actual = _files(expected_dir), _files(actual_dir)
    report = DriftReport(missing=sorted(expected - actual), unexpected=sorted(actual - expected))
    for name in sorted(expected & actual):
        if not filecmp.cmp(expected_dir / name, actual_dir / name, shallow=False):
            report.differing.append(name)
    report.with_outputs = [str(p.relative_to(actual_dir)) for p in notebooks_with_outputs(actual_dir)]
    return report


def check_drift(release_dir: Path = RELEASE_DIR, say=print) -> DriftReport:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh"
        generate_all(fresh, say)
        return compare(fresh, release_dir)


def build(release_dir: Path = RELEASE_DIR, say=print) -> None:
    """Regenerate every ready lesson's learner notebook in place."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh"
        slugs = generate_all(fresh, say)
        before = compare(fresh, release_dir) if release_dir.exists() else None
        if release_dir.exists():
            shutil.rmtree(release_dir)
        shutil.copytree(fresh, release_dir)
    changed = (before.differing + before.missing + before.unexpected) if before else slugs
    say(f"Done in {time.perf_counter() - started:.1f}s: {len(slugs)} learner notebooks in {release_dir.relative_to(ROOT)}/; "
        f"{len(changed)} file(s) changed" + (f" ({', '.join(changed)})" if changed else "") + ".")
