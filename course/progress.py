"""Where a learner's work is kept between sessions: answers and practice results.

Everything a learner writes is stored in a small JSON file (one per machine
user), written atomically so a crash never leaves half a file. Earlier versions
of each answer are kept, so nothing a learner wrote is lost by re-running a cell.
Nothing is written while nbgrader executes a notebook (autograde, validate).
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

HISTORY_KEPT = 10


def store_path() -> Path:
    """~/.turnaround/progress.json, or $TURNAROUND_HOME/progress.json when set."""
    home = os.environ.get("TURNAROUND_HOME") or os.path.join(os.path.expanduser("~"), ".turnaround")
    return Path(home) / "progress.json"


def saving_enabled() -> bool:
    """False while nbgrader runs the notebook: grading must not write learner files."""
    return not os.environ.get("NBGRADER_EXECUTION")


class ProgressStore:
    """A learner's saved answers and practice results."""

    def __init__(self, path: Path | None = None):
        self.path = path or store_path()
        self.warning: str | None = None
        self.data = self._read()

    def _read(self) -> dict:
        empty = {"version": 1, "answers": {}, "practice": {}}
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return empty
        except OSError as exc:
            self.warning = f"Could not read your saved progress ({exc}); starting a fresh record."
            return empty
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError:
            backup = self.path.with_suffix(f".unreadable-{int(time.time())}.json")
            try:
                self.path.rename(backup)
                self.warning = f"Your progress file could not be read, so it was kept as {backup.name} and a fresh one started."
            except OSError:
                self.warning = "Your progress file could not be read; starting a fresh record."
            return empty
        data.setdefault("answers", {})
        data.setdefault("practice", {})
        return data

    def _write(self) -> None:
        if not saving_enabled():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".progress-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.data, handle, ensure_ascii=False, indent=1)
            os.replace(tmp, self.path)
        except OSError as exc:
            self.warning = f"Your answer is in the notebook, but it could not be saved to {self.path} ({exc})."

    def save_answer(self, exercise_id: str, text: str, score: int | None) -> None:
        entry = self.data["answers"].setdefault(exercise_id, {"history": []})
        if entry.get("text") and entry.get("text") != text:
            entry["history"] = (entry.get("history", []) + [{"text": entry["text"], "score": entry.get("score")}])[-HISTORY_KEPT:]
        entry.update(text=text, score=score, saved=time.strftime("%Y-%m-%d %H:%M"))
        self._write()

    def answer(self, exercise_id: str) -> dict | None:
        return self.data["answers"].get(exercise_id)

    def record_practice(self, exercise_id: str, correct: bool) -> None:
        entry = self.data["practice"].setdefault(exercise_id, {"attempts": 0, "correct": False})
        entry["attempts"] += 1
        entry["correct"] = entry["correct"] or correct
        self._write()

    def practice(self, exercise_id: str) -> dict | None:
        return self.data["practice"].get(exercise_id)


_store: ProgressStore | None = None


def store() -> ProgressStore:
    """The process-wide store (re-read when TURNAROUND_HOME changes, as in tests)."""
    global _store
    if _store is None or _store.path != store_path():
        _store = ProgressStore()
    return _store
