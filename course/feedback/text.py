"""Text utilities for the engine: normalising, sentences, words, overlap. No dependencies.

All analysis works on at most ANALYSIS_CHARS characters, which bounds the time
spent on any input (a 1 MB paste included).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ANALYSIS_CHARS = 20_000

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+|\n\s*\n|\n(?=\s*[-*•]\s)|\n(?=[A-Z])")

FUNCTION_WORDS = frozenset("""
a an the and or but so if then than that this these those there here to of in on at by for with from
into about as is are was were be been being am do does did done have has had having i you he she it we
they me him her us them my your his its our their mine yours not no nor can could will would shall
should may might must what which who whom whose when where why how all any each some more most very
just also too only up out over again once while because until after before such own same other
""".split())


def normalise(text: str) -> str:
    """NFC, printable characters only, straight quotes, and the analysis length bound."""
    text = unicodedata.normalize("NFC", text or "")[:ANALYSIS_CHARS]
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()


def word_count(text: str) -> int:
    """Words as a person counts them: space-separated tokens with a letter or digit ("missed-appointment" is one)."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str      # as written, trimmed
    lower: str     # lower-cased, for matching


_ABBREVIATION = re.compile(r"(?:\b(?:mr|mrs|ms|mx|dr|prof|st|sr|jr|no|vs|etc|approx|dept|ref|e\.g|i\.e)|\b[A-Z])\.$", re.I)


def sentences(text: str) -> list[Sentence]:
    raw = _SENTENCE_END.split(text)
    merged: list[str] = []
    for part in raw:  # "Mr. Okafor" and "Dr. Patel" are not two sentences
        if merged and _ABBREVIATION.search(merged[-1].rstrip()):
            merged[-1] = merged[-1].rstrip() + " " + part
        else:
            merged.append(part)
    parts = [p.strip(" \t\n-*•>") for p in merged]
    out = [p for p in parts if p and WORD.search(p)]
    return [Sentence(i, s, s.lower()) for i, s in enumerate(out)]


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def containment(text_tokens: list[str], source_tokens: list[str], n: int = 4) -> float:
    """Share of the text's n-word runs that also occur in the source (0 when too short)."""
    mine = ngrams(text_tokens, n)
    return len(mine & ngrams(source_tokens, n)) / len(mine) if mine else 0.0


def function_word_share(tokens: list[str]) -> float:
    return sum(t in FUNCTION_WORDS for t in tokens) / len(tokens) if tokens else 0.0


def latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum("LATIN" in unicodedata.name(ch, "") for ch in letters) / len(letters) if letters else 0.0
