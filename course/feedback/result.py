"""What an assessment of a learner's text returns: a score and the reasons for it."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Evidence:
    """One reason for the score: what was found, the learner's words that show it, and a note."""

    label: str          # a move (reply), a criterion (reflection) or a flag
    quote: str          # the learner's own sentence or span; "" when the reason is about the whole text
    note: str           # one plain sentence: why it counts, or what to try instead
    helpful: bool       # True when it earned credit, False when it cost credit


@dataclass(frozen=True)
class Assessment:
    """The result of assessing one reply or reflection. The same text always gives the same result."""

    kind: str                               # "reply" or "reflection"
    score: int                              # 0 to 4, per shared/curriculum/feedback-moves.md
    moves: tuple[str, ...] = ()             # move labels found (replies)
    criteria: tuple[str, ...] = ()          # rubric criteria met (reflections)
    flags: tuple[str, ...] = ()             # gaming and cap reasons
    evidence: tuple[Evidence, ...] = ()     # one entry for each point given or taken
    feedback: tuple[str, ...] = field(default=())  # short sentences for the learner, next step last
    explanation: str = ""                    # one sentence: why this score, in the guide's terms

    @property
    def answered(self) -> bool:
        return "not_answered" not in self.flags

    def as_dict(self) -> dict:
        data = asdict(self)
        data["evidence"] = [asdict(e) for e in self.evidence]
        return data
