"""The labelled corpus under tests/corpus: well-formed, labelled per the guide, and split as declared.

The benchmark's figures are only as good as these labels, so the guide's mechanical
rules (caps, what a 3 or 4 needs, how a reflection's score follows its criteria)
are checked on every item, and the split must account for every file exactly once.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from course.feedback.moves import HARMFUL, HELPFUL

CORPUS = Path(__file__).resolve().parent / "corpus"
MODULES = {"01_listen", "02_empathy", "03_understand", "04_resolve", "05_hold_ground", "06_outages", "07_protect",
           "08_part_ways", "09_capstone"}
CRITERIA = {"technique", "situation", "analysis", "plan"}
CAPS = {"under_40_words", "copy_of_prompt", "copy_of_course_text", "keyword_list", "off_topic", "not_english"}
GAMING = {"keyword_list", "pasted_customer", "pasted_prompt", "repetition", "padding", "code_markup", "other_language",
          "token_answer", "word_salad", "label_stuffing"}
SERIOUS = {"blame", "dismiss", "argue", "hostile", "cant_do"}
MINOR = {"cliche_empathy", "non_apology", "over_promise"}


def _items() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CORPUS.glob("*/*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append((f"{path.relative_to(CORPUS)}:{n}", json.loads(line)))
    return out


ITEMS = _items()


def test_the_split_accounts_for_every_file_exactly_once():
    spec = json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))
    listed = spec["heldout_files"] + spec["dev_files"] + spec["split_by_id_files"]
    on_disk = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.jsonl"))
    assert sorted(listed) == on_disk
    assert len(set(listed)) == len(listed)
    assert not set(spec["heldout_files"]) & set(spec["dev_files"])


def test_ids_are_unique_and_sizes_meet_the_issue():
    ids = Counter(item["id"] for _, item in ITEMS)
    assert [i for i, c in ids.items() if c > 1] == []
    replies = [i for _, i in ITEMS if i["kind"] == "reply" and not i.get("gaming")]
    reflections = [i for _, i in ITEMS if i["kind"] == "reflection" and not i.get("gaming")]
    gaming = [i for _, i in ITEMS if i.get("gaming")]
    assert len(replies) >= 300 and len(reflections) >= 150 and len(gaming) >= 40


@pytest.mark.parametrize("where,item", ITEMS, ids=[w for w, _ in ITEMS])
def test_item_is_labelled_per_the_guide(where, item):
    assert item["kind"] in ("reply", "reflection")
    assert item["module"] in MODULES
    assert isinstance(item["text"], str) and item["text"].strip()
    assert item["score"] in range(5)
    if item.get("gaming"):
        assert item["gaming"] in GAMING
        assert item["score"] == 0 and not item.get("moves") and not item.get("criteria")
        return
    if item["kind"] == "reply":
        moves = set(item["moves"])
        assert moves <= set(HELPFUL) | set(HARMFUL), moves - set(HELPFUL) - set(HARMFUL)
        if moves & SERIOUS:
            assert item["score"] <= 1
        if moves & MINOR:
            assert item["score"] <= 2
        if item["score"] >= 3:
            assert "acknowledge" in moves and moves & {"ask", "restate"} and moves & {"offer_options", "commit_next_step"}
        if item["score"] == 4:
            assert "check_resolution" in moves
    else:
        criteria, caps = set(item["criteria"]), set(item.get("caps", []))
        assert criteria <= CRITERIA and caps <= CAPS
        expected = 0 if caps - {"under_40_words"} else min(len(criteria), 1 if caps else 4)
        assert item["score"] == expected
