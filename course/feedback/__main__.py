"""Command line: `python -m course.feedback grade` reads JSON Lines on stdin, writes one JSON line per input.

Input fields: id, kind ("reply" or "reflection"), text, and optional customer,
scenario, module, prompt. Output fields: id, score (0–4), moves (replies),
criteria (reflections), flags, feedback. A bad line gets an error line for its
id (or its line number) and the rest still run. Output order = input order.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import assess

OPTIONAL = ("customer", "scenario", "module", "prompt")


def grade_line(line: str, number: int) -> dict:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "line": number, "error": f"not valid JSON: {exc.msg}"}
    if not isinstance(item, dict):
        return {"id": None, "line": number, "error": "each line must be a JSON object"}
    ident = item.get("id")
    problems = []
    if item.get("kind") not in ("reply", "reflection"):
        problems.append("kind must be 'reply' or 'reflection'")
    if not isinstance(item.get("text"), str):
        problems.append("text must be a string")
    for key in OPTIONAL:
        if item.get(key) is not None and not isinstance(item[key], str):
            problems.append(f"{key} must be a string when given")
    if problems:
        return {"id": ident, "line": number, "error": "; ".join(problems)}
    result = assess(item["kind"], item["text"], **{k: item.get(k) for k in OPTIONAL})
    out = {"id": ident, "score": result.score}
    if item["kind"] == "reply":
        out["moves"] = list(result.moves)
    else:
        out["criteria"] = list(result.criteria)
    out["flags"] = list(result.flags)
    out["feedback"] = ([result.explanation] if result.explanation else []) + list(result.feedback)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course.feedback", description="Turnaround feedback engine")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("grade", help="read JSON Lines on stdin, write one JSON result per line on stdout")
    parser.parse_args(argv)
    stdin = sys.stdin.buffer
    for number, raw in enumerate(stdin, 1):
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            continue
        sys.stdout.write(json.dumps(grade_line(line, number), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
