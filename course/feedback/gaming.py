"""Gaming defences: texts that are not a genuine answer score 0 and earn no moves.

Each detector returns a (flag, note) pair or None. They look at the whole text,
not at keywords inside it, so a real answer that happens to use a course term
is not caught, while a list of course terms is.
"""
from __future__ import annotations

import re
from collections import Counter

from .text import FUNCTION_WORDS, containment, function_word_share, latin_share, sentences, words

# Words that name the course's moves and techniques: many of them, with little else, is stuffing.
LABEL_VOCAB = frozenset("""
empathy empathise empathize empathetic empathic acknowledge acknowledgement acknowledgment acknowledging apology apologise apologize
apologising apologizing thank thanks thanking gratitude restate restating summarise summarize summary summarising
options alternatives alternative choices brainstorm collaborate collaboration resolution resolve check checking
reassure reassurance boundary boundaries values objective objectively assertive assertively respect respectful
vent venting listen listening heard validate validation technique techniques euoc grievance follow-up followup
timeline sla slas contract contracts scope sign-off signoff expectations escalation de-escalate deescalate rapport
trust regroup leverage leveraging handover transition gracefully graciously fit mindset feelings facts offer
""".split())
TOKEN_ANSWERS = frozenset({"ok", "okay", "k", "idk", "n/a", "na", "none", "nothing", "yes", "no", "test", "asdf",
                           "see above", "same as above", "tbd", "todo", "done", "fine", "whatever", "dunno", "pass"})
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
CODE_LINE = re.compile(r"^\s*(def |class |import |from \S+ import|print\(|return |for .+ in .+:|if .+:\s*$|\{\s*\"|\"[a-z_]+\"\s*:|"
                       r"\|\s*-{3,}|[a-z_]+\s*=\s*[\[\{\"'0-9]|function\s*\(|console\.log|SELECT |<\?php)", re.M)


def _label_share(tokens: list[str]) -> float:
    content = [t for t in tokens if len(t) > 2]
    return sum(t.strip("#") in LABEL_VOCAB for t in content) / len(content) if content else 0.0


def detect(text: str, *, customer: str | None = None, prompt: str | None = None,
           course_text: str = "", kind: str = "reply") -> tuple[str, str] | None:
    """The first gaming pattern found in `text` as (flag, note for the learner), or None."""
    tokens = words(text)
    lowered = text.lower().strip(" .!?\n\t")
    if any(ch.isalpha() for ch in text) and latin_share(text) < 0.6:
        return "other_language", "This course assesses answers in English. Please write your answer in English sentences."
    if not tokens or lowered in TOKEN_ANSWERS or (len(tokens) <= 3 and kind == "reflection") or len(tokens) <= 2:
        return "token_answer", "This is too short to be an answer. Write what you would actually say, in full sentences."

    if latin_share(text) < 0.6:
        return "other_language", "This course assesses answers in English. Please write your answer in English sentences."

    tags = len(TAG.findall(text))
    code_lines = len(CODE_LINE.findall(text))
    symbol_share = sum(ch in "<>{}[]|=;`#\\" for ch in text) / max(1, len(text))
    if tags >= 2 or code_lines >= 2 or symbol_share > 0.06:
        return "code_markup", "This looks like code or markup rather than prose. Write your answer as plain sentences."

    hashtags = len(re.findall(r"(?<!\w)#\w+", text))
    punctuated = bool(re.search(r"[.!?,;:]", text))
    label = _label_share(tokens)
    fw = function_word_share(tokens)
    if hashtags >= 3 or (label >= 0.45 and fw < 0.25) or (len(tokens) >= 6 and label >= 0.3 and fw < 0.12):
        return "keyword_list", "This is a list of course terms, not an answer. Show the technique in what you would say instead of naming it."
    commas = text.count(",")
    if commas >= 5 and fw < 0.2 and len(tokens) / (commas + 1) < 3.5:
        return "keyword_list", "This is a list of terms, not an answer. Write it as you would say it."
    # Sentences made mostly of technique names ("I acknowledge, apologise, thank and offer options").
    stuffed = [s for s in sentences(text) if _label_share(words(s.text)) >= 0.4 and len(words(s.text)) >= 6]
    if stuffed and len(stuffed) >= max(1, len(sentences(text)) // 2):
        return "label_stuffing", "This names the techniques instead of using them. Say the words you would actually use with the customer."

    if fw < 0.15 and len(tokens) >= 6 and label < 0.2 and latin_share(text) >= 0.6 and _looks_foreign(text, tokens):
        return "other_language", "This course assesses answers in English. Please write your answer in English sentences."
    if len(tokens) >= 8 and not punctuated and text[:1].islower():
        return "word_salad", "These words do not form sentences. Write your answer as you would say it."

    sents = [s.lower for s in sentences(text)]
    if len(sents) >= 3:
        counts = Counter(re.sub(r"\W+", " ", s).strip() for s in sents)
        top, times = counts.most_common(1)[0]
        if times >= 3 or (len(counts) / len(sents) < 0.6 and len(sents) >= 4):
            return "repetition", "The same sentence is repeated. Say each thing once; repeating it does not add credit."
    eight = [tuple(tokens[i:i + 8]) for i in range(len(tokens) - 7)]
    if eight and Counter(eight).most_common(1)[0][1] >= 3:
        return "repetition", "Part of this is repeated several times. Say each thing once; repeating it does not add credit."

    if customer:
        cust = words(customer)
        if containment(tokens, cust) >= 0.5 or (containment(cust, tokens) >= 0.6 and len(tokens) - len(cust) < 30):
            return "pasted_customer", "Most of this repeats the customer's own message. Answer them in your own words."
    if prompt:
        pr = words(prompt)
        if containment(tokens, pr, 3) >= 0.45 or (containment(pr, tokens, 3) >= 0.6 and len(tokens) - len(pr) < 40):
            return "copy_of_prompt", "Most of this repeats the question. Answer it with your own story and thinking."
    if prompt and kind == "reflection":
        # the prompt turned round ("Think of a time when I...") still adds nothing of the writer's own
        prompt_vocab = set(words(prompt)) | {"i", "my", "me", "i'm", "i'll", "i've", "myself"}
        content = [t for t in tokens if t not in FUNCTION_WORDS]
        if content and sum(t in prompt_vocab or t.rstrip("s") in prompt_vocab for t in content) / len(content) >= 0.6:
            return "copy_of_prompt", "This mostly restates the question. Answer it with your own story and thinking."
    if kind == "reply" and len(_technique_phrases(text)) >= 3:
        return "label_stuffing", "This names the techniques instead of using them. Say the words you would actually use with the customer."
    listy = [s for s in sentences(text) if s.text.count(",") >= 6 and len(words(s.text)) / (s.text.count(",") + 1) < 3.2]
    if listy and sum(len(words(s.text)) for s in listy) >= 0.4 * len(tokens):
        return "keyword_list", "Most of this is a list of terms, not an answer. Write it as you would say it."
    if course_text and len(tokens) >= 8:
        ct = words(course_text)
        if containment(tokens, ct, 4) >= 0.5:
            return "copy_of_course_text", "Most of this is copied from the course text. Put the idea in your own words and apply it."
    return None


def _technique_phrases(text: str) -> set[str]:
    """Technique IDs spelled out in the text ("acknowledge ... grievance", "find where ... right")."""
    try:
        from ..content import catalogue
        ids = list(catalogue().techniques)
    except Exception:
        ids = []
    found = set()
    for sent in sentences(text):
        sw = set(words(sent.text))
        for tid in ids:
            parts = [w for w in tid.split("-") if w not in FUNCTION_WORDS]
            if len(parts) >= 2 and all(p in sw or p.rstrip("e") + "ing" in sw for p in parts):
                found.add(tid)
    return found


_FOREIGN_MARKS = re.compile(r"[àâäçéèêëîïôöùûüÿñßœæãõáíóú¿¡]", re.I)
_FOREIGN_WORDS = frozenset("""
le la les des un une est et je vous nous pas que qui pour avec sur dans du au
el los las y es por con para una lo del se su muy pero como
der die das und ist nicht ich sie wir mit für auf ein eine zu den dem
il che di non sono per con una gli
""".split())


def _looks_foreign(text: str, tokens: list[str]) -> bool:
    marks = len(_FOREIGN_MARKS.findall(text))
    foreign = sum(t in _FOREIGN_WORDS for t in tokens)
    return marks >= 2 or foreign / len(tokens) >= 0.12
