#!/usr/bin/env python3
"""Train the feedback engine's learned move layer on the corpus's dev split only.

    python scripts/train_feedback_models.py          # train on all dev replies, write course/feedback/data/move_model.json
    python scripts/train_feedback_models.py --cv     # leave-one-writer-out estimate first (no file written)

Each reply is labelled with its moves but not with which sentence did them, so
the model learns sentence scorers whose combination (noisy-OR: the reply does
a move if any sentence does) fits the reply's labels. Features are the
sentence's words, word pairs, shape, and the rule layer's own verdicts
(course/feedback/learned.py). Held-out items are never read here.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark_feedback import load_split, qwk  # noqa: E402
from course.feedback import learned  # noqa: E402
from course.feedback.gaming import detect  # noqa: E402
from course.feedback.moves import HARMFUL, HELPFUL  # noqa: E402
from course.feedback.replies import combine, rule_pass, score  # noqa: E402
from course.feedback import reflections  # noqa: E402
from course.feedback.engine import _module_slug, course_text  # noqa: E402
from course.feedback.text import normalise, sentences, word_count  # noqa: E402

MOVES = (*HELPFUL, *HARMFUL)
SPLIT_FILE = ROOT / "tests" / "corpus" / "split.json"


def writer_of(item: dict) -> str:
    return item["id"].split("-")[0]


def genuine(items: list[dict], kind: str):
    """(item, normalised text) for the items of `kind` the engine would read for moves or criteria:
    gaming items score 0 before any of that, so they teach the learned layer nothing."""
    for it in items:
        if it["kind"] != kind or it.get("gaming"):
            continue
        text = normalise(it["text"])
        if not detect(text, customer=it.get("customer") if kind == "reply" else None,
                      prompt=it.get("prompt") if kind == "reflection" else None,
                      course_text=course_text() if kind == "reflection" else "", kind=kind):
            yield it, text


def prepare_reflections(items: list[dict]) -> list[dict]:
    """Per reflection: its sentences' features, the rules' verdicts, its labels and what caps it."""
    out = []
    for it, text in genuine(items, "reflection"):
        sents = sentences(text)
        if not sents:
            continue
        n_words = word_count(text)
        signals, met = reflections.rule_pass(sents, _module_slug(it.get("module")))
        out.append({"id": it["id"], "writer": writer_of(it), "score": it["score"], "moves": set(it["criteria"]),
                    "text": text, "n_words": n_words, "rule_found": {c: 0 for c in met},
                    "features": learned.reflection_features(sents, signals, met, n_words)})
    return out


def prepare(items: list[dict]) -> list[dict]:
    """Per reply: its sentences' features, its rule verdicts and its labels."""
    out = []
    for it, text in genuine(items, "reply"):
        sents, hits, rule_found = rule_pass(text, it.get("customer"))
        features = learned.reply_features(sents, hits, rule_found)
        if not any(features):
            continue  # every sentence quotes the customer: nothing to learn from
        out.append({"id": it["id"], "writer": writer_of(it), "score": it["score"], "moves": set(it["moves"]),
                    "text": text, "customer": it.get("customer"),
                    "rule_found": rule_found, "features": features})
    return out


class Trainer:
    """Noisy-OR logistic regression over sparse sentence features, one output per move, in numpy."""

    def __init__(self, l2: float = 1.0, iterations: int = 400, min_count: int = 2, keep: float = 0.05, labels=MOVES):
        # Weights smaller than `keep` change no decision worth having and are left out of the shipped file.
        self.l2, self.iterations, self.min_count, self.keep, self.labels = l2, iterations, min_count, keep, labels

    def fit(self, texts: list[dict]) -> dict[str, dict[str, float]]:
        counts = Counter(f for r in texts for fs in r["features"] for f in set(fs))
        vocab = sorted(f for f, c in counts.items() if c >= self.min_count or f.startswith("rule:") or f == "bias")
        index = {f: i for i, f in enumerate(vocab)}
        rows, cols, owner = [], [], []
        n_sent = 0
        for r_i, r in enumerate(texts):
            for fs in r["features"]:
                if not fs:
                    continue  # a sentence quoting the customer: it does no move
                for f in fs:
                    if f in index:
                        rows.append(n_sent)
                        cols.append(index[f])
                owner.append(r_i)
                n_sent += 1
        rows, cols, owner = np.array(rows), np.array(cols), np.array(owner)
        by_row = np.argsort(rows, kind="stable")
        row_starts = np.searchsorted(rows[by_row], np.arange(n_sent))
        by_col = np.argsort(cols, kind="stable")
        col_starts = np.searchsorted(cols[by_col], np.arange(len(vocab)))
        rows_by_col, cols_by_row = rows[by_col], cols[by_row]
        owner_starts = np.searchsorted(owner, np.arange(len(texts)))
        y = np.array([[m in r["moves"] for m in self.labels] for r in texts], dtype=float)
        w = np.zeros((len(vocab), len(self.labels)))
        m1, m2 = np.zeros_like(w), np.zeros_like(w)
        lr, b1, b2 = 0.05, 0.9, 0.999
        reg = np.full(len(vocab), self.l2)
        reg[index["bias"]] = 0.0
        for step in range(1, self.iterations + 1):
            z = np.add.reduceat(w[cols_by_row], row_starts, axis=0)
            p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
            log_not = np.log1p(-np.clip(p, 0, 1 - 1e-9))
            p_reply = np.clip(1 - np.exp(np.add.reduceat(log_not, owner_starts, axis=0)), 1e-9, 1 - 1e-9)
            yo, po = y[owner], p_reply[owner]
            dz = p * (-yo * (1 - po) / po + (1 - yo))
            grad = np.add.reduceat(dz[rows_by_col], col_starts, axis=0)
            grad = grad / len(texts) + reg[:, None] * w / len(texts)
            m1 = b1 * m1 + (1 - b1) * grad
            m2 = b2 * m2 + (1 - b2) * grad ** 2
            w -= lr * (m1 / (1 - b1 ** step)) / (np.sqrt(m2 / (1 - b2 ** step)) + 1e-8)
        return {m: {f: round(float(w[i, j]), 3) for i, f in enumerate(vocab) if abs(w[i, j]) >= self.keep}
                for j, m in enumerate(self.labels)}


def evaluate(texts: list[dict], found_sets: list[set], scores: list[int], labels=MOVES) -> tuple[float, float, float]:
    """QWK and adjacent agreement of the scores, and macro-F1 of the labels."""
    f1s = [per_move(m, texts, found_sets)[2] for m in labels if any(m in r["moves"] for r in texts)]
    gold = [r["score"] for r in texts]
    adj = sum(abs(a - b) <= 1 for a, b in zip(gold, scores)) / len(gold)
    return qwk(gold, scores), adj, statistics.mean(f1s)


def per_move(move: str, texts: list[dict], found_sets: list[set]) -> tuple[float, float, float]:
    tp = sum(move in r["moves"] and move in f for r, f in zip(texts, found_sets))
    fp = sum(move not in r["moves"] and move in f for r, f in zip(texts, found_sets))
    fn = sum(move in r["moves"] and move not in f for r, f in zip(texts, found_sets))
    return (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0,
            2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)


def out_of_writer_probabilities(texts: list[dict], l2: float, labels=MOVES) -> list[list[dict[str, float]]]:
    """Each reply's sentence probabilities from a model trained without its writer."""
    writers = sorted({r["writer"] for r in texts})
    probs: dict[str, list] = {}
    for k, w in enumerate(writers, 1):
        t0 = time.time()
        weights = Trainer(l2=l2, labels=labels).fit([r for r in texts if r["writer"] != w])
        by_feature, moves = learned.regroup(weights)
        held = [r for r in texts if r["writer"] == w]
        for r in held:
            probs[r["id"]] = learned.probabilities(r["features"], by_feature, moves)
        print(f"  fold {k}/{len(writers)}: left out writer {w} ({len(held)} texts), {time.time() - t0:.1f}s", flush=True)
    return [probs[r["id"]] for r in texts]


def tune_thresholds(texts: list[dict], probs: list, labels=MOVES, grid=(0.2, 0.3, 0.4, 0.5, 0.6)) -> dict[str, float]:
    """Per move, the threshold with the best out-of-writer F1 (ties go to the middle of the grid)."""
    best = {}
    for move in labels:
        scored = []
        for t in grid:
            found = [set(learned.decide(p, {move: t})) for p in probs]
            scored.append((round(per_move(move, texts, found)[2], 3), -abs(t - 0.4), t))
        best[move] = max(scored)[2]
    return best


def report(texts: list[dict], probs: list, thresholds: dict[str, float], kind: str = "reply") -> None:
    labels = tuple(thresholds)
    variants = {"rules only": [r["rule_found"] for r in texts]}
    for name, th in (("learned, 0.3", {m: 0.3 for m in labels}), ("learned, tuned", thresholds)):
        variants[name] = [learned.decide(p, th, r["rule_found"]) for p, r in zip(probs, texts)]
        if kind == "reply":
            variants[name] = [combine(f) for f in variants[name]]
    print(f"\nLeave-one-writer-out on dev ({len(texts)} texts, {kind}):")
    for name, founds in variants.items():
        scores = [score_of(kind, r, f) for r, f in zip(texts, founds)]
        q, adj, f1 = evaluate(texts, [set(f) for f in founds], scores, labels)
        print(f"  {name:16s} {kind} QWK={q:.3f}  adjacent={adj:.1%}  label macro-F1={f1:.3f}")
    print(f"\n  {'label':20s} {'rules F1':>8s} {'learned F1':>10s} {'threshold':>9s}")
    for m in labels:
        r = per_move(m, texts, [set(f) for f in variants["rules only"]])[2]
        lf = per_move(m, texts, [set(f) for f in variants["learned, tuned"]])[2]
        print(f"  {m:20s} {r:8.2f} {lf:10.2f} {thresholds[m]:9.1f}")


def score_of(kind: str, item: dict, found: dict) -> int:
    if kind == "reply":
        return score(found)[0]
    return reflections.apply_caps(item["text"], found, item["n_words"])[0]


KINDS = {  # kind: (labels, how to prepare items, where the weights ship)
    "reply": (MOVES, prepare, "MODEL_PATH"),
    "reflection": (reflections.CRITERIA, prepare_reflections, "CRITERIA_MODEL_PATH"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="leave-one-writer-out estimate on dev; writes nothing")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--kind", choices=KINDS, default="reply", help="train the move model (reply) or the criteria model (reflection)")
    args = parser.parse_args()
    labels, prepare_items, path_name = KINDS[args.kind]
    items = prepare_items(load_split("dev"))
    print(f"{len(items)} dev texts ({args.kind}) by {len({r['writer'] for r in items})} writers")
    probs = out_of_writer_probabilities(items, args.l2, labels)
    thresholds = tune_thresholds(items, probs, labels)
    report(items, probs, thresholds, args.kind)
    if args.cv:
        return
    weights = Trainer(l2=args.l2, labels=labels).fit(items)
    model = {"about": "Trained by scripts/train_feedback_models.py on the dev split only; thresholds chosen leave-one-writer-out.",
             "l2": args.l2, "thresholds": thresholds, "weights": weights}
    path = getattr(learned, path_name)
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
