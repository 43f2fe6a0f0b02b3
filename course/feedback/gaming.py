"""Gaming defences: texts that are not a genuine answer score 0 and earn no moves.

Each detector returns a (flag, note) pair or None. They look at the whole text,
not at keywords inside it, so a real answer that happens to use a course term
is not caught, while a list of course terms is.
"""
from __future__ import annotations

import functools
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
# Nouns that name techniques or rubric parts: sentences made of these describe an answer instead of giving one.
TECH_NOUNS = frozenset("""
empathy acknowledgement acknowledgment apology apologies restate restating summarising summarizing summary options alternatives
resolution brainstorm brainstorming collaboration reassurance boundary boundaries values objectivity assertiveness venting validation
technique techniques euoc grievance timeline sla escalation rapport regroup handover mindset criteria criterion situation analysis
plan impact cause questions steps feelings facts empathise empathize acknowledge apologise apologize empathic empathetic
""".split())
PRONOUNS = {"i": "P", "me": "P", "my": "P", "mine": "P", "you": "P", "your": "P", "yours": "P", "she": "P", "her": "P", "he": "P",
            "him": "P", "his": "P", "they": "P", "them": "P", "their": "P", "we": "P", "us": "P", "our": "P", "i'm": "P BE",
            "you're": "P BE", "she's": "P BE", "he's": "P BE", "they're": "P BE", "i've": "P HAVE", "you've": "P HAVE",
            "she'd": "P HAVE", "he'd": "P HAVE", "i'd": "P HAVE", "you'd": "P HAVE", "they'd": "P HAVE", "am": "BE", "are": "BE",
            "is": "BE", "was": "BE", "were": "BE", "have": "HAVE", "has": "HAVE", "had": "HAVE", "myself": "P", "yourself": "P", "herself": "P"}
TOKEN_ANSWERS = frozenset({"ok", "okay", "k", "idk", "n/a", "na", "none", "nothing", "yes", "no", "test", "asdf",
                           "see above", "same as above", "tbd", "todo", "done", "fine", "whatever", "dunno", "pass"})
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
CODE_LINE = re.compile(r"^\s*(-?\s*[a-z]+_[a-z_]+\s*:|[a-z_]+:\s*(?:true|false|\"[^\"]*\")\s*$|def |class |import |from \S+ import|print\(|return |for .+ in .+:|if .+:\s*$|\{\s*\"|\"[a-z_]+\"\s*:|"
                       r"\|\s*-{3,}|[a-z_]+\s*=\s*[\[\{\"'0-9]|function\s*\(|console\.log|SELECT |<\?php)", re.M)


def _neutral(tokens: list[str]) -> list[str]:
    """Tokens with pronouns and auxiliaries folded, so "I've been on hold" matches "she'd been on hold"."""
    return " ".join(PRONOUNS.get(t, t) for t in tokens).split()


def _content_adjacency(tokens: list[str]) -> float:
    """Share of neighbouring word pairs that are both content words: high in word salad and keyword lists."""
    pairs = list(zip(tokens, tokens[1:]))
    if not pairs:
        return 0.0
    content = lambda t: t not in FUNCTION_WORDS and t not in PRONOUNS and "'" not in t
    return sum(content(a) and content(b) for a, b in pairs) / len(pairs)


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
    if len(tokens) >= 10 and _content_adjacency(tokens) >= 0.55:
        return "word_salad", "These words do not form sentences. Write your answer as you would say it."
    bullets = [ln for ln in text.splitlines() if re.match(r"\s*[-*•]\s+\S", ln)]
    if len(bullets) >= 4 and sum(len(words(b)) <= 5 for b in bullets) >= 0.7 * len(bullets):
        return "keyword_list", "This is a list of short points, not an answer. Write it as you would say it."
    lowered_text = text.lower()
    if re.search(r"\bthis (?:reply|reflection|answer|response)\b", lowered_text) and \
            sum(t in LABEL_VOCAB or t in TECH_NOUNS for t in tokens) / len(tokens) >= 0.06:
        return "label_stuffing", "This describes what an answer should contain instead of answering. Say the words you would actually use."
    if len(re.findall(r"\b(?:technique|situation|analysis|plan|empathy|offer|check|understand)\s*:", lowered_text)) >= 3 and "✔" in text:
        return "label_stuffing", "This ticks off the rubric instead of answering it. Write your reflection as prose."
    sent_objs = sentences(text)
    nouny = [x for x in sent_objs if _noun_label_sentence(x.text)]
    if len(sent_objs) >= 3 and len(nouny) >= 0.5 * len(sent_objs):
        return "label_stuffing", "These sentences name techniques instead of using them. Say what you would actually say."
    starts = Counter(" ".join(words(x.text)[:3]) for x in sent_objs if len(words(x.text)) >= 3)
    if sent_objs and starts and starts.most_common(1)[0][1] >= 3 and starts.most_common(1)[0][1] >= 0.5 * len(sent_objs):
        return "repetition", "The same sentence pattern is repeated. Say each thing once, in your own words."

    sents = [s.lower for s in sentences(text)]
    if len(sents) >= 3:
        counts = Counter(re.sub(r"\W+", " ", s).strip() for s in sents)
        top, times = counts.most_common(1)[0]
        if times >= 3 or (len(counts) / len(sents) < 0.6 and len(sents) >= 4):
            return "repetition", "The same sentence is repeated. Say each thing once; repeating it does not add credit."
    eight = [tuple(tokens[i:i + 8]) for i in range(len(tokens) - 7)]
    if eight and Counter(eight).most_common(1)[0][1] >= 3:
        return "repetition", "Part of this is repeated several times. Say each thing once; repeating it does not add credit."

    own = set(tokens)
    if kind == "reflection" and len(tokens) >= 60 and not own & {"i", "me", "my", "i'm", "i've", "i'd", "i'll", "myself"} \
            and not re.search(r"\d", text) and not _team_story(text):
        return "padding", "This is general writing with no experience of your own. Reflect on a real situation you lived or saw."
    if kind == "reply" and len(tokens) >= 80 and not own & {"you", "your", "you're", "you've", "you'll", "yours", "u", "ur", "ya", "y'all"}:
        return "padding", "This never speaks to the customer about their case. Write to them, about what happened to them."
    if customer:
        cust = _neutral(words(customer))
        mine = _neutral(tokens)
        if containment(mine, cust) >= 0.5 or (containment(cust, mine) >= 0.6 and len(tokens) - len(cust) < 30):
            return "pasted_customer", "Most of this repeats the customer's own message. Answer them in your own words."
        engaged = _engagement(tokens, words(customer))
        if len(tokens) >= 70 and engaged is not None and engaged < 0.1 and _corporate(tokens):
            return "padding", "This does not engage with what the customer said. Answer their situation, not customers in general."
    if prompt:
        pr = words(prompt)
        if containment(tokens, pr, 3) >= 0.45 or (containment(pr, tokens, 3) >= 0.6 and len(tokens) - len(pr) < 40):
            return "copy_of_prompt", "Most of this repeats the question. Answer it with your own story and thinking."
    if kind == "reflection":
        questions = [x for x in sentences(text) if x.text.rstrip().endswith("?")]
        if questions and len(questions) >= 0.5 * len(sentences(text)):
            return "copy_of_prompt", "This asks questions back instead of answering them. Answer with your own story and thinking."
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
        ct = _neutral(words(course_text))
        if containment(_neutral(tokens), ct, 4) >= 0.5:
            return "copy_of_course_text", "Most of this is copied from the course text. Put the idea in your own words and apply it."
    return None


@functools.lru_cache(maxsize=1)
def _technique_word_sets() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each technique ID as the set of its content words, built once."""
    try:
        from ..content import catalogue
        ids = list(catalogue(check=False).techniques)
    except Exception:  # the engine must work even if course content cannot load
        ids = []
    sets = []
    for tid in ids:
        parts = [w for w in tid.split("-") if w not in FUNCTION_WORDS]
        if len(parts) >= 2:
            sets.append((tid, frozenset(parts)))
    return tuple(sets)


def _technique_phrases(text: str) -> set[str]:
    """Technique IDs spelled out in the text ("acknowledge ... grievance", "find where ... right")."""
    found = set()
    for sent in sentences(text):
        sw = set(words(sent.text))
        stems = [w[:-3] for w in sw if w.endswith("ing")]
        sw |= set(stems) | {stem + "e" for stem in stems}  # "listening" -> listen, "acknowledging" -> acknowledge
        for tid, parts in _technique_word_sets():
            if parts <= sw:
                found.add(tid)
    return found


def _noun_label_sentence(sentence: str) -> bool:
    content = [t for t in words(sentence) if t not in FUNCTION_WORDS]
    hits = sum(t in TECH_NOUNS for t in content)
    return hits >= 2 and hits / max(1, len(content)) >= 0.35 or (hits >= 1 and len(content) <= 3 and hits / len(content) >= 0.5)


CORPORATE = frozenset("""committed commitment mission values valued valuable innovation innovative leverage cutting-edge
excellence strive dedicated passionate customer-centric world-class solutions stakeholders empower empowering seamless
journey experience experiences ensure ensuring policies designed providing deliver delivering quality standards
valuable opportunity fast-paced mindful lifelong improvement environment positive growth grow""".split())


def _team_story(text: str) -> bool:
    """A story told in a team's voice ("we sat on the tarmac for two hours", "the manager rang us"): experience, not padding."""
    return len(re.findall(r"\b(?:we|us|our)\b[^.?!]*\b(?:was|were|had|did|said|told|sat|rang|called|got|went|came|found|asked|\w+ed)\b|"
                          r"\b(?:was|were|had|did|said|told|rang|called|asked|\w+ed)\b[^.?!]*\b(?:we|us|our)\b", text, re.I)) >= 2


def _corporate(tokens: list[str]) -> bool:
    """Boilerplate voice: mission-statement words, few words addressed to this customer."""
    return sum(t in CORPORATE for t in tokens) >= 4


def _engagement(tokens: list[str], customer_tokens: list[str]) -> float | None:
    """Share of the customer's distinctive words that the reply takes up (None when the message is too short)."""
    theirs = {t for t in customer_tokens if t not in FUNCTION_WORDS and len(t) > 3}
    if len(theirs) < 6:
        return None
    return len(theirs & set(tokens)) / len(theirs)


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
