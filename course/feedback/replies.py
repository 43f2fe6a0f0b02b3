"""Assess a reply to an upset customer: find the moves, then score by the guide's rules.

Scoring follows shared/curriculum/feedback-moves.md: a 3 needs acknowledge +
(ask or restate) + (offer or next step); a 4 adds a check, in the order
empathy → understand → offer → check. Serious anti-patterns cap at 1 (0 when
the reply is hostile or offers nothing useful), minor ones at 2, and an offer
before any acknowledgement ("leapfrogging") caps at 2.
"""
from __future__ import annotations

from . import learned
from .moves import HARMFUL, HELPFUL, classify
from .result import Assessment, Evidence
from .text import FUNCTION_WORDS, containment, sentences, words

SERIOUS = {"blame", "dismiss", "argue", "hostile", "cant_do"}
# An apology, or an attempt at empathy that the guide caps (a cliché, a "but" apology), with real help: a 2.
EMPATHY_ATTEMPT = {"apologize", "cliche_empathy", "non_apology"}
MINOR = {"cliche_empathy", "non_apology", "over_promise"}

WHY = {
    "acknowledge": "You named how this has affected them (show-empathy).",
    "apologize": "You apologised for their experience without a condition (apologize-for-experience).",
    "thank": "You thanked them (thank-for-feedback).",
    "ask": "You asked an open question to understand (ask-questions).",
    "restate": "You played back what they told you (summarize-feelings-then-facts).",
    "agree_part": "You agreed with the part where they are right (find-where-right).",
    "explain_objectively": "You stated the facts neutrally (remain-objective).",
    "offer_options": "You offered something concrete (offer-alternatives).",
    "collaborate": "You invited them to shape the solution (brainstorm-together).",
    "commit_next_step": "You committed to a specific next step (keep-them-informed).",
    "reassure": "You reassured them about who owns this (reassure-best-people).",
    "check_resolution": "You checked whether the plan works for them (check-resolution).",
    "state_values": "You explained the values behind the decision (speak-to-values).",
    "set_boundary": "You set a limit calmly while staying helpful (assertive-communication).",
    "part_gracefully": "You parted respectfully, leaving the door open (walk-away-graciously).",
    "blame": "This places blame, which makes people defend themselves. Describe what happened without assigning fault.",
    "dismiss": "This plays down their feelings. Name the impact instead, e.g. \"that has cost you a whole morning\".",
    "cant_do": "This leads with what is impossible. Start with what you can do.",
    "cliche_empathy": "\"I understand\" on its own can sound empty. Say what you understand, e.g. \"two missed visits means another day without an oven\".",
    "non_apology": "A conditional or \"but\" apology takes itself back. Apologise for their experience and stop there.",
    "argue": "This contradicts them before they feel heard. Acknowledge first; facts can come later.",
    "hostile": "This tone (sarcasm, insults, shouting) escalates. Keep it calm and respectful.",
    "over_promise": "This promises what nobody can guarantee. Commit to what you control, with a time.",
}


def _first(found: dict[str, int], *moves: str) -> int | None:
    idx = [found[m] for m in moves if m in found]
    return min(idx) if idx else None


def rule_pass(text: str, customer: str | None = None) -> tuple[list, list[set[str]], dict[str, int]]:
    """The sentences, each sentence's rule verdicts, and the moves the rules alone find.

    Returns {move: index of the first sentence that does it} for the rules, with the
    reply-level rules applied (a refusal is a calm boundary or a bare "can't do").
    """
    sents = sentences(text)
    cust = words(customer or "")
    cust_content = set(cust) - FUNCTION_WORDS
    hits: list[set[str]] = []
    first: dict[str, int] = {}
    refusal_at = None
    boundary_tone = False
    for s in sents:
        if cust and len(words(s.text)) >= 6 and containment(words(s.text), cust) >= 0.6:
            hits.append({"quoted_customer"})
            continue  # the customer's own words quoted back earn nothing
        found = classify(s)
        hits.append(found | _echo(s, cust_content))
        if "refusal" in found:
            refusal_at = s.index if refusal_at is None else refusal_at
            boundary_tone = boundary_tone or "boundary_tone" in found
        for move in found - {"refusal", "boundary_tone"}:
            first.setdefault(move, s.index)
    if refusal_at is not None and "part_gracefully" not in first:
        helps = first.keys() & {"offer_options", "commit_next_step"}
        reasons = first.keys() & {"explain_objectively", "state_values"}
        if boundary_tone or ("acknowledge" in first and (helps or reasons)) or (helps and reasons):
            first.setdefault("set_boundary", refusal_at)
        elif not helps:
            first.setdefault("cant_do", refusal_at)
    return sents, hits, combine(first)


def _echo(sentence, customer_content: set[str]) -> set[str]:
    """How much of a sentence reuses the customer's own words (a summary, a concession or a rebuttal
    usually does): a signal for the learned layer, never a move by itself."""
    mine = set(words(sentence.text)) - FUNCTION_WORDS
    if not mine or not customer_content:
        return set()
    share = len(mine & customer_content) / len(mine)
    return {"echo:high"} if share >= 0.5 else ({"echo:some"} if share >= 0.2 else set())


def find_moves(text: str, customer: str | None = None) -> tuple[dict[str, int], list]:
    """{move: index of the first sentence that does it}, and the sentences.

    The rules read each sentence; the learned layer (learned.py) then weighs the
    sentence's words together with the rules' verdicts. Without a model file the
    rules decide alone.
    """
    sents, hits, rule_found = rule_pass(text, customer)
    by_model = learned.reply_moves(sents, hits, rule_found)
    if by_model is None:
        return rule_found, sents
    return combine(by_model), sents


def combine(found: dict[str, int]) -> dict[str, int]:
    """Reply-level clean-up: real empathy anywhere means "I understand" was not the only empathy."""
    if "cliche_empathy" in found and "acknowledge" in found:
        del found["cliche_empathy"]
    return found


def score(found: dict[str, int]) -> tuple[int, list[str]]:
    """The 0–4 score and the rules that shaped it."""
    rules = []
    helpful = [m for m in HELPFUL if m in found]
    harmful = [m for m in HARMFUL if m in found]
    ack = _first(found, "acknowledge")
    und = _first(found, "ask", "restate")
    act = _first(found, "offer_options", "commit_next_step")
    chk = _first(found, "check_resolution")
    if not helpful and not set(harmful) & SERIOUS:
        return 0, ["no helpful move"]
    if not helpful:
        result = 1
    elif ack is not None and und is not None and act is not None:
        result = 3
        if chk is not None and ack <= und <= act <= chk:
            result = 4
        elif chk is not None:
            rules.append("order")
    elif ack is not None or (found.keys() & EMPATHY_ATTEMPT and (act is not None or und is not None or "explain_objectively" in found)) \
            or ("agree_part" in found and act is not None) or ("part_gracefully" in found and found.keys() & {"thank", "commit_next_step", "offer_options"}):
        result = 2
    else:
        result = 1
    if act is not None and found.get("offer_options", 10**6) < (ack if ack is not None else 10**6) and ack is not None:
        result = min(result, 2)
        rules.append("leapfrog")
    if set(harmful) & MINOR:
        result = min(result, 2)
        rules.append("minor anti-pattern")
    if set(harmful) & SERIOUS:
        # The guide keeps 0 for replies that would escalate: hostile ones, or several kinds of harm
        # with nothing useful. Any other serious anti-pattern caps at 1 (chosen to fit the labelled data).
        serious = set(harmful) & SERIOUS
        useful = set(helpful) - {"thank"}
        result = 0 if ("hostile" in found or (len(serious) >= 2 and not useful)) else min(result, 1)
        rules.append("serious anti-pattern")
    return result, rules


def next_step(found: dict[str, int], rules: list[str]) -> str:
    harmful = [m for m in HARMFUL if m in found]
    if harmful:
        return WHY[harmful[0]]
    if "leapfrog" in rules:
        return "You offered a fix before acknowledging them. Lead with empathy, then understand, then offer (euoc-process)."
    if "acknowledge" not in found:
        return "Start by naming what this has cost them, in their terms (show-empathy)."
    if "ask" not in found and "restate" not in found:
        return "Before offering, ask one open question or sum up what you heard (ask-questions)."
    if "offer_options" not in found and "commit_next_step" not in found:
        return "Move towards a fix: offer a concrete option or a next step with a time (offer-alternatives)."
    if "check_resolution" not in found:
        return "Finish by checking the plan works for them, e.g. \"Would that work for you?\" (check-resolution)."
    if "order" in rules:
        return "Keep the arc in order: empathy, then understand, then offer, then check (euoc-process)."
    return "This is the whole arc. Keep it this specific to the customer every time."


NAMES = {"ack": "an acknowledgement of their feelings or the impact", "und": "an open question or a summary of what they said",
         "act": "an offer or a next step with a time", "chk": "a check that the plan works for them"}


def explain(found: dict[str, int], result: int, rules: list[str]) -> str:
    """Why the reply got its score, in the guide's terms."""
    harmful = [m for m in HARMFUL if m in found]
    have = {"ack": "acknowledge" in found, "und": "ask" in found or "restate" in found,
            "act": "offer_options" in found or "commit_next_step" in found, "chk": "check_resolution" in found}
    missing = [NAMES[k] for k in ("ack", "und", "act") if not have[k]]
    if result == 4:
        return "4/4: the whole arc, in order: empathy, understanding, an offer, and a check."
    if set(harmful) & SERIOUS:
        return f"{result}/4: a reply with {', '.join(m.replace('_', ' ') for m in harmful if m in SERIOUS)} scores at most 1 (0 when it is hostile, or harmful in several ways with nothing useful)."
    if not found:
        return "0/4: this does not yet respond to the customer."
    if set(harmful) & MINOR and result <= 2 and not missing:
        return f"2/4: {', '.join(m.replace('_', ' ') for m in harmful)} caps a reply at 2."
    if "leapfrog" in rules:
        return "2/4: an offer came before any acknowledgement (leapfrogging), which caps a reply at 2."
    if result == 3:
        return ("3/4: acknowledgement, understanding and an offer are all there; a 4 also needs "
                + ("a check that the plan works." if not have["chk"] else "them in order: empathy, understand, offer, check."))
    if result == 1:
        return ("1/4: this moves to the problem without acknowledging the person; " +
                (f"{', '.join(m.replace('_', ' ') for m in harmful)} also caps it at 2; " if harmful else "") +
                f"a 3 needs {'; '.join(missing)}.")
    if set(harmful) & MINOR:
        return f"{result}/4: {', '.join(m.replace('_', ' ') for m in harmful)} caps a reply at 2, and a 3 also needs {'; '.join(missing)}."
    return f"{result}/4: a 3 needs an acknowledgement, an open question or summary, and an offer or next step; this reply is missing {'; '.join(missing)}."


def assess_reply(text: str, customer: str | None = None) -> Assessment:
    found, sents = find_moves(text, customer)
    result, rules = score(found)
    evidence = []
    for move in sorted(found, key=lambda m: (found[m], m)):
        evidence.append(Evidence(move, sents[found[move]].text, WHY[move], move in HELPFUL))
    if not found:
        evidence.append(Evidence("no_moves", "", "This does not yet respond to the customer's situation.", False))
    if "leapfrog" in rules:
        evidence.append(Evidence("leapfrog", sents[found["offer_options"]].text,
                                 "An offer came before any acknowledgement, which caps the reply at 2.", False))
    moves = tuple(m for m in (*HELPFUL, *HARMFUL) if m in found)
    return Assessment(kind="reply", score=result, moves=moves, evidence=tuple(evidence),
                      feedback=tuple(e.note for e in evidence) + (next_step(found, rules),),
                      explanation=explain(found, result, rules))
