"""Project commands: `python -m course build | check | content`."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course", description="Turnaround course tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="regenerate every learner notebook in notebooks/ from solutions/ with nbgrader")
    sub.add_parser("check", help="fail if notebooks/ differs from what generation produces, or has outputs")
    sub.add_parser("content", help="validate the course data files against their schemas")
    args = parser.parse_args(argv)

    from .content import ContentError, catalogue
    try:
        cat = catalogue()
    except ContentError as exc:
        print(f"Course content has problems:\n{exc}")
        return 1
    if args.command == "content":
        print(f"Content OK: {len(cat.techniques)} techniques, {len(cat.lessons)} lessons, "
              f"{sum(len(c['exercises']) for c in cat.lesson_content.values())} exercises.")
        return 0

    from . import build
    try:
        if args.command == "build":
            build.build()
            return 0
        report = build.check_drift()
    except RuntimeError as exc:
        print(exc)
        return 1
    print(report.summary())
    return 0 if report.clean else 1


if __name__ == "__main__":
    sys.exit(main())
