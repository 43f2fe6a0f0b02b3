"""A small learned layer over the sentence rules: one logistic scorer per move.

Why: the rules in moves.py recognise a move by patterns written from the guide;
a new writer phrases the same move in ways no pattern foresaw. This layer reads
each sentence's words and the rules' own verdicts and says how likely the
sentence does each move. It was trained on the corpus's dev split only
(scripts/train_feedback_models.py), with the weights shipped in data/move_model.json
(and, for reflection criteria, data/criteria_model.json):
no network, no heavy dependency, the same text always gets the same answer.

A text does a move when some sentence does (noisy-OR over its sentences, against
that move's threshold). The sentence quoted as evidence is the one the rules found,
or else the first that does the move clearly on its own, so every point stays
explainable with the learner's own words.
"""
from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

from .moves import FEEL
from .text import Sentence

MODEL_PATH = Path(__file__).with_name("data") / "move_model.json"
CRITERIA_MODEL_PATH = Path(__file__).with_name("data") / "criteria_model.json"

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[:.]\d+)?(?:am|pm)?|[?!$£€%]")
_NUMBER = re.compile(r"^\d")
FEELING = re.compile(rf"\b{FEEL}", re.I)


def tokens(lower: str) -> list[str]:
    """Lower-case word tokens with numbers folded to <num>, so '4pm' and '10:30' read alike."""
    return ["<num>" if _NUMBER.match(t) else t for t in _TOKEN.findall(lower)]


def sentence_features(sentence: Sentence, rule_hits: set[str], count: int, whole: set[str] = frozenset()) -> list[str]:
    """The features of one sentence: its words and word pairs, its shape, and the rules' verdicts
    (on this sentence, and on the text as a whole, since "can't" means one thing next to an
    offer and another with nothing offered)."""
    toks = tokens(sentence.lower)
    feats = [f"w:{t}" for t in set(toks)]
    feats += [f"b:{a}_{b}" for a, b in set(zip(toks, toks[1:]))]
    if toks:
        feats.append(f"first:{toks[0]}")
        if len(toks) > 1:
            feats.append(f"first2:{toks[0]}_{toks[1]}")
    feats += [f"rule:{m}" for m in rule_hits]
    if FEELING.search(sentence.lower):
        feats.append("class:feeling")
    feats += [f"whole:{m}" for m in whole]
    feats.append("pos:first" if sentence.index == 0 else ("pos:last" if sentence.index == count - 1 else "pos:middle"))
    if sentence.text.rstrip().endswith("?"):
        feats.append("shape:question")
    feats.append("bias")
    return feats


def reply_features(sents: list[Sentence], hits: list[set[str]], rule_found: dict[str, int]) -> list[list[str]]:
    """Features for every sentence of a reply; a sentence quoting the customer gets none."""
    reply_rules = set(rule_found)
    out = []
    for i, (s, h) in enumerate(zip(sents, hits)):
        if "quoted_customer" in h:
            out.append([])
            continue
        feats = sentence_features(s, h, len(sents), reply_rules)
        if i:
            feats += [f"prev:{m}" for m in hits[i - 1]]
        out.append(feats)
    return out


def _load(path: Path) -> dict | None:
    """Weights regrouped by feature ({feature: [(label index, weight), ...]}), so that scoring
    a sentence costs one lookup per feature, not one per feature and label."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        by_feature, labels = regroup(raw["weights"])
        thresholds = {label: float(raw["thresholds"][label]) for label in labels}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # a missing or damaged file must never stop grading: the rules decide alone
    return {"moves": labels, "thresholds": thresholds, "by_feature": by_feature}


@functools.lru_cache(maxsize=1)
def model() -> dict | None:
    """The shipped move weights, or None when the file is missing (the rules then work alone)."""
    return _load(MODEL_PATH)


@functools.lru_cache(maxsize=1)
def criteria_model() -> dict | None:
    """The shipped reflection-criteria weights, or None when the file is missing."""
    return _load(CRITERIA_MODEL_PATH)


def reflection_features(sents: list[Sentence], signals: list[set[str]], met: dict, n_words: int) -> list[list[str]]:
    """Features for every sentence of a reflection: its words, its rule signals, and the whole text's."""
    whole = {f"met:{c}" for c in met} | {f"length:{min(n_words // 40, 5)}"}
    return [sentence_features(s, f, len(sents), whole) for s, f in zip(sents, signals)]


def reflection_criteria(sents: list[Sentence], signals: list[set[str]], met: dict, n_words: int) -> dict[str, int] | None:
    """{criterion: the sentence that best meets it}, or None when no model is shipped."""
    m = criteria_model()
    if m is None or not sents:
        return None
    probs = probabilities(reflection_features(sents, signals, met, n_words), m["by_feature"], m["moves"])
    first = {c: next(i for i, s in enumerate(sents) if s.text == quote) for c, quote in met.items()}
    return decide(probs, m["thresholds"], first)


def probabilities(features: list[list[str]], by_feature: dict, moves: tuple[str, ...]) -> list[dict[str, float]]:
    """Per sentence, the probability that it does each move."""
    out = []
    for feats in features:
        z = [0.0] * len(moves)
        for f in feats:
            for j, w in by_feature.get(f, ()):
                z[j] += w
        if not feats:
            z = [-30.0] * len(moves)
        out.append({m: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, zj)))) for m, zj in zip(moves, z)})
    return out


def regroup(weights: dict[str, dict[str, float]]) -> tuple[dict, tuple[str, ...]]:
    """{move: {feature: weight}} → ({feature: [(move index, weight)]}, moves), as `probabilities` wants."""
    moves = tuple(weights)
    by_feature: dict[str, list[tuple[int, float]]] = {}
    for j, move in enumerate(moves):
        for feature, weight in weights[move].items():
            by_feature.setdefault(feature, []).append((j, weight))
    return by_feature, moves


def decide(probs: list[dict[str, float]], thresholds: dict[str, float], rule_found: dict[str, int] | None = None) -> dict[str, int]:
    """{move: the sentence to quote for it} for the moves the text does.

    A text does a move when some sentence does (noisy-OR over its sentences). The
    sentence quoted is the one the rules found, if they found one; otherwise the first
    sentence that passes the threshold alone; otherwise the most likely one.
    """
    found = {}
    for move, threshold in thresholds.items():
        none = 1.0
        for p in probs:
            none *= 1.0 - p[move]
        if not probs or 1.0 - none < threshold:
            continue
        if rule_found and move in rule_found:
            found[move] = rule_found[move]
            continue
        alone = [i for i, p in enumerate(probs) if p[move] >= threshold]
        found[move] = alone[0] if alone else max(range(len(probs)), key=lambda i: (probs[i][move], -i))
    return found


def reply_moves(sents: list[Sentence], hits: list[set[str]], rule_found: dict[str, int]) -> dict[str, int] | None:
    """The moves the learned layer finds in a reply, or None when no model is shipped."""
    m = model()
    if m is None:
        return None
    return decide(probabilities(reply_features(sents, hits, rule_found), m["by_feature"], m["moves"]), m["thresholds"], rule_found)
