"""Shared test setup: learner progress goes to a temporary folder, never to ~."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Set before any kernel starts (nbval, nbgrader) so they inherit it too.
os.environ.setdefault("TURNAROUND_HOME", tempfile.mkdtemp(prefix="turnaround-tests-"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def fresh_learner(tmp_path, monkeypatch):
    """Each test starts as a new learner: no saved progress, no answers in memory."""
    from course import answers

    monkeypatch.setenv("TURNAROUND_HOME", str(tmp_path / "learner"))
    answers.forget_all()
    yield tmp_path / "learner"
    answers.forget_all()


@pytest.fixture
def shell():
    """A real IPython shell with the course's cell magics registered."""
    from IPython.core.interactiveshell import InteractiveShell

    from course import magics

    ip = InteractiveShell.instance()
    magics.register(ip)
    return ip
