"""HTML for everything the course shows in a notebook. Every piece of text is escaped.

Learners' own words are echoed back in feedback, so they may contain anything,
including HTML or script tags; `esc` makes sure they are shown, never run.
"""
from __future__ import annotations

from html import escape

from .feedback import Assessment

QUOTE_CHARS = 240

STYLE = (
    "<style>.ta-box{border-left:4px solid #3a6ea5;padding:.4em .9em;margin:.4em 0;background:#f5f8fc;color:#1b1b1b}"
    ".ta-good{border-color:#2e7d32;background:#f1f8f1}.ta-try{border-color:#b26a00;background:#fff8ec}"
    ".ta-box q{font-style:italic}.ta-box ul{margin:.2em 0 .2em 1.2em;padding:0}</style>"
)


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def box(inner_html: str, tone: str = "") -> str:
    """A coloured panel; `tone` is "good", "try" or "" (neutral)."""
    tone_class = f" ta-{tone}" if tone else ""
    return f'{STYLE}<div class="ta-box{tone_class}" role="status">{inner_html}</div>'


def assessment_html(result: Assessment, *, title: str, points: int | None = None) -> str:
    """The instant feedback on a reply or reflection: score, each reason with its quote, next step."""
    if not result.answered:
        return box(f"<b>{esc(title)}</b>: not answered yet. Write your answer in the cell and run it (Shift+Enter).")
    earned = f"{result.score} / 4"
    if points:
        earned += f" (worth {result.score * points / 4:g} of {points} points)"
    items = []
    for ev in result.evidence:
        mark = "✔" if ev.helpful else "➜"
        quote = f' <q>{esc(shorten(ev.quote))}</q>' if ev.quote else ""
        items.append(f"<li>{mark} {esc(ev.note)}{quote}</li>")
    notes = {ev.note for ev in result.evidence}
    # "Try next" only when it adds something: for a gaming text it would repeat the reason word for word.
    next_step = esc(result.feedback[-1]) if result.feedback and result.feedback[-1] not in notes else ""
    tone = "good" if result.score >= 3 else "try"
    why = f"<p>{esc(result.explanation)}</p>" if result.explanation else ""
    return box(
        f"<b>{esc(title)}</b>: {esc(earned)}{why}<ul>{''.join(items)}</ul>"
        + (f"<p><b>Try next:</b> {next_step}</p>" if next_step else ""),
        tone,
    )


def assessment_text(result: Assessment, *, title: str, points: int | None = None) -> str:
    """The same feedback as plain text, for the grading cell's printed output and for the gradebook."""
    if not result.answered:
        return f"{title}: not answered yet."
    lines = [f"{title}: {result.score} / 4" + (f" -> {result.score * points / 4:g} of {points} points" if points else "")]
    if result.explanation:
        lines.append(f"  Why: {result.explanation}")
    for ev in result.evidence:
        quote = f' "{shorten(ev.quote, 120)}"' if ev.quote else ""
        lines.append(f"  {'+' if ev.helpful else '-'} {ev.note}{quote}")
    if result.feedback and result.feedback[-1] not in {ev.note for ev in result.evidence}:
        lines.append(f"  Try next: {result.feedback[-1]}")
    return "\n".join(lines)
