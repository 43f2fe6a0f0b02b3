"""A simulated class, the instructor's grading workflow, and the tampering report.

An instructor (and `tests/test_classroom.py`) can try the whole nbgrader journey on
a throwaway copy of the course, with a class of realistic learners:

    from pathlib import Path
    from course import classroom
    from course.testing import copy_course

    root = copy_course(Path("/tmp/trial-class"))
    learners = classroom.make_submissions(root, "01_listen")        # 13 learners and an exchange folder
    classroom.run_workflow(root, "01_listen", learners=learners)    # the real nbgrader CLI, step by step
    print(classroom.summary(root, "01_listen"))         # one screen: scores and tampering

`WORKFLOW` lists the nbgrader commands, in order, exactly as the instructor guide
(docs/instructor-guide.md) gives them; `run_workflow` runs those and nothing else,
except that between release and collect the simulated learners hand in their work
with nbgrader's own `submit` command, as each learner would from the Assignments tab.
"""
from __future__ import annotations

import csv
import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import nbformat

from .build import ROOT  # the real course root, for the instructor notebook
from .integrity import TAMPERING

# The instructor's commands, run from the course root (the folder with nbgrader_config.py).
# {lesson} is the lesson slug (the nbgrader assignment), {students} a CSV of learners
# (columns id, first_name, last_name, email), {grades} where the grade table goes.
# nbgrader_config.py keeps the hidden part of each grading cell (the tamper check) out of
# the feedback pages (c.GenerateFeedback.preprocessors), so the commands stay plain.
WORKFLOW = [
    "nbgrader db student import {students}",
    "nbgrader generate_assignment {lesson} --force",
    "nbgrader release_assignment {lesson}",
    "nbgrader collect {lesson}",
    "nbgrader autograde {lesson}",
    "nbgrader generate_feedback {lesson}",
    "nbgrader export --to {grades}",
]
STUDENTS_CSV = "students.csv"
GRADES_CSV = "grades.csv"


# --- the simulated class -------------------------------------------------------------------------

@dataclass(frozen=True)
class Learner:
    """One simulated learner: who they are, what they hand in, and what grading should make of it."""

    id: str                          # nbgrader student ID
    first_name: str
    last_name: str
    story: str                       # what this learner did, in one line
    outcome: str                     # "full", "zero", "partial" (a score within `total`) or "tampering"
    answers: dict = field(default_factory=dict)    # exercise ID -> text typed into the answer cell
    total: tuple = (0.0, 0.0)        # expected total points, inclusive range
    cells: dict = field(default_factory=dict)      # exercise ID -> expected points range, when it matters
    tamper: Callable | None = None   # edits the notebook after the answers are filled in
    tampered: tuple = ()             # grading cells the tampering report must name

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def _insert_code_after(grade_id: str, source: str):
    """A learner adds a code cell of their own just after the cell with this nbgrader ID."""
    def edit(nb):
        index = next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
        nb.cells.insert(index + 1, nbformat.v4.new_code_cell(source))
        return nb
    return edit


def _replace_answer_with_code(exercise_id: str, source: str):
    """A learner types Python instead of their reply into the answer cell."""
    def edit(nb):
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"{exercise_id}_answer")
        cell.source = source
        return nb
    return edit


def _edit_grading_cells(source: str, *exercise_ids: str):
    """A learner edits locked grading cells (possible in a text editor, or by changing the metadata)."""
    def edit(nb):
        for cell in nb.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") in exercise_ids:
                cell.source = source
        return nb
    return edit


def _delete_grading_cells(*exercise_ids: str):
    def edit(nb):
        nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in exercise_ids]
        return nb
    return edit


STRONG_REPLY = (
    "Rosa, I'm so sorry, and thank you for telling me exactly what happened. You were standing in a cold "
    "bakery from half six, no technician came and nobody rang you, and you had to phone the café and the "
    "birthday family yourself. Then you were put on hold twice. After six years with us, that is not how you "
    "should be treated, and I understand why you are angry. Before I arrange anything, what matters most to you for "
    "the rest of today? Here is what I can do right now: our nearest "
    "technician, Sam, can be with you by one o'clock today, and I will ring you myself at half twelve to "
    "confirm he is on his way. Would that work for you, or is there a better time?"
)
STRONG_REFLECTION = (
    "Last month at the phone shop where I work on Saturdays, a customer came to the counter furious because "
    "the repair we promised for Friday was not done and nobody had called him. My first instinct was to "
    "explain that a part was late, but my manager, Jen, let him talk for a couple of minutes and only said "
    "things like 'that must be so frustrating, go on'. He calmed down once he felt heard, because nobody was "
    "arguing with him, and then he accepted a loan phone and even thanked her. I realised that when I explain "
    "too early, customers hear an excuse. Next time I will let the customer finish, say back what they told "
    "me, thank them for raising it, and only then talk about a fix."
)
PARTIAL_REPLY = (
    "Rosa, thank you for staying on the line and I'm really sorry nobody came or called this morning. "
    "You've had to let down the café and a family, and that is on us. I'm booking a technician for this "
    "afternoon and I'll call you back within the hour to confirm the time."
)
WEAK_REPLY = "Sorry about that. Someone will come later."
WEAK_REFLECTION = "I listened to a customer once and it went fine."
KEYWORDS = ("empathy acknowledge apologize thank listen vent heard sorry understand frustrated "
            "validate next step solution empathy heard thank you listen")


def _customer_message() -> str:
    from .content import catalogue
    return catalogue().lesson_content["01_listen"]["story"]["customer_message"]


def _prompt(exercise_id: str) -> str:
    from .content import catalogue
    return catalogue().exercise(exercise_id)["prompt"]


def class_01_listen() -> list[Learner]:
    """Thirteen learners for lesson 01_listen, from the model answer to four kinds of tampering."""
    from .testing import reference_answers
    return [
        Learner("amara_okoye", "Amara", "Okoye", "hands in the instructor's model answers", "full",
                reference_answers("01_listen"), total=(8, 8), cells={"ex1_4": (4, 4), "ex1_5": (4, 4)}),
        Learner("liam_oconnor", "Liam", "O'Connor", "opens the notebook and hands it in untouched", "zero",
                total=(0, 0)),
        Learner("sofia_rossi", "Sofía", "Rossi", "writes a decent reply but no reflection", "partial",
                {"ex1_4": PARTIAL_REPLY}, total=(1, 4), cells={"ex1_4": (1, 4), "ex1_5": (0, 0)}),
        Learner("hiroshi_tanaka", "Hiroshi", "Tanaka", "writes a strong reply and reflection of his own", "partial",
                {"ex1_4": STRONG_REPLY, "ex1_5": STRONG_REFLECTION}, total=(6, 8),
                cells={"ex1_4": (3, 4), "ex1_5": (3, 4)}),
        Learner("fatima_haddad", "Fatima", "Haddad", "writes one short line for each", "partial",
                {"ex1_4": WEAK_REPLY, "ex1_5": WEAK_REFLECTION}, total=(0, 3),
                cells={"ex1_4": (0, 2), "ex1_5": (0, 1)}),
        Learner("olu_adeyemi", "Olúwaseun", "Adeyemi", "stuffs both answers with keywords", "zero",
                {"ex1_4": KEYWORDS, "ex1_5": KEYWORDS}, total=(0, 0)),
        Learner("mei_chen", "Mei", "Chen", "pastes Rosa's message as the reply and the question as the reflection",
                "zero", {"ex1_4": _customer_message(), "ex1_5": _prompt("ex1_5")}, total=(0, 0)),
        Learner("diego_alvarez", "Diego", "Álvarez", "adds a cell that replaces course.grading.grade", "tampering",
                {"ex1_4": WEAK_REPLY}, total=(0, 0),
                tamper=_insert_code_after("setup", "import course.grading as g\ng.grade = lambda *a: 4.0"),
                tampered=("ex1_4", "ex1_5")),
        Learner("noah_fischer", "Noah", "Fischer", "adds a cell that replaces course.feedback.assess", "tampering",
                {"ex1_4": WEAK_REPLY, "ex1_5": WEAK_REFLECTION}, total=(0, 0),
                tamper=_insert_code_after("prompt_ex1_4", (
                    "import course.feedback as fb\nimport course.grading\n"
                    "fb.assess = lambda kind, text, **kw: fb.Assessment(kind=kind, score=4)\n"
                    "course.grading.assess = fb.assess")),
                tampered=("ex1_4", "ex1_5")),
        Learner("aisha_rahman", "Aisha", "Rahman", "adds a cell that replaces course.grading.points_for", "tampering",
                {"ex1_4": WEAK_REPLY, "ex1_5": WEAK_REFLECTION}, total=(0, 0),
                tamper=_insert_code_after("ex1_4_answer", (
                    "import course.grading\ncourse.grading.points_for = lambda result, points: float(points)")),
                tampered=("ex1_4", "ex1_5")),
        Learner("kenji_sato", "Kenji", "Sato", "types code into the reply cell that swaps in a fake grading module",
                "tampering", {"ex1_5": WEAK_REFLECTION}, total=(0, 0),
                tamper=_replace_answer_with_code("ex1_4", (
                    "import sys, types\nfake = types.ModuleType('course.grading')\n"
                    "fake.grade = lambda exercise_id: 4.0\nsys.modules['course.grading'] = fake")),
                tampered=("ex1_4", "ex1_5")),
        Learner("tom_becker", "Tom", "Becker", "edits both locked grading cells to just `4`", "tampering",
                total=(0, 0), tamper=_edit_grading_cells("4", "ex1_4", "ex1_5"), tampered=("ex1_4", "ex1_5")),
        Learner("priya_nair", "Priya", "Nair", "deletes both grading cells", "tampering",
                {"ex1_4": PARTIAL_REPLY, "ex1_5": WEAK_REFLECTION}, total=(0, 0),
                tamper=_delete_grading_cells("ex1_4", "ex1_5"), tampered=("ex1_4", "ex1_5")),
    ]


CLASSES = {"01_listen": class_01_listen}


def simulated_class(lesson: str) -> list[Learner]:
    if lesson not in CLASSES:
        raise KeyError(f"No simulated class for {lesson!r}; there is one for: {', '.join(CLASSES)}")
    return CLASSES[lesson]()


def write_students_csv(root: Path, learners: list[Learner]) -> Path:
    path = Path(root) / STUDENTS_CSV
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "first_name", "last_name", "email"])
        for learner in learners:
            writer.writerow([learner.id, learner.first_name, learner.last_name, f"{learner.id}@example.org"])
    return path


EXCHANGE_DIR = "exchange"


def make_submissions(root: Path, lesson: str, learners: list[Learner] | None = None) -> list[Learner]:
    """Prepare a class in a course root: the learner list (students.csv) and an exchange folder.

    The exchange is set in the root's nbgrader_config.py, exactly as the instructor guide
    says to; learners then hand in during `run_workflow`, between release and collect.
    """
    learners = simulated_class(lesson) if learners is None else learners
    root = Path(root)
    (root / EXCHANGE_DIR).mkdir(parents=True, exist_ok=True)
    config = root / "nbgrader_config.py"
    line = f'c.Exchange.root = "{(root / EXCHANGE_DIR).as_posix()}"'
    if line not in config.read_text(encoding="utf-8"):
        with config.open("a", encoding="utf-8") as handle:
            handle.write(f"\n# The exchange folder for this class (see docs/instructor-guide.md).\n{line}\n")
    write_students_csv(root, learners)
    return learners


def hand_in(root: Path, lesson: str, learners: list[Learner], say: Callable[[str], None] = print) -> None:
    """Each simulated learner takes the released notebook, answers it, and runs `nbgrader submit`."""
    from .testing import fill_answers
    root = Path(root)
    released = root / EXCHANGE_DIR / "turnaround" / "outbound" / lesson / f"{lesson}.ipynb"
    for n, learner in enumerate(learners, 1):
        nb = fill_answers(nbformat.read(released, as_version=4), learner.answers)
        if learner.tamper:
            nb = learner.tamper(nb)
        home = root / "learners" / learner.id
        (home / lesson).mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, home / lesson / f"{lesson}.ipynb")
        command = [sys.executable, "-m", "nbgrader", "submit", lesson, "--course", "turnaround",
                   f"--student={learner.id}", f"--Exchange.root={root / EXCHANGE_DIR}", f"--Exchange.cache={home / '.cache'}"]
        proc = subprocess.run(command, cwd=home, env=_environment(), capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"{learner.id} could not submit:\n{proc.stdout[-800:]}{proc.stderr[-800:]}")
        say(f"      {learner.id} handed in ({n}/{len(learners)})")


# --- the workflow --------------------------------------------------------------------------------

def commands(lesson: str, students: str = STUDENTS_CSV, grades: str = GRADES_CSV) -> list[str]:
    """The WORKFLOW commands filled in for one lesson."""
    return [step.format(lesson=lesson, students=students, grades=grades) for step in WORKFLOW]


def _environment() -> dict:
    """nbgrader calls tools such as alembic by name: put this Python's scripts folder on PATH."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


_STUDENT_LINE = re.compile(r"\[AutogradeApp \| INFO\] Sanitizing .*?[/\\]submitted[/\\]([^/\\]+)[/\\]")


def run_step(command: str, root: Path, say: Callable[[str], None] = print) -> tuple[int, str, float]:
    """Run one nbgrader command in the course root; say a line per learner while autograding."""
    argv = shlex.split(command)
    argv = [sys.executable, "-m", "nbgrader", *argv[1:]] if argv[0] == "nbgrader" else argv
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=root, env=_environment(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
    lines = []
    seen = 0
    for line in proc.stdout:
        lines.append(line)
        match = _STUDENT_LINE.search(line)
        if match:
            seen += 1
            say(f"      grading {match.group(1)} ({seen}) ... {time.perf_counter() - started:.0f}s")
    code = proc.wait()
    return code, "".join(lines), time.perf_counter() - started


def run_workflow(root: Path, lesson: str, say: Callable[[str], None] = print, stop_on_error: bool = True,
                 learners: list[Learner] | None = None) -> dict:
    """Run every WORKFLOW command for `lesson` in order, with progress lines; returns each step's log.

    With `learners` (a simulated class), they hand in through the exchange right after the release.
    """
    root = Path(root)
    steps = commands(lesson)
    logs: dict[str, dict] = {}
    total = time.perf_counter()
    for n, command in enumerate(steps, 1):
        say(f"[{n}/{len(steps)}] {command}")
        code, output, seconds = run_step(command, root, say)
        logs[command.split()[1]] = {"command": command, "returncode": code, "output": output, "seconds": seconds}
        status = "done" if code == 0 else f"FAILED (exit code {code})"
        say(f"      {status} in {seconds:.1f}s")
        if code != 0:
            errors = [line for line in output.splitlines() if "ERROR" in line or "Error" in line]
            say("\n".join(errors[-8:] or output.splitlines()[-8:]))
            if stop_on_error:
                raise RuntimeError(f"`{command}` failed with exit code {code}; see the lines above.")
        if learners and " release_assignment " in f" {command} ":
            hand_in(root, lesson, learners, say)
    say(f"All {len(steps)} steps finished in {time.perf_counter() - total:.0f}s.")
    (root / "autograde.log").write_text(logs.get("autograde", {}).get("output", ""), encoding="utf-8")
    return logs


# --- reading results ----------------------------------------------------------------------------

def gradebook(root: Path):
    from nbgrader.api import Gradebook
    return Gradebook(f"sqlite:///{Path(root) / 'gradebook.db'}", course_id="turnaround")


def scores(root: Path, lesson: str) -> dict[str, dict]:
    """{student: {"total", "max", "cells": {grade_id: score}, "needs_manual": [grade_id]}} from the gradebook."""
    from nbgrader.api import MissingEntry
    out = {}
    if not (Path(root) / "gradebook.db").exists():
        return out
    with gradebook(root) as gb:
        try:
            assignment = gb.find_assignment(lesson)
        except MissingEntry:
            return out
        for student in gb.students:
            try:
                submission = gb.find_submission(lesson, student.id)
            except MissingEntry:
                continue
            cells, manual = {}, []
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    cells[grade.name] = grade.score
                    if grade.needs_manual_grade:
                        manual.append(grade.name)
            out[student.id] = {"total": submission.score, "max": assignment.max_score, "cells": cells,
                               "needs_manual": sorted(manual)}
    return out


def _grade_cells(nb) -> dict:
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade") and "grade_id" in c.metadata.get("nbgrader", {})}


def _outputs_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") in ("execute_result", "display_data"):
            parts.append(str(output.get("data", {}).get("text/plain", "")))
        elif output.get("output_type") == "error":
            parts.append(f"{output.get('ename')}: {output.get('evalue')}")
    return "".join(parts)


def _answer_text(nb, exercise_id: str) -> str | None:
    """The learner's words in an answer cell, as the %%reply / %%reflection magic would receive them."""
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == f"{exercise_id}_answer":
            first, _, body = cell.source.partition("\n")
            if re.fullmatch(rf"%%(reply|reflection)\s+{re.escape(exercise_id)}\s*", first):
                return body
            return None
    return None


def tampering_report(root: Path, lesson: str) -> dict[str, list[str]]:
    """{student: [finding, ...]} for every learner whose grading shows signs of tampering.

    Four sources, each independent of the others:
    * a grading cell's output in the autograded notebook says "Tampering detected" (the in-kernel check);
    * a locked grading cell's source in the submission differs from the released notebook
      (nbgrader restored it from the gradebook before running it);
    * a grading cell is missing from the submission (nbgrader 0.9.6 does not add it back by
      default: the cell scores 0 and is marked as needing manual grading);
    * a cell scored more than a fresh assessment of the submitted answer, outside the learner's
      kernel, gives (catches tricks the in-kernel check cannot see).
    """
    from .content import catalogue
    from .grading import assess_exercise, points_for

    root = Path(root)
    if not (root / "submitted").is_dir():
        return {}
    released = nbformat.read(root / "notebooks" / lesson / f"{lesson}.ipynb", as_version=4)
    released_cells = _grade_cells(released)
    graded = scores(root, lesson)
    report: dict[str, list[str]] = {}
    for student_dir in sorted((root / "submitted").iterdir()):
        submitted_path = student_dir / lesson / f"{lesson}.ipynb"
        if not submitted_path.exists():
            continue
        student = student_dir.name
        findings = []
        submitted = nbformat.read(submitted_path, as_version=4)
        submitted_cells = _grade_cells(submitted)
        for grade_id, cell in released_cells.items():
            if grade_id not in submitted_cells:
                findings.append(f"{grade_id}: grading cell deleted (not run by nbgrader; scored 0, needs manual grading)")
            elif submitted_cells[grade_id].source != cell.source:
                findings.append(f"{grade_id}: locked grading cell edited (nbgrader restored the original before grading)")
        autograded_path = root / "autograded" / student / lesson / f"{lesson}.ipynb"
        if autograded_path.exists():
            autograded = nbformat.read(autograded_path, as_version=4)
            for grade_id, cell in _grade_cells(autograded).items():
                text = _outputs_text(cell)
                if TAMPERING in text:
                    line = next(l for l in text.splitlines() if TAMPERING in l)
                    findings.append(f"{grade_id}: {line.strip()}")
        for grade_id, score in graded.get(student, {}).get("cells", {}).items():
            try:
                exercise = catalogue().exercise(grade_id)
            except KeyError:
                continue
            text = _answer_text(submitted, grade_id)
            fair = points_for(assess_exercise(grade_id, text), exercise["points"]) if text is not None else 0.0
            if score is not None and score > fair + 0.01:
                findings.append(f"{grade_id}: scored {score:g} but a fresh assessment of the submitted answer "
                                f"gives {fair:g} (check this notebook by hand)")
        if findings:
            report[student] = findings
    return report


def summary(root: Path, lesson: str, learners: list[Learner] | None = None) -> str:
    """One screen for the instructor: every learner's score, what needs a look, and tampering."""
    graded = scores(root, lesson)
    tampering = tampering_report(root, lesson)
    names = {l.id: l.name for l in (learners or [])}
    if not graded:
        return f"{lesson}: nothing graded yet in {root} (see docs/instructor-guide.md)."
    lines = [f"{lesson}: {len(graded)} submissions graded"]
    if graded:
        first = next(iter(graded.values()))
        cell_ids = sorted(first["cells"])
        lines.append(f"{'student':<18} {'total':>9}  " + "  ".join(f"{c:>6}" for c in cell_ids) + "  notes")
        for student in sorted(graded):
            row = graded[student]
            notes = []
            if student in tampering:
                notes.append("TAMPERING")
            if row["needs_manual"]:
                notes.append("needs manual grade: " + ", ".join(row["needs_manual"]))
            label = names.get(student, student)[:18]
            lines.append(f"{label:<18} {row['total']:>4g} / {row['max']:<2g}  "
                         + "  ".join(f"{(row['cells'].get(c) or 0):>6g}" for c in cell_ids) + "  " + "; ".join(notes))
        totals = [row["total"] for row in graded.values()]
        lines.append(f"class average {sum(totals) / len(totals):.1f} of {first['max']:g}")
    if tampering:
        lines.append(f"Tampering found for {len(tampering)} learner(s); details: course.classroom.tampering_report")
    return "\n".join(lines)


def grades_csv(root: Path) -> list[dict]:
    """The rows `nbgrader export` wrote."""
    with (Path(root) / GRADES_CSV).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def demo_class(lesson: str = "01_listen", root: Path | None = None, say: Callable[[str], None] = print) -> Path:
    """Grade the simulated class in a throwaway course root (about 90 s) and print the summary; returns the root."""
    import tempfile
    from .testing import copy_course
    root = Path(tempfile.mkdtemp(prefix=f"turnaround-class-{lesson}-")) / "course" if root is None else Path(root)
    copy_course(root)
    learners = make_submissions(root, lesson)
    say(f"{len(learners)} simulated learners for {lesson} at {root}")
    run_workflow(root, lesson, say=say, learners=learners)
    say(summary(root, lesson, learners))
    return root
