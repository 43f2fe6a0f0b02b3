"""Is the grading code in this kernel still the course's own? Tamper checks for nbgrader.

A learner's notebook runs in the same Python process as its grading cells, so a
learner can add a cell such as ``import course.grading as g; g.grade = lambda *a: 4.0``.
Before any points are given, `problems()` checks, without trusting anything a
learner could have replaced through the normal import machinery:

* every ``course`` module in ``sys.modules`` is a real module loaded from this
  package's own file (a stand-in module object is caught);
* every function and class method those files define is still the code in the
  file: each function's code object must equal a freshly compiled copy of the
  file's source (a replaced function, or a function whose ``__code__`` was swapped,
  is caught);
* every name a module imports from another course module is still that very
  object (``course.grading.assess`` must be ``course.feedback.assess``), and no
  module has gained a global that hides a builtin (``course.grading.min = ...``);
* the builtins the grading arithmetic relies on are the real ones.

`guarded_grade` is what the hidden part of each grading cell calls: when anything
is wrong it prints ``Tampering detected: ...`` on stdout (never stderr, which would
make nbgrader zero the cell without saying why) and gives 0 points.

A determined learner can still fool checks that run inside their own kernel, so
the instructor's tools also re-assess every submitted answer outside the kernel
and flag any score higher than that (`course.classroom.tampering_report`).
"""
from __future__ import annotations

import ast
import builtins
import os
import sys
import time
import types
import warnings
from pathlib import Path

PACKAGE = "course"
PACKAGE_DIR = Path(__file__).resolve().parent
TAMPERING = "Tampering detected"

# The modules a grade depends on: they must be present and genuine whenever a grade is given.
REQUIRED = ("course", "course.answers", "course.content", "course.feedback", "course.grading", "course.integrity")

# Builtins the grading path relies on, and the real objects they must be.
_REAL_TYPES = {"float": type(0.0), "int": type(0), "str": type(""), "bool": type(True), "list": type([]),
               "dict": type({}), "tuple": type(()), "set": type({0}), "frozenset": frozenset, "type": type(int)}
_BUILTIN_FUNCTIONS = ("min", "max", "round", "len", "isinstance", "sum", "sorted", "any", "all", "getattr",
                      "hasattr", "print", "repr", "abs", "zip", "enumerate", "iter", "next", "open", "hash", "id")
_REAL_BUILTINS = {name: getattr(builtins, name) for name in _BUILTIN_FUNCTIONS}

_fresh_cache: dict[tuple, dict] = {}
# When this kernel started checking. A course file changed on disk after this and matching neither
# the snapshot nor the file now (the course was updated twice while a notebook was open) is not
# tampering, but the answer cannot be checked until the kernel is restarted.
_STARTED_NS = time.time_ns()
_DATACLASSES = __import__("dataclasses").__file__


def _expected_path(name: str) -> Path:
    parts = name.split(".")[1:]
    base = PACKAGE_DIR.joinpath(*parts) if parts else PACKAGE_DIR
    return base / "__init__.py" if (base / "__init__.py").exists() else base.with_suffix(".py")


def _fresh(path: Path) -> dict:
    """What the file on disk defines: code objects by name, bound names, and imports from course modules."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key in _fresh_cache:
        return _fresh_cache[key]
    source = path.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse(source, filename=str(path))
        code = compile(source, str(path), "exec", dont_inherit=True)
    codes: dict[str, list] = {}
    stack = [code]
    while stack:
        co = stack.pop()
        codes.setdefault(co.co_name, []).append(co)
        stack.extend(c for c in co.co_consts if isinstance(c, types.CodeType))
    bound: dict[str, int] = {}
    imports: dict[str, tuple[str, str]] = {}
    package = path.parent
    mod_parts = [PACKAGE, *package.relative_to(PACKAGE_DIR).parts] if package != PACKAGE_DIR else [PACKAGE]

    def bind(name: str) -> None:
        bound[name] = bound.get(name, 0) + 1

    def visit(statements: list) -> None:
        for node in statements:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bind(node.name)
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    bind((alias.asname or alias.name).split(".")[0])
                continue
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = mod_parts[: len(mod_parts) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for alias in node.names:
                    local = alias.asname or alias.name
                    bind(local)
                    if target == PACKAGE or target.startswith(PACKAGE + "."):
                        imports[local] = (target, alias.name)
                continue
            inner = []
            for field, value in ast.iter_fields(node):
                if field in ("body", "orelse", "finalbody"):
                    inner.extend(value)
                elif field == "handlers":
                    for handler in value:
                        if handler.name:
                            bind(handler.name)
                        inner.extend(handler.body)
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor, ast.With,
                                 ast.AsyncWith)):
                if isinstance(node, ast.Assign):
                    targets = node.targets
                elif isinstance(node, (ast.With, ast.AsyncWith)):
                    targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
                else:
                    targets = [node.target]
                for target_node in targets:
                    for sub in ast.walk(target_node):
                        if isinstance(sub, ast.Name):
                            bind(sub.id)
            visit(inner)

    visit(tree.body)
    result = {"codes": codes, "bound": bound, "imports": imports}
    if len(_fresh_cache) > 200:
        _fresh_cache.clear()
    _fresh_cache[key] = result
    return result


def _code_of(obj):
    """The code object behind a function, following decorators such as lru_cache."""
    seen = 0
    while not hasattr(obj, "__code__") and hasattr(obj, "__wrapped__") and seen < 10:
        obj, seen = obj.__wrapped__, seen + 1
    return getattr(obj, "__code__", None)


def _same_code(code, fresh: dict) -> bool:
    return any(code == candidate for candidate in fresh["codes"].get(code.co_name, ()))


def _check_function(label: str, obj, fresh: dict, problems: list[str]) -> None:
    code = _code_of(obj)
    if code is None:
        problems.append(f"{label} was replaced by something that is not the course's function")
    elif not _same_code(code, fresh):
        problems.append(f"{label} was replaced or its code was changed")


def _check_class(label: str, cls, fresh: dict, problems: list[str]) -> None:
    for attr, value in list(vars(cls).items()):
        functions = []
        if isinstance(value, (staticmethod, classmethod)):
            functions = [value.__func__]
        elif isinstance(value, property):
            functions = [f for f in (value.fget, value.fset, value.fdel) if f is not None]
        elif isinstance(value, types.FunctionType):
            functions = [value]
        for fn in functions:
            code = _code_of(fn)
            if code is None:
                continue
            if _same_code(code, fresh):
                continue
            if attr.startswith("__") and (code.co_filename == "<string>" or code.co_filename == _DATACLASSES):
                continue  # made by @dataclass (__init__, __eq__, __repr__, ...)
            problems.append(f"{label}.{attr} was replaced or its code was changed")


def _check_module(name: str, module, problems: list[str], stale: list[str]) -> None:
    if not isinstance(module, types.ModuleType):
        problems.append(f"sys.modules[{name!r}] is not a module")
        return
    expected = _expected_path(name)
    file = getattr(module, "__file__", None)
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if not file or not expected.exists() or os.path.realpath(file) != os.path.realpath(expected) \
            or not origin or os.path.realpath(origin) != os.path.realpath(expected) \
            or getattr(module, "__name__", None) != name:
        problems.append(f"sys.modules[{name!r}] is not the course's own module")
        return
    # The code in memory must match the file as it was when this kernel started, or as it is now
    # (a module first imported after the file changed).
    found: list[str] = []
    _check_contents(name, module, _SNAPSHOT.get(str(expected)) or _fresh(expected), found)
    if not found:
        return
    now: list[str] = []
    _check_contents(name, module, _fresh(expected), now)
    if not now:
        return
    if expected.stat().st_mtime_ns > _STARTED_NS:
        stale.append(name)
    else:
        problems.extend(found)


def _check_contents(name: str, module, fresh: dict, problems: list[str]) -> None:
    namespace = vars(module)
    for local, (target, attr) in fresh["imports"].items():
        if fresh["bound"].get(local, 0) != 1 or local not in namespace:
            continue
        source = sys.modules.get(target)
        if source is None:
            continue
        wanted = getattr(source, attr, sys.modules.get(f"{target}.{attr}"))
        if namespace[local] is not wanted:
            problems.append(f"{name}.{local} is no longer {target}.{attr}")
    for local, value in list(namespace.items()):
        if local.startswith("__") and local.endswith("__"):
            continue
        if local not in fresh["bound"]:
            if hasattr(builtins, local) or local in fresh["codes"]:
                problems.append(f"{name}.{local} was added to the module")
            continue
        if local in fresh["imports"]:
            continue
        if isinstance(value, type) and getattr(value, "__module__", None) == name:
            _check_class(f"{name}.{local}", value, fresh, problems)
        elif callable(value) and local in fresh["codes"] and not isinstance(value, type):
            _check_function(f"{name}.{local}", value, fresh, problems)
        elif local in fresh["codes"] and not isinstance(value, type):
            problems.append(f"{name}.{local} was replaced by something that is not the course's function")
    if "." in name:
        parent_name, _, child = name.rpartition(".")
        parent = sys.modules.get(parent_name)
        if parent is not None and child in vars(parent) and vars(parent)[child] is not module:
            problems.append(f"{parent_name}.{child} is not the module in sys.modules[{name!r}]")


def _take_snapshot() -> dict[str, dict]:
    """Every course file as it is on disk when this kernel starts checking."""
    snapshot = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        try:
            snapshot[str(path)] = _fresh(path)
        except (OSError, SyntaxError, ValueError):
            continue
    return snapshot


def _check_builtins(problems: list[str]) -> None:
    namespace = vars(builtins)
    for name, real in _REAL_TYPES.items():
        if namespace.get(name) is not real:
            problems.append(f"the builtin {name} was replaced")
    for name, real in _REAL_BUILTINS.items():
        value = namespace.get(name)
        if value is not real and not isinstance(value, types.BuiltinFunctionType):
            problems.append(f"the builtin {name} was replaced")


def inspect() -> tuple[list[str], list[str]]:
    """(signs of tampering, course modules changed on disk since this kernel started)."""
    found: list[str] = []
    stale: list[str] = []
    try:
        modules = {name: mod for name, mod in list(sys.modules.items())
                   if name == PACKAGE or name.startswith(PACKAGE + ".")}
        for name in REQUIRED:
            if name not in modules:
                __import__(name)
                modules[name] = sys.modules[name]
        for name in sorted(modules):
            _check_module(name, modules[name], found, stale)
        _check_builtins(found)
    except Exception as exc:  # a check that cannot finish is itself a sign of tampering
        found.append(f"the integrity check could not finish ({type(exc).__name__}: {exc})")
    return list(dict.fromkeys(found)), stale


def problems() -> list[str]:
    """Everything that shows the grading code in this kernel is not the course's own ([] when all is well)."""
    return inspect()[0]


def stale_message(stale: list[str], exercise_id: str) -> str:
    return (f"The course was updated while this notebook was open ({', '.join(stale)} changed), so {exercise_id} "
            "cannot be graded in this session. Restart the kernel and run all cells "
            "(Kernel > Restart Kernel and Run All Cells); your answers are kept in the notebook.")


def stale() -> list[str]:
    """Course modules whose file changed on disk after this kernel loaded them (restart to grade)."""
    return inspect()[1]


def refusal(exercise_id: str) -> str | None:
    """The line to print instead of grading, or None when the grading code can be trusted."""
    found = problems()
    if found:
        return report(found, exercise_id)
    changed = stale()
    if changed:
        return stale_message(changed, exercise_id)
    return None


def report(found: list[str], exercise_id: str) -> str:
    """The line printed in the grading cell's output, for the learner, the feedback and the instructor."""
    shown = "; ".join(found[:5]) + (f"; and {len(found) - 5} more" if len(found) > 5 else "")
    return (f"{TAMPERING}: {shown}. The grading code for {exercise_id} was changed in this notebook, "
            f"so this cell scores 0. Your instructor will see this.")


def guarded_grade(exercise_id: str) -> float:
    """Check that the grading code is genuine, then grade; 0 points and a printed reason if it is not."""
    try:
        refused = refusal(exercise_id)
        if refused:
            sys.stdout.write(refused + "\n")
            return 0.0
        return sys.modules["course.grading"].grade(exercise_id)
    except Exception as exc:
        sys.stdout.write(f"This answer could not be graded ({type(exc).__name__}). Ask your instructor.\n")
        return 0.0


_SNAPSHOT = _take_snapshot()
