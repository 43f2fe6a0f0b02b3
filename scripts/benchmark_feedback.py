#!/usr/bin/env python3
"""Benchmark the feedback engine against the labelled corpus in tests/corpus.

    python scripts/benchmark_feedback.py                 # held-out split (the figures we report)
    python scripts/benchmark_feedback.py --split dev     # the split we tune on
    python scripts/benchmark_feedback.py --split dev --errors 30   # show disagreements (dev only)
    python scripts/benchmark_feedback.py --file new_writer.jsonl   # a new writer, unseen, before it joins dev

Prints QWK, exact and adjacent agreement for reply and reflection scores;
precision, recall and F1 per move and macro-F1; the share of gaming items scored
0; and median / 99th-percentile time per text. Timing figures come from this run
on this machine: compare them with each other, not with another machine's.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course.feedback import assess  # noqa: E402
from course.feedback.moves import HARMFUL, HELPFUL  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def load_split(split: str) -> list[dict]:
    spec = json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))
    files = {"heldout": spec["heldout_files"], "dev": spec["dev_files"]}.get(split, spec["heldout_files"] + spec["dev_files"])
    items = [json.loads(line) for f in files for line in (CORPUS / f).read_text(encoding="utf-8").splitlines() if line.strip()]
    for f in spec["split_by_id_files"]:
        for line in (CORPUS / f).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                held = int(hashlib.sha1(item["id"].encode()).hexdigest()[-1], 16) % 2 == 0
                if split == "all" or (split == "heldout") == held:
                    items.append(item)
    return items


def qwk(a: list[int], b: list[int], k: int = 5) -> float:
    """Quadratic weighted kappa between two lists of 0..k-1 ratings."""
    n = len(a)
    if n == 0:
        return float("nan")
    observed = [[0] * k for _ in range(k)]
    for x, y in zip(a, b):
        observed[x][y] += 1
    hist_a = [sum(row) for row in observed]
    hist_b = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = (i - j) ** 2 / (k - 1) ** 2
            num += w * observed[i][j]
            den += w * hist_a[i] * hist_b[j] / n
    return 1.0 - num / den if den else 1.0


def run(items: list[dict], say) -> list[tuple[dict, object, float]]:
    results = []
    started = time.perf_counter()
    for n, item in enumerate(items, 1):
        t0 = time.perf_counter()
        out = assess(item["kind"], item["text"], customer=item.get("customer"), scenario=item.get("scenario"),
                     module=item.get("module"), prompt=item.get("prompt"))
        results.append((item, out, time.perf_counter() - t0))
        if n % 100 == 0 or n == len(items):
            say(f"  assessed {n}/{len(items)} texts ({time.perf_counter() - started:.1f}s)")
    return results


def report(results, errors: int, split: str) -> None:
    print(f"\n== Feedback engine benchmark: {split} split, {len(results)} items ==")
    for kind in ("reply", "reflection"):
        rows = [(it["score"], out.score) for it, out, _ in results if it["kind"] == kind]
        if not rows:
            continue
        gold, pred = [g for g, _ in rows], [p for _, p in rows]
        exact = sum(g == p for g, p in rows) / len(rows)
        adjacent = sum(abs(g - p) <= 1 for g, p in rows) / len(rows)
        print(f"{kind:10s} n={len(rows):3d}  QWK={qwk(gold, pred):.3f}  exact={exact:.1%}  adjacent(±1)={adjacent:.1%}")
    print("\nMoves (replies, gaming items excluded)   precision  recall   F1   support")
    f1s = []
    replies = [(it, out) for it, out, _ in results if it["kind"] == "reply" and not it.get("gaming")]
    for move in (*HELPFUL, *HARMFUL):
        tp = sum(move in it["moves"] and move in out.moves for it, out in replies)
        fp = sum(move not in it["moves"] and move in out.moves for it, out in replies)
        fn = sum(move in it["moves"] and move not in out.moves for it, out in replies)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if tp + fn:
            f1s.append(f1)
        print(f"  {move:22s} {p:9.2f} {r:7.2f} {f1:6.2f} {tp + fn:6d}")
    print(f"  macro-F1 over {len(f1s)} moves with support: {statistics.mean(f1s):.3f}" if f1s else "  (no moves)")
    gaming = [(it, out) for it, out, _ in results if it.get("gaming")]
    if gaming:
        zero = sum(out.score == 0 for _, out in gaming)
        print(f"\nGaming items scored 0: {zero}/{len(gaming)} = {zero / len(gaming):.1%}")
    times = sorted(t for _, _, t in results)
    for kind in ("reply", "reflection"):
        kt = sorted(t for it, _, t in results if it["kind"] == kind)
        if kt:
            p99 = kt[min(len(kt) - 1, int(0.99 * len(kt)))]
            print(f"Time per {kind}: median {statistics.median(kt) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms (n={len(kt)})")
    big = "Rosa, I am sorry. " * 60_000
    t0 = time.perf_counter()
    assess("reply", big)
    print(f"Time for a {len(big) / 1e6:.1f} MB reply: {(time.perf_counter() - t0) * 1000:.1f} ms")
    if errors:
        if split == "heldout":
            print("\n(--errors is refused on the held-out split: we never tune on it.)")
            return
        print(f"\nDisagreements (up to {errors}):")
        shown = 0
        for it, out, _ in results:
            gold_moves = set(it.get("moves", []))
            if it["score"] != out.score or (it["kind"] == "reply" and gold_moves != set(out.moves)):
                extra, missing = sorted(set(out.moves) - gold_moves), sorted(gold_moves - set(out.moves))
                gold_c = it.get("criteria", [])
                print(f"- {it['id']} gold={it['score']} engine={out.score} flags={list(out.flags)} "
                      + (f"+{extra} -{missing}" if it["kind"] == "reply" else f"gold_criteria={gold_c} engine={list(out.criteria)}"))
                print(f"    {it['text'][:400]!r}")
                shown += 1
                if shown >= errors:
                    break


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["heldout", "dev", "all"], default="heldout")
    parser.add_argument("--errors", type=int, default=0, help="show up to N disagreements (dev split only)")
    parser.add_argument("--kind", choices=["reply", "reflection"], default=None)
    parser.add_argument("--file", action="append", type=Path, metavar="JSONL",
                        help="score these labelled files instead of a split (a new writer, before it joins dev)")
    args = parser.parse_args()
    if args.file:
        items = [json.loads(line) for f in args.file for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        args.split = "given files"
    else:
        items = load_split(args.split)
    if args.kind:
        items = [i for i in items if i["kind"] == args.kind]
    print(f"Assessing {len(items)} labelled texts ({args.split} split)...")
    report(run(items, print), args.errors, args.split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
