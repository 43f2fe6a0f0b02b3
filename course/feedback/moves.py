"""Sentence-level recognisers for the moves of shared/curriculum/feedback-moves.md.

Each recogniser reads one sentence and says whether it clearly does the move,
by meaning: patterns are phrased around what the sentence does (names a
feeling, asks an open question, commits to a time), with guards for negation
("I don't understand why you're upset"), conditional and "but" apologies,
and rhetorical or hostile questions. `find_moves` returns, for each move, the
first sentence that earned it; a move is credited once however often it recurs.
"""
from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from dataclasses import dataclass

from .text import Sentence


def rx(*parts: str) -> "Alternatives":
    """A case-insensitive pattern matching any of `parts` (see Alternatives for why not one big regex)."""
    return Alternatives(parts)


def _required_literals(items) -> frozenset[str] | None:
    """Words one of which must appear (lower-cased) wherever this parsed regex matches, or None if unsure."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        if len(run) >= 3:
            options.append(frozenset({"".join(run).lower()}))
        run.clear()

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av))
            continue
        flush()
        if op is _c.BRANCH:
            alternatives = [_required_literals(alt) for alt in av[1]]
            if all(alternatives):
                options.append(frozenset().union(*alternatives))
        elif op is _c.SUBPATTERN:
            inner = _required_literals(av[-1])
            if inner:
                options.append(inner)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            inner = _required_literals(av[2])
            if inner:
                options.append(inner)
    flush()
    if not options:
        return None
    return min(options, key=lambda o: (min(map(len, o)) < 4, len(o), -min(map(len, o))))


class Alternatives:
    """Like re.compile("|".join(parts), re.I), but fast on long lists of alternatives.

    Python's regex engine tries every alternative at every position, so a rule of
    eighty phrasings costs eighty scans of each sentence. Most alternatives need
    a word that a plain substring test can look for first ("sorry", "policy"); only
    the alternatives whose word is present are searched. `search` returns exactly
    what the single combined regex would (the leftmost match, earlier alternative
    first), which tests/test_feedback.py checks on the whole corpus.
    """

    def __init__(self, parts: tuple[str, ...]):
        self.parts = parts
        self.pattern = "|".join(f"(?:{p})" for p in parts)
        self.combined = re.compile(self.pattern, re.I)
        self.guarded: list[tuple[int, frozenset[str], re.Pattern]] = []
        unguarded: list[int] = []
        for i, part in enumerate(parts):
            literals = _required_literals(_parser.parse(part))
            if literals:
                self.guarded.append((i, literals, re.compile(part, re.I)))
            else:
                unguarded.append(i)
        self.unguarded = [(i, re.compile(parts[i], re.I)) for i in unguarded]
        self.literals = tuple(sorted({word for _, literals, _ in self.guarded for word in literals}))
        self.by_literal: dict[str, list[int]] = {}  # literal -> positions in self.guarded that need it
        for k, (_, literals, _) in enumerate(self.guarded):
            for word in literals:
                self.by_literal.setdefault(word, []).append(k)

    def search(self, text: str) -> re.Match | None:
        present = filter(text.lower().__contains__, self.literals)
        candidates = sorted({k for word in present for k in self.by_literal[word]})
        best: tuple[int, int, re.Match] | None = None
        for k in candidates:
            i, _, pattern = self.guarded[k]
            found = pattern.search(text)
            if found and (best is None or (found.start(), i) < best[:2]):
                best = (found.start(), i, found)
        for i, pattern in self.unguarded:
            found = pattern.search(text)
            if found and (best is None or (found.start(), i) < best[:2]):
                best = (found.start(), i, found)
        return best[2] if best else None

    def findall(self, text: str) -> list:
        return self.combined.findall(text)


NEG = r"(?:don'?t|do not|didn'?t|did not|can'?t|cannot|won'?t|will not|not|never|no)"
FEEL = (r"(?:frustrat\w*|stress\w*|upset\w*|angry|anger|annoy\w*|worr\w*|disappoint\w*|exhaust\w*|maddening|awful|"
        r"horrible|terrible|rotten|infuriat\w*|scar(?:y|ed|ing)|frighten\w*|anxious|anxiety|overwhelm\w*|embarrass\w*|"
        r"hurt\w*|unfair|upsetting|distress\w*|nightmare|shock\w*|panic\w*|furious|fed up|let down|heartbreak\w*|"
        r"miserable|draining|exasperat\w*|insult\w*|humiliat\w*|alarming|unsettling|confus\w*|painful|tough|hard|"
        r"difficult|rough|nerve-?wracking|a lot to deal with|unacceptable|not (?:okay|ok|acceptable|good enough|fair|right)|"
        r"the last thing you need\w*|a mess|pressure|inconvenient|serious|bad position|awkward|lonely|helpless|"
        r"powerless|ignored|dismissed|fobbed off|brushed off|messed around|pushed around|out of pocket|stuck|stranded|"
        r"costly|expensive|concern\w*|sad|grie\w*|loss|devastat\w*|brutal|gutting|gutted|galling|a blow|a knock|a hit|stings?|wearing|worn out|fed up)")

ACKNOWLEDGE = rx(r"\b(?:i|we) (?:\w+ )?(?:recogni[sz]e|reali[sz]e|understand|can see|know|appreciate|hear|heard)(?: clearly)? (?:how|what|that|the|why)\b", r"\b(?:far too long|too long to|a nasty (?:surprise|shock)|a (?:real |huge )?burden|a lot of extra work|a real problem|a serious problem|a big jump|mortifying|unwelcome|wasted (?:day|morning|afternoon|trip|journey|evening|weekend|months?|weeks?))\b", r"\bthe [a-z ]{1,25} matters\b", r"\bmatters (?:to you|a lot|so much)\b", r"\bisn'?t what you (?:came|paid|signed up|booked|asked|expected)\b", r"\byou (?:don'?t|won'?t|can'?t) get back\b", r"\bmeans (?:your|you)\b[^.?!]*\b(?:can'?t|cannot|won'?t|have to|lose|miss|start)\b", r"\byou(?:'re| are) (?:right|entitled) to (?:expect|want|ask)\b",
           r"\b(?:a lot|so much|everything) (?:is |was )?riding on\b", r"\byou(?:\'ve| have) put (?:\w+ ){0,3}(?:work|time|effort|money|heart|hours)\b", r"\b(?:falls?|lands?|landed|land) on (?:you|your)\b", r"\breflects? on you\b", rf"\b(?:have|has|had) been\s+(?:\w+\s+){{0,2}}{FEEL}", r"\b(?:is|was|isn\'t|wasn\'t|it\'s) not easy\b", r"\bnot easy (?:for you|to)\b", r"\bmade (?:a|an|the|your) (?:\w+ )?\w+ (?:worse|harder)\b", r"\bi (?:understand|get) (?:wanting|needing|that you|you wanting)\b",
           r"\b(?:nobody|no one|no-one) should (?:be|have to|ever)\b", r"\bi(?:'d| would) (?:want|need|be|feel|expect)\b[^.?!]*\btoo\b",
    r"\bwould \w+ (?:anyone|anybody|everyone|most people)\b", r"\b(?:anyone|anybody|everyone|most people) would\b", r"\bwears? (?:a person|anyone|you) (?:right )?down\b",
    r"\bnot (?:cool|fair|right|on)\b", r"\bi (?:can )?imagine\b", r"\byou deserve\b", r"\b(?:left|leaves|leaving|made|makes|making) you (?:feeling|feel)\b",
    r"\byou(?:'ve| have)? (?:been )?(?:standing|sitting|calling|chasing|ringing|going round|sent|waiting|stuck|left)\b[^.?!]*\b(?:\d|hours?|minutes?|days?|weeks?|months?|nobody|no one|nothing)\b",
    r"\bmore patience than\b", r"\bthat takes\b", r"\bshouldn\'?t have to\b", r"\b(?:a |the )?(?:huge|big|real|massive|serious) (?:hit|blow|knock)\b", r"\bi(?:\'d| would) (?:be|feel)\b[^.?!]*\btoo\b", rf"\bsorry (?:that )?(?:it'?s|it has|you'?ve|you have|you'?re|you were|this has|this is|we)\b[^.?!]*\b(?:feel\w*|{FEEL}|wasted|let you down|put you|left you)",
           
    rf"\bi (?:can |could )?(?:really |completely |totally |fully |absolutely )?(?:hear|see|tell|imagine|appreciate|get|understand|recognise|recognize) (?:how|why|that|what|just how|the)\b[^.?!]*",
    rf"\b(?:that|this|it|which|what)(?:'s| is| was| has been| must (?:be|have been)| sounds?(?: like)?| would (?:be|have been)| feels?| seems?)\s+(?:\w+\s+){{0,4}}{FEEL}",
    rf"\b{FEEL}\b[^.?!]*\b(?:for you|on you|to you|for your|with your|you(?:'ve| have)? (?:had|been))\b",
    r"\bno wonder you(?:'re| are| feel)\b", r"\byou (?:have )?every right to\b", r"\b(?:it'?s|that'?s|that is|it is) (?:completely |totally |perfectly )?understandable\b",
    r"\bi(?:'d| would) (?:be|feel) (?:\w+ )?(?:annoyed|upset|angry|frustrated|furious|the same|worried|livid|gutted|cross)\b",
    r"\bi can only imagine\b", r"\byou(?:'re| are) (?:right|entitled) to (?:be|feel)\b",
    r"\byou(?:'ve| have)? (?:been|had|were) (?:left|put|kept|made|forced|passed|transferred|bounced|waiting|stuck|let down|messed)\b",
    r"\b(?:you|your \w+)(?:'ve| have)? (?:lost|missed|had to|been without|spent|were left|ended up)\b",
    r"\bshouldn'?t have (?:had to|been (?:left|put|made|kept))\b", r"\bthat'?s not (?:how|what) (?:it|this|you)\b",
    r"\bi hear you\b", r"\bthat'?s a lot\b", r"\bmust (?:have been|be) (?:\w+ ){0,2}" + FEEL,
    rf"\byou(?:'re| are| must be| must feel| feel|'ve been| have been)\s+(?:\w+\s+){{0,2}}{FEEL}",
    rf"\b(?:put|puts|left|leaves|putting|leaving) you in\b", r"\b(?:at risk|in jeopardy|on the line)\b",
    rf"\bi(?:'m| am) (?:so |really |truly |very )?sorry (?:to hear|that|about|for)\b[^.?!]*\b(?:{FEEL}|you)\b",
    r"\bthat must\b", r"\bof course you(?:'re| are| feel| would)\b", r"\bi'?d feel the same\b",
    rf"\b(?:is|was|are|were|'s|would be|must be|feels?|sounds?)\s+(?:\w+\s+){{0,3}}{FEEL}\b",
    r"\bwould (?:have|make|wind|drive|take|put|leave|upset|frustrate|annoy|worry)\b[^.?!]*\b(?:anyone|anybody|everyone|most people|me)\b",
    r"\blet-?down\b", r"\bi can (?:see|tell|hear) (?:you|you'?re|you'?ve|you'?d|this|that|it'?s)\b", r"\bfair enough to be\b",
    r"\b(?:oh no|oh dear|how awful|how horrible|what a)\b", r"\btake the shine off\b",
    r"\bi (?:understand|get it|see) (?:how|why|that) (?:this|that|it|you)\b",
)
ACK_BLOCK = rx(rf"\b{NEG}\s+(?:\w+\s+)?(?:understand|see|get) why\b", r"\bif you feel\b", r"\bi know how you feel\b",
               r"\bi know exactly how\b", r"\bcalm down\b", r"\bnot (?:a|that) big (?:a )?deal\b", r"\bhow you feel\b",
               r"\b(?:what|why) (?:did|do) you expect\b", r"\bsorry if\b", r"\bsorry you feel\b", r"\bsorry that you feel\b",
               r"\bi see (?:that )?(?:your|the) (?:order|account|booking|file|ticket|record|notes?|system)\b",
               r"\bi see here\b", r"\bi can see (?:from|on|in) (?:the|your|our)\b")

APOLOGY = rx(r"\b(?:i'?m|i am|we'?re|we are)\s+(?:\w+\s+){0,2}sorry\b", r"\b(?:i|we) (?:\w+ )?apologi[sz]e\b",
             r"\b(?:my|our|sincere|many|deepest|sincerest) apologies\b", r"\bplease accept (?:my|our) (?:sincere )?apolog",
             r"^sorry\b", r"\bso sorry\b", r"\breally sorry\b", r"\bapologies for\b")
NON_APOLOGY = rx(r"\bsorry (?:if|that you feel|you feel|you feel|you think|you're feeling|you are feeling|for any confusion you may)\b",
                 r"\bapologi[sz]e if\b", r"\bsorry,? but\b", r"\bsorry\b[^.?!]{0,60}\b(?:but|however)\b",
                 r"\bapologi[sz]e\b[^.?!]{0,60}\b(?:but|however)\b", r"\bsorry you (?:see|took|misunderstood|misread)\b",
                 r"\bsorry if you\b", r"\bsorry for (?:your|any) (?:misunderstanding|confusion)\b")

THANK = rx(r"\bthank(?:s| you)\b", r"\bi (?:really |do )?appreciate (?:you|your|it|that|the time)\b", r"\bgrateful (?:for|that|you)\b",
           r"\bcheers for\b")
THANK_BLOCK = rx(r"\bno,? thanks?\b", r"\bthanks? for nothing\b", r"\bthanks? a lot\b(?![^.?!]*\bfor (?:your|telling|raising|letting))")

WH = r"(?:what|how|why|when|which|where|who|whose)"
ASK_OPEN = rx(rf"^(?:and |so |also |ok(?:ay)?,? |right,? |first,? |please,? )?{WH}\b[^?]*\?",
              rf"[,;:]\s*{WH}\b[^?]*\?", rf"\b(?:can|could|would|will) you (?:please )?(?:tell|walk|talk|take|help|share|describe|explain|give) (?:me|us)\b[^?]*(?:{WH}|more|about|through)\b",
              r"\b(?:tell|walk|talk|take) me (?:through|more|about|everything|what|how|exactly)\b", r"\bhelp me understand\b",
              rf"\bi(?:'d| would) (?:like|love) to (?:hear|know|understand) (?:more|{WH}|about|everything)\b",
              r"\bwhat (?:would|does|will) (?:a )?(?:good|fair|great|right|best) (?:outcome|result|solution|resolution)\b",
              rf"\bcan i ask (?:you )?{WH}\b", r"\bdo you (?:mind )?(?:tell|explain)ing\b", rf"\bis there anything (?:else )?(?:you(?:'d| would) like me to know|I should know)\b")
ASK_BLOCK = rx(r"\b(?:order|account|reference|ref|booking|policy|membership|customer|case|ticket|tracking|invoice|claim|phone|serial|member) (?:number|no|id|code)\b",
               r"\bpost ?code\b", r"\bzip\b", r"\bemail address\b", r"\bdate of birth\b", r"\bwhat'?s your (?:name|address|email|number)\b",
               r"\bwhat did you expect\b", r"\bwhy (?:didn'?t|did not|don'?t|do not|can'?t|won'?t|would|on earth|would you) you\b", r"\bhow (?:hard|difficult|many times)\b",
               r"\bdid you (?:even|actually|really|not)\b", r"\bdo you (?:even|really|honestly)\b", r"\bwhat (?:else )?do you want (?:me|us) to\b",
               r"\bwho do you think\b", r"\bwhat part of\b", r"\bseriously\b", r"\bwhich (?:one|option|would you (?:prefer|like|rather))\b",
               r"\bwhich (?:do|would) you (?:prefer|like|rather|choose)\b", r"\bwhat time (?:works|suits|is best)\b",
               r"\b(?:which|what) (?:day|date|time|slot)\b")

RESTATE = rx(r"^[^:]{0,60}\b(?:got it|got this|got that|clear|confirm|summari[sz]e|understood|understand|recap|be sure|sure i|what i have|what i heard|heard you|check i|to check|play it back|say it back)\b[^:]{0,20}:\s*\S",
             r"^(?:\[[^\]]*\]\s*)?(?:okay,? |ok,? |right,? |alright,? )?so,? (?!i'll|we'll|let's|i will|we will|i can|we can|i'm|i've|i have|please|if\b|what|how|can|could|would|do|does|is|are|that's|thanks)\w+\b[^.?!]{30,}[.!]?$",
             r"\b(?:confirm|check|make sure (?:i|we)(?:\'ve| have)?)\b[^.?!]{0,30}\b(?:understanding|heard (?:all|everything|it)|understood)\b", r"\bour understanding\b", r"^[a-z .\'-]{2,30}, so (?:your|you|the)\b[^.?!]{20,}",
           r"^(?:ok(?:ay)?|right|alright)[.,!]*\s*so\b[^.?!]{15,}", r"^so,? (?:it|they|the|your|you|he|she)\b(?![^.?!]*\b(?:i'll|we'll|let's|i will|we will)\b)[^.?!]{25,}",
             r"\bas i (?:read|understand|hear) (?:it|your|you|this|that)\b", r"\bon the same page\b", r"\b(?:get|have) (?:the|this|that|it) (?:timeline|facts|order of events|story) (?:straight|right)\b",
             r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten) \w+,[^.?!]*,[^.?!]*$", r"\bfrom what you(?:'ve| have)? (?:said|told me|described|written)\b", r"\bif i(?:'m| am) reading (?:this|you|it) right\b",
             r"\bto check i(?:\'ve| have)? (?:understood|got)\b", r"\bjust so i (?:fix|get|look at|understand|have|know|sort)\b", r"^.{60,}(?:,|:|—|-)\s*(?:correct|right|is that right|is that correct|have i got that right|yes)\?$",
           r"\bso (?:what )?i(?:'m| am) hearing\b", r"\bwhat i(?:'m| am)? hear(?:ing|d)?(?: you say(?:ing)?)? (?:is|was)\b",
             r"\b(?:if|let me (?:make sure|check)) i(?:'ve| have)? (?:got|understood|understand) (?:this|that|it|you|everything)? ?(?:right|correctly)\b",
             r"\bjust (?:so|to make sure) i(?:'m| am)? (?:clear|understand|have (?:it|this) right)\b", r"\bto (?:recap|sum up|summari[sz]e)\b",
             r"\blet me (?:play|read|say|repeat|sum|summari[sz]e|recap) (?:that|it|this|back|up)\b", r"\bplay(?:ing)? (?:it|that|this) back\b",
             r"\bif i understand (?:you |this |that )?(?:correctly|right)\b", r"\bso,? (?:just )?to (?:check|confirm|be clear)\b",
             r"\bhave i (?:got|understood) (?:that|this|it|everything) (?:right|correctly)\b", r"\bso if i(?:'ve| have) got (?:this|it|that) right\b",
             r"\bi want to make sure i(?:'ve| have)? (?:got|understood|understand)\b", r"\bso i understand correctly\b",
             r"\bso (?:you'?re|you are) (?:saying|telling me)\b", r"\bwhat you'?re (?:saying|telling me) is\b", r"\bdid i (?:get|understand) (?:that|this|it|you) right\b",
             r"^so,? (?:the|your|you've|you have|you)\b[^.?!]{25,}", r"\b(?:got|have|understood) (?:it|this|that|the facts|everything|all that)(?: \w+)? (?:right|straight|correct|correctly)\b",
             r"\bmake sure i(?: understand|'ve got| have got| have understood| heard| got)\b", r"\bjust so i'?m (?:clear|sure)\b", r"\bcheck i'?ve got\b",
             r"\bso i'?ve got (?:it|this|that)\b", r"\bso,? to confirm\b", r"\bif i'?m hearing you\b", r"\bin other words\b")
AGREE_PART = rx(r"\b(?:it\'?s|that\'?s|it is|that is|none of (?:it|this|that) (?:is|was)|this isn\'?t|it isn\'?t) (?:not )?(?:your|ur) fault\b", r"\bi(?:\'ll| will) grant you\b", r"\b(?:that|this) (?:part )?is (?:absolutely |completely |entirely )?(?:true|fair)\b", r"\bnot (?:the|what) (?:care|service|standard|experience)\b[^.?!]*\b(?:paying|deserve|expect|promised)\b",
           r"\byou(?:'re| are) (?:absolutely |completely |quite |totally |entirely )?(?:right|correct)\b(?! to (?:be|feel))",
                r"\byou (?:have|make|raise) a (?:fair|good|valid) point\b", r"\b(?:that'?s|that is) (?:a )?(?:fair|valid) (?:point|question|criticism)\b",
                r"\bfair point\b", r"\bi agree (?:with you|that|completely|entirely)\b", r"\bwe (?:should|could) have (?:told|called|warned|flagged|let you know|been clearer|done better|checked)\b",
                r"\b(?:that'?s|this is) on us\b", r"\bwe (?:got (?:this|that|it) wrong|dropped the ball|messed (?:this|that|it) up|made a mistake|fell short|let you down)\b",
                r"\byou(?:'re| are) right (?:that|about)\b", r"\bthat (?:was|is) (?:our|my) (?:mistake|error|fault)\b", r"\bit was (?:our|my) (?:mistake|error|fault)\b",
                r"\bthat should(?:n'?t| not) have happened\b", r"\bthat should have been\b",
                # owning the fault: "the mistake is ours", "a failing on my side", "our doing, not yours"
                r"\b(?:mistake|error|fault|failure|mix-up|oversight|slip) (?:is|was|lies) (?:entirely |all |completely |fully |clearly )?(?:ours|mine|on us|on me|on our side|on our end|from our side|with us)\b",
                r"\bours,? not yours\b", r"\bour (?:own )?doing\b", r"\b(?:fault|failing|failure|mistake|error|oversight) (?:of ours|on (?:my|our) (?:side|part|end)|from our side)\b",
                r"\b(?:is|was|that'?s|it'?s) (?:entirely |completely |all |clearly )?our (?:fault|failure|failing|mistake|error|doing|oversight)\b",
                # "should have": what we or our side failed to do (not "you should have read...", which is blame)
                r"\b(?:we|i|it|that|this|which|someone|somebody|(?:our|the) (?:letter|email|invoice|bill|form|app|system|engineer|driver|technician|team|booking|confirmation|website|shuttle|room|order|delivery|line|charge|notice|reminder|call|staff|receptionist|agent|crew|kitchen)) (?:really |definitely |clearly |certainly )?should(?:n'?t| not| never)? have (?:been|had|done|known|told|sent|seen|caught|given|taken|made|gone|come|rung|called|phoned|said|spoken|written|shown|checked|flagged|warned|asked|explained|answered|arrived|happened|included|mentioned|noticed|updated|offered|sorted|picked|listened|followed|passed|put|kept|left|got|informed|contacted|waited|booked|\w+ed)\b",
                r"\bshould(?:n'?t| not| never) have (?:been|happened|had to|needed to)\b", r"\byou should have been (?:told|called|informed|warned|given|offered|contacted|kept|phoned|asked)\b",
                # judging our own service: "not good enough", "indefensible", "no excuse"
                r"\b(?:is|was|were|are|has been|have been|isn'?t|wasn'?t) (?:simply |just |frankly |honestly |really |clearly )?(?:not |n't )?(?:acceptable|good enough|ok|okay|on)[.!,;]", r"\b(?:not|n't) (?:acceptable|good enough)\b",
                r"\b(?:unacceptable|indefensible|inexcusable)\b", r"\bno excuse\b", r"\bno way around (?:it|that)\b", r"\bhold (?:my|our) hands? up\b",
                r"\b(?:i|we) (?:won'?t|will not|can'?t|cannot|am not going to|'m not going to) (?:argue with (?:that|you|this)|pretend otherwise|pretend (?:it|this|that) (?:was|is)|deny (?:it|that|this)|dispute (?:that|it|this)|defend (?:it|that|this))\b",
                # conceding their point: "you were quite right to count on it", "you've got a point", "you did send it"
                r"\byou were (?:quite |completely |absolutely |totally |entirely |perfectly )?(?:right|correct)\b(?! to (?:be|feel))", r"\byou(?:'ve| have)? got (?:a|every) (?:fair |good |valid |real )?point\b", r"\byou have a point\b", r"\byou(?:'re| are) not (?:wrong|imagining (?:it|things))\b", r"\byou weren'?t wrong\b",
                r"^(?:it'?s|that'?s|it is|that is) (?:true|fair)\b", r"\byou did (?:send|tell|call|give|ask|pay|mention|book|email|order|follow)\b",
                r"\bwe (?:underestimated|overlooked|mishandled|misjudged|forgot|failed to)\b", r"\bwe got (?:the |your |our |this |that )?\w+ wrong\b")
AGREE_BLOCK = rx(rf"\byou(?:'re| are) not (?:right|correct)\b", r"\b(?:it'?s|this is|that'?s|was|is) not (?:our|my) (?:fault|mistake|doing)\b",
                 # a limit on behaviour ("your language is not acceptable") is a boundary, not a concession
                 r"\b(?:language|tone|behaviou?r|shouting|swearing|abuse|comments?|threats?|manner|insults?)\b[^.?!]*\b(?:acceptable|ok|okay|on|excuse)\b",
                 r"\b(?:acceptable|excuse) (?:to|for) (?:shout|swear|speak|talk|threaten|insult)")

EXPLAIN = rx(r"\bwhere the \S+ (?:\w+ )?comes? from\b", r"\b(?:photo|photos|report|log|logs|records?|scan|receipt|meter|reading|invoice|statement|system|tracking|history|notes?|footage|camera)\b[^.?!]{0,20}\b(?:shows?|showed|says|said|confirms?|confirmed)\b",
             r"\b(?:is|was|are|were) marked as\b", r"\bwhat (?:i think )?happened (?:is|was)\b", r"\b(?:ended|expired|lapsed|renewed|closed|opened|started|finished|arrived|left|landed) (?:at|on|in) \d",
             r"\b(?:close|closes|open|opens) at \d", r"\b(?:doesn'?t|does not|don'?t|do not) (?:provide|cover|include|allow) (?:for )?\b", r"\brecommendation is\b",
             r"\b(?:are|is) (?:all )?(?:listed|printed|shown|stated|written|set out|posted) (?:on|in)\b", r"\b(?:went|has gone|have gone|is|are|was|were) (?:down|offline|out of service|out of stock)\b",
             r"\bwe(?:'re| are) aware\b", r"\b(?:has|have) been (?:informed|notified|dispatched|called out|alerted|assigned|logged|raised)\b", r"\bit says\b",
             r"\b(?:failed|crashed|broke|went out|went down|stopped|cut out)\b[^.?!]*\b(?:at \d|on \w+day|this morning|this afternoon|last night|yesterday|automatically|by mistake)\b",
             r"\bis based on\b", r"\b(?:outside|within|not part of|part of) (?:what )?(?:our|the|your) (?:\w+ )?(?:plan|contract|agreement|scope|policy|warranty|package)(?: covers| includes)?\b",
             r"\bthat'?s in the (?:\w+ )?(?:agreement|contract|terms|policy|handbook)\b", r"\bwhere (?:it|things) stands?\b", r"\b(?:isn'?t|aren'?t|is not|are not|is|are) (?:on|in|part of) (?:our|the) (?:roadmap|plan|schedule|scope)\b",
             r"\bfor (?:insurance|legal|safety|health|hygiene|regulatory|licensing|security|data protection) reasons\b", r"\b(?:we|they|the \w+) \w+ed\b[^.?!]*\bat \d{1,2}(?::\d\d)?\b",
             r"\b(?:the|your|our) (?:\w+ )?(?:letter|notice|decision|report|form|record|statement|email|rules|guidelines?|terms|agreement|order form) (?:says|said|shows|showed|states|stated|requires|lists)\b", r"\bunder (?:the|our) (?:\w+ )?(?:rules|terms|policy|contract|agreement)\b", r"\b(?:are|is) (?:attended to|handled|processed|dealt with|prioriti[sz]ed) (?:strictly )?(?:in order|by|according)\b", r"\bour (?:internal )?guidelines?\b",
           r"\b(?:our|the) (?:records?|logs?|system|notes|data|tracking|dashboard|monitoring|file|history|timeline|report|engineers?|team) (?:shows?|says?|confirms?|indicates?|found|tells?)\b",
             r"\baccording to (?:the|your|our)\b", r"\b(?:the|your|our) (?:contract|agreement|terms|policy|sla|warranty|statement of work|sow|scope|quote|invoice|spec\w*|lease|plan|tariff|schedule) (?:says|states|covers|includes|excludes|sets out|allows|requires|lists|specifies|shows|was|is|has|gives)\b",
             r"\b(?:is|was|were|are|has been|have been) (?:scheduled|delivered|shipped|dispatched|charged|processed|issued|restored|resolved|posted|approved|refunded|cancelled|canceled|booked|logged|received|confirmed|completed|updated|signed|agreed|caused by|due to|traced to)\b",
             r"\b(?:the|this) (?:outage|fault|issue|problem|delay|error|charge|increase|failure|leak|bug|incident) (?:is|was|came|started|began|happened|affects|affected|means)\b",
             r"\b(?:currently|at the moment|right now|as of (?:now|today|this morning)|so far),? (?:the|we|our|your|it|there|service)\b",
             r"\b(?:clause|section|page|item) \d", r"\bhere'?s (?:where|what) (?:things stand|we know|happened)\b", r"\bwhat (?:we know|happened) (?:so far |is)\b",
             r"\b\d+(?:\.\d+)?\s?(?:%|per ?cent|percent)\b", r"\b(?:the|our) (?:root )?cause (?:is|was)\b", r"\bthe (?:reason|cause) (?:is|was)\b",
             r"\bthe (?:price|fee|rate|charge|bill|cost) (?:is|was|went|rose|includes)\b", r"\bit (?:shows|says) (?:that|here)\b",
             r"\bwe (?:found|identified|traced|confirmed|can see) (?:that|the|a)\b", r"\bstatus\b", r"\bhere is what\b.{0,20}\b(?:know|found|happened)\b",
             r"\blooking at (?:the|your|our|milo|his|her)\b", r"\bi(?:'m| am) looking at\b", r"\bi can see (?:it'?s|that (?:the|your|it)|the|your|from)\b",
             r"^(?:the|our|your|this|that|these|upgrades?|delays?|payments?|refunds?|orders?|it|there)\b[^?]*\b(?:is|are|was|were|has been|have been|went|goes|only go|ran|runs|came|shows?)\b[^?]*(?:\d|\b(?:down|unavailable|delayed|cancell?ed|eligible|scheduled|due|full|closed|listed|set|reported|covered|included|excluded|in the queue|on time|not on)\b)[^?]*$",
             r"\b(?:is|are) (?:currently )?(?:down|unavailable|offline|being repaired|being fixed|out of stock|delayed)\b", r"\bthe delay is\b", r"\bdown to (?:weather|a|the)\b")
EXPLAIN_BLOCK = rx(r"\byou should have\b", r"\bif you(?:'d| had)\b", r"\bdid you even\b", r"\?\?", r"\bnot (?:our|my) (?:fault|problem)\b")

ACTION_VERB = (r"(?:send|sending|book|booking|arrange|arranging|refund|refunding|replace|replacing|credit|crediting|waive|waiving|upgrade|"
               r"move|moving|switch|swap|reserve|hold|cover|pay|reimburse|compensate|fix|repair|reschedule|rebook|reissue|resend|"
               r"escalate|raise|log|open|create|set up|put|get|bring|deliver|reconnect|restore|reverse|cancel|extend|offer|give|"
               r"lend|loan|provide|call|ring|phone|email|text|message|update|visit|come|meet|check|investigate|review|look into|"
               r"look at|chase|find|organise|organize|sort|schedule|assign|transfer|connect|apply|add|remove|change|correct|adjust|"
               r"process|issue|release|courier|ship|post|dispatch|prioriti[sz]e|expedite|rush|ask|talk|speak|write|draft|walk)")
OFFER = rx(r"\b(?:in the meantime|meanwhile|instead|alternatively|for now),? you (?:can|could)\b",
           rf"\b(?:i|we) (?:can|could) (?!see\b|hear\b|imagine\b|understand\b|tell\b|only\b|appreciate\b|assure\b|promise\b|guarantee\b|be\b|feel\b|relate\b|also see\b)(?:\w+ ){{0,1}}(?:{ACTION_VERB}|have|do|file|pull|get|run|add|set|sit|try|waive|drop|look|swap|hold)\b", r"\b(?:i|we)(?:\'ve| have) (?:now |just |already )?(?:moved|refunded|rebooked|credited|issued|arranged|upgraded|reserved|fixed|applied|waived|reversed|replaced|restored|reconnected|reinstated)\b", r"\bwhat if (?:we|i)\b", r"\b(?:two|three|a few|some|several) (?:ways|options|choices)\b",
           rf"\b(?:i|we)(?:'ll| will| can| could| am going to|'m going to| are going to)\s+(?:\w+\s+){{0,2}}{ACTION_VERB}\b",
           rf"\blet me\s+(?:\w+\s+){{0,1}}{ACTION_VERB}\b", r"\bwould you (?:like|prefer|rather)\b", r"\bdo you want (?:me|us) to\b",
           r"\b(?:option|options|choice|choices|alternatives?)\b", r"\beither\b[^.?!]+\bor\b", r"\bhere'?s what (?:i|we) (?:can|will|'ll)\b",
           r"\bwhat i can do\b", r"\bwhat we can do\b", r"\b(?:you can|you could|you're welcome to|feel free to) (?:have|choose|pick|keep|take|come|use|bring|get|switch|return)\b",
           r"\bhow about\b", r"\b(?:i|we)(?:'ve| have) (?:already )?(?:booked|arranged|refunded|credited|waived|upgraded|reserved|reversed)\b",
           r"\bis (?:on (?:its|the) way|being (?:sent|processed|arranged|booked|refunded))\b", r"\bhappy to\b", r"\bi'?d (?:like|love) to (?:offer|send|give|book|arrange)\b",
           r"\b(?:free of charge|complimentary|on the house|at no (?:extra )?(?:cost|charge))\b")
OFFER_BLOCK = rx(r"\bi(?:'ll| will) (?:look into it|see what i can do|get back to you|look into this|pass (?:it|this) on|note (?:it|that)|check)\s*[.!]?$",
                 r"\bthere'?s nothing\b", rf"\b(?:i|we) {NEG} (?:\w+ ){{0,2}}(?:offer|give|refund|replace)\b", r"\bif you(?:'d| had)\b",
                 r"\b(?:can|could) i (?:have|get|take) your\b", r"\bplease (?:provide|send|give|share|confirm) (?:your|us|me|the)\b", r"\bhappy to help\b", r"\b(?:could|can|will|would)(?: not|n'?t) (?:\w+ )?(?:give|offer|find|do|help|change|come up)\b")

TIME = (r"(?:by|before|within|in the next|no later than|at|until|around|from) (?:\d|noon|midday|midnight|tonight|tomorrow|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of|end of|close of|eod|cob|lunch|this (?:afternoon|evening|morning|week)|next (?:week|monday|tuesday|wednesday|thursday|friday)|half|quarter|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"|\b(?:today|tonight|tomorrow|this (?:afternoon|evening|morning|week)|first thing|every (?:\w+ )?(?:hour|minutes|day|morning|evening|\d+)|"
        r"hourly|daily|within the hour|in (?:an|one|two|three|\d+) (?:hours?|minutes?|days?|working days?|business days?)|\d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d\d|"
        r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next (?:update|call)|right now|straight away|immediately|as we speak|"
        r"now|between \d|\d+\s?[-–]\s?\d+ (?:working |business )?(?:days|hours|minutes|weeks)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: morning| afternoon| evening)?)\b")
COMMIT = rx(rf"\b(?:i|we|let'?s|let us)(?:'ll| will| can| could)?\s+(?:\w+\s+){{0,3}}(?:send|email|call|ring|phone|book|pull|check|bring|prepare|deliver|come|visit|go through|meet|review|have|get|file|swap|move|fix|sort)\b[^.?!]*\b(?:{TIME})", rf"\b(?:today|tomorrow|tonight|this (?:afternoon|evening|morning)|by \w+day|on \w+day|first thing),? (?:i|we)(?:'ll| will)\b", r"\b(?:i|we)(?:'ll| will)\b[^.?!]*\b(?:a|the|your|an) (?:\w+ ){0,2}(?:summary|plan|report|document|pack|draft|quote|letter|confirmation|timeline|breakdown|handover|schedule|list|reference|record|copy|statement)\b", rf"\b(?:our|the|my) (?:\w+ ){{0,2}}(?:technician|engineer|driver|team|courier|plumber|nurse|doctor|fitter|crew|warehouse|installer|agent)\b (?:can|will|'ll) (?:\w+ ){{0,3}}\w+\b[^.?!]*\b(?:{TIME})", rf"\bwill be (?:\w+ed|sent|done|fixed|paid|made|back|there|ready|with you)\b[^.?!]*\b(?:{TIME})", r"\bi(?:'ll| will) stay (?:on|with)\b",
           rf"\b(?:the undersigned|our \w+|my \w+|(?:[a-z]+ ){{0,2}}(?:team|courier|engineer|technician|manager|colleague|officer|agent|specialist|lead|nurse|doctor|supervisor|adjuster)|a (?:written|corrected|full|detailed|revised|new|replacement) \w+|it|this|[a-z]+ [a-z]+,) (?:will|shall) (?:\w+ ){{0,4}}?\w+\b[^.?!]*\b(?:{TIME})", rf"\b(?:is|are|has been|have been) (?:booked|scheduled|arranged|confirmed|reserved) (?:on|for|at)\b[^.?!]*\b(?:{TIME}|\d)",
           rf"\b(?:is|are) (?:going through|being (?:processed|sent|booked|arranged)|on (?:its|their) way)\b[^.?!]*\b(?:{TIME})", r"\byou(?:\'ll| will) see (?:it|the|your)\b",
           rf"\bi(?:'d| would) like to\b[^.?!]*\b(?:{TIME})",
           rf"\b(?:i|we)(?:'ll| will| am going to|'m going to| are going to| have| 've|'m| am|'re| are)\b[^.?!]*\b(?:{TIME})",
            r"\bgive me (?:until|till|an hour|\d+|half an hour|ten minutes|twenty minutes)\b",
            rf"\b(?:you'll|you will) (?:get|receive|have|hear)\b[^.?!]*\b(?:{TIME}|from me|from (?:my|our) \w+|confirmation|a copy|an email|a call|a text|written)\b",
            r"\b(?:i|we)(?:'ll| will) (?:personally|myself)\b", r"\bmy name is\b[^.?!]*\b(?:i'll|i will|i'm your|your (?:single |main )?(?:point of )?contact|i'm taking)\b",
            r"\bi(?:'ll| will) (?:be|stay) your (?:single |main |direct )?(?:point of )?contact\b", r"\b(?:i|we)(?:'ll| will) (?:send|email|give|share|put) you (?:a |the |my )?(?:written|copy|summary|confirmation|update|plan|timeline|reference|case number|direct)\b",
            r"\b(?:next|following) update (?:will|is)\b", r"\b(?:i|we)(?:'ll| will) (?:update|call|ring|email|text|message) you\b[^.?!]*\b(?:every|again|once|as soon as|when|the moment)\b",
            r"\bi(?:'ve| have) (?:booked|scheduled|arranged|set up) (?:a |the |your )?\w+\b[^.?!]*\b(?:for|at|on)\b")

COLLABORATE = rx(r"\bwith (?:their|your) input\b", r"\bwhat if we\b",
           r"\b(?:let'?s|let us|we can|we could|can we|could we|shall we)\b[^.?!]*\b(?:together|figure (?:this|it|out)|work (?:this|it|out)|brainstorm|think (?:this|it) through|come up with|look at (?:the )?options)\b",
                 r"\btogether\b[^.?!]*\b(?:plan|solution|option|way|fix|work|figure|decide|agree|come up)\b",
                 r"\b(?:your|any) (?:ideas|suggestions|thoughts|input)\b", r"\bwhat (?:would|do) you (?:suggest|think would|think we|propose)\b",
                 r"\bwhat would (?:work|help) (?:best )?for you\b", r"\bwhat (?:ideas|solution) do you have\b", r"\bi'?d (?:like|love) to hear (?:your|what you)\b",
                 r"\bwork (?:it|this) out (?:with you|together)\b", r"\bwith you to (?:find|work|come up|figure)\b", r"\bjointly\b", r"\bshape (?:the|a) (?:plan|solution)\b")
REASSURE = rx(r"\b(?:our|the) (?:\w+ ){0,2}(?:team|people|engineers?|technicians?|crew|staff|specialists?)\b[^.?!]{0,30}\b(?:is|are) (?:working|here|on site|on it|looking|on the)\b", r"\baround the clock\b", r"\btrust me\b", r"\bfrom me (?:directly|personally|myself)\b", r"\bhear (?:it|this) from me\b", r"\bi(?:\'m| am) (?:\w+ ){0,3}the (?:duty|general|branch|regional|operations?|managing|service|account|practice|shift|site) (?:manager|partner|director|lead|officer|supervisor)\b", r"\bin your corner\b", r"\bi (?:wanted|am writing|\'m writing|am calling|\'m calling|\'m phoning|am phoning|\'m contacting|am contacting) (?:to )?(?:you )?(?:\w+ )?(?:myself|personally|directly)\b",
           r"\b(?:our|the|my) (?:best|most senior|senior|most experienced|top|whole|entire|lead|dedicated|specialist|a-)\s*(?:\w+\s+)?(?:people|engineers?|team|technicians?|staff|specialists?|experts?|crew|developers?|person|fitters?|nurse|doctor|manager)\b",
              r"\b(?:top|highest|number one|first|no\.? ?1|#1|absolute) priority\b", r"\bi(?:'m| am) (?:personally )?(?:handling|owning|taking (?:ownership|charge|this on)|on (?:this|it)|looking after|leading|overseeing|dealing with)\b",
              r"\bi(?:'ll| will) (?:personally )?(?:own|handle|oversee|keep|look after|stay with|see this through|take (?:ownership|charge|care))\b[^.?!]*\b(?:this|it|your case|you|case|issue)\b",
              r"\b(?:leadership|management|our ceo|the director|senior management|our director|head of \w+)\b[^.?!]*\b(?:aware|involved|on|briefed|across)\b",
              r"\byou(?:'re| are) in good hands\b", r"\bwe(?:'re| are) (?:all )?(?:on (?:it|this)|working on (?:it|this)|fully focused)\b", r"\bi won'?t (?:let (?:this|it) drop|transfer you|pass you)\b",
              r"\b(?:everyone|all hands|the team|engineers|technicians) (?:is|are) (?:working|on (?:it|this)|focused)\b", r"\bnot going (?:anywhere|to (?:drop|forget))\b", r"\bi(?:'ve| have) (?:got|assigned|put)\b[^.?!]*\b(?:best|senior|most experienced|lead)\b")
CHECK = rx(r"\b(?:does|did|would|will|could|can) (?:that|this|it)\b[^.?!]*\b(?:close (?:this|it) out|settle|rescue|sort|take care of|clear|ease|put (?:things|it) right|get (?:us|you|it|things) back)\b", r"\bis (?:everything|it|that|this|the \w+) (?:\w+ )?(?:okay|ok|sorted|fixed|working|resolved|alright|fine)\b[^.?!]*\?", r"\b(?:let me know|tell me|let us know) (?:\w+ )?(?:if|whether|that) (?:it|this|that|the \w+|everything|a \S+ \w+|\w+ \w+) (?:\w+ ){0,2}(?:goes through|works?|fits?|helps?|suits?|solves?|resolves?|settles?|is okay)\b", r"\bis there anything else (?:on|in|about|that|still|i can (?:take care of|do to)|you need from)\b", r"^is (?:it )?(?:okay|ok|alright|good) (?:like this|for you|with you)\b",
           r"\b(?:confirm|let (?:me|us) know|tell (?:me|us)) (?:whether|if) (?:this|that|the above|these|it|the plan|this plan|this approach)\b[^.?!]*\b(?:works?|suits?|address(?:es)?|resolves?|helps?|acceptable|meets?|covers?)\b", r"\b(?:does|would|will|is) (?:\w+day|tomorrow|\d+(?::\d\d)?\s?(?:am|pm)?)(?: \w+)? (?:work|suit|suits|help|do)\b",
           r"^(?:and |so |okay,? |then,? )?(?:does|would|will|could|is|are|can) (?:that|this|it|either|any of these|one of those|these|those)\b(?! (?:right|correct|true|accurate|the case)\b)[^?]*\?$", r"\bis there anything (?:else )?(?:you need|i can do|we can do|i can help with)\b[^?]*\b(?:close|sort|resolve|put right|settle|finish|wrap)\b",
           r"\b(?:does|would|will|did|could|can) (?:that|this|it|these|those|either|any of (?:those|these)|the plan|this plan|that plan)(?: (?:one|option|plan|arrangement))?\s+(?:\w+\s+)?(?:work|help|suit|sound|solve|fix|sort|cover|resolve|address|do|be (?:okay|ok|alright|enough|acceptable|fair|helpful)|feel|seem|take|meet|ease|answer|give you|put your)\b[^.?!]*\?",
           r"\bhow (?:does|would) (?:that|this|it) (?:sound|feel|work|seem)\b", r"\bis (?:that|this) (?:okay|ok|alright|acceptable|fair|enough|something that works?)\b[^.?!]*\?",
           r"\bare you (?:happy|comfortable|okay|ok|satisfied|alright) with\b", r"\bdoes (?:that|this) (?:feel|seem) (?:fair|right|reasonable|okay)\b",
           r"\bwould (?:that|this|\d+(?:am|pm)?|\w+day|tomorrow)\b[^.?!]*\b(?:work|suit|help|do)\b[^.?!]*\?", r"\bhave (?:we|i) (?:sorted|resolved|fixed|answered|covered|addressed)\b",
           r"\b(?:make sure|check|confirm) (?:that )?(?:it'?s|that'?s|everything(?:'s| is)|the (?:issue|problem|fix|repair)(?:'s| is| has)|you(?:'re| are)|your \w+ is)\s+(?:\w+\s+)?(?:resolved|fixed|sorted|working|settled|happy|okay|properly)\b",
           r"\bis there anything (?:else )?(?:still )?(?:worrying|bothering|troubling) you\b", r"\bdoes (?:that|this) (?:answer|resolve|settle|put your mind)\b",
           r"\b(?:is|are) you (?:okay|happy|comfortable) (?:with|to go ahead)\b", r"\bcan we (?:call|consider) (?:this|it) (?:resolved|sorted|closed)\b",
           r"\bwill that (?:take|ease|get)\b", r"\bwould that be (?:okay|ok|alright|acceptable|helpful|enough|fair)\b", r"\bdoes that (?:work|help|suit|sound)\b",
           r"\bis there anything (?:else )?(?:left|still|more) (?:i|we) (?:can|could|should|need)\b.*\b(?:put right|sort|fix|resolve)\b")
STATE_VALUES = rx(r"\bit\'?s about (?:everybody|everyone|all of|keeping|making sure)\b", r"\bapplies to (?:every|all|each)\w*\b",
           r"\b(?:the )?same (?:rule|rules|terms|rubric|standard|standards|process|price|policy|way|criteria) (?:for|to|against|with) (?:every|all|each|any)\w*\b", r"\b(?:apply|treat|mark|charge|see|assess)\b[^.?!]*\b(?:every|all|each) \w+ (?:the same|against the same|equally|fairly|in order)\b", r"\b(?:is|are) important to us\b", r"\bmatters? to us\b", r"\bour (?:name|reputation|signature) (?:is|goes) on\b", r"\bindependent (?:view|opinion|assessment|review)\b", r"\b(?:it|this|that|the rule|the policy|the permit|the check) (?:protects|is there to protect|keeps (?:\w+ )?safe)\b", r"\bshould (?:all )?feel safe\b", r"\bin order of (?:how|need|urgency|priority|clinical)\b", r"\b(?:be|being) (?:honest|straight) (?:with you )?about why\b", r"\bso it(?:\'s| is| stays) fair\b",
           r"\b(?:we|i) (?:value|believe|care (?:about|deeply)|are committed to|'re committed to|stand for|hold ourselves)\b",
                  r"\bour (?:values|mission|principles?|standards?|commitment|promise|duty|responsibility)\b", r"\b(?:because|as|since) (?:we|our|i)\b[^.?!]*\b(?:safety|fair(?:ness|ly)?|privacy|security|integrity|honest\w*|trust|ethic\w*|welfare|wellbeing|quality)\b",
                  r"\b(?:for|out of) (?:safety|fairness|privacy|security|ethical|legal|clinical|welfare) (?:reasons|grounds)?\b", r"\bit (?:wouldn'?t|would not) be (?:fair|right|safe|honest|ethical)\b",
                  r"\b(?:fair|honest|safe|ethical) (?:to|for) (?:all|every|other|our|each)\b", r"\bthe principle\b", r"\bmatters (?:to us|more)\b[^.?!]*\b(?:safety|fair|honest|trust|quality)\b",
                  r"\bwe (?:treat|apply) (?:every|all|each)\b[^.?!]*\b(?:same|equally|fairly)\b", r"\bi won'?t (?:compromise|cut corners|bend)\b", r"\b(?:is|are) (?:there|in place) to protect\b")
REFUSAL = rx(r"\b(?:i'?m|we'?re|i am|we are) (?:not able|unable) to\b", r"\b(?:i'?m|we'?re|i am|we are) (?:therefore|afraid|sadly|regrettably) (?:not able|unable) to\b",
             r"\bno (?:refund|compensation|exception|exchange|upgrade|credit|reimbursement)s? (?:is|are|will be|can be) (?:possible|given|offered|made|issued|available|due)\b",
             r"\b(?:isn'?t|is not|not) (?:a lot|much|anything) (?:i|we) can do\b", r"\bwe won'?t be (?:reversing|refunding|offering|changing|waiving|removing|giving|buying)\b", r"\b(?:i'?m|we'?re|i am|we are) not going to (?!talk over|interrupt|rush|argue|transfer you|let (?:this|it)|leave you|drop|make you|ask you)\w+", r"\bi can only\b",
           r"\b(?:the|this|our) (?:fee|charge|fine|penalty|decision|policy|price|rate|deduction|bill) (?:stays|stands|applies|remains|is final|will stand)\b", r"\bcannot be (?:entertained|accepted|processed|refunded|changed|reversed|made|honou?red|waived)\b", r"\b(?:are|is) not (?:applicable|permitted|allowed|refundable|guaranteed|eligible)\b", r"\b(?:aren\'?t|are not|isn\'?t|is not) allowed to\b", r"\bdon\'?t expect us to\b", r"\bend of story\b",
           r"\b(?:i|we)\s+(?:\w+\s+)?(?:can'?t|cannot|won'?t|will not|am not able to|'m not able to|are not able to|'re not able to|am unable to|are unable to|'m unable to)\s+(?!imagine|blame|tell you yet|wait|let (?:this|it) (?:drop|go)|forget|lose|stop thinking|promise you'?ll|guarantee)\w+", r"\bi need (?:you|us) to (?:stop|keep it|not)\b", r"\bi won\'?t have (?:anyone|you|people)\b", r"\bi(?:\'ll| will) (?:end|have to end) (?:the|this) call\b", r"\b(?:aren\'?t|are not|isn\'?t|is not) (?:things|something) (?:we|i) can (?:change|do|offer)\b",
           r"\b(?:won\'?t|will not) be any (?:compensation|refund|credit|exception)\b", r"^no \w+,? no \w+\b", r"\bwe(?:\'re| are) not (?:going to|responsible|able)\b", r"\bnot much (?:more )?(?:i|we) can do\b", r"\b(?:can\'?t|cannot) (?:absorb|help (?:you|with)|do (?:anything|that|it))\b", r"\btake it up with\b",
           rf"\b(?:i|we)\s+(?:\w+\s+)?(?:can'?t|cannot|can not|won'?t|will not|are unable to|am unable to|'re unable to|'m unable to|am not able to|are not able to|'m not able to|'re not able to|don'?t|do not|aren'?t allowed|am not allowed|'m not allowed|are not allowed)\s+(?:\w+\s+){{0,2}}(?:do|give|offer|refund|replace|change|make|allow|accept|honou?r|waive|extend|reverse|issue|provide|agree|let|take|guarantee|promise|cover|supply|override|break|bend|approve|compensate|go|release|sell|share|discuss|disclose|remove|delete|wipe|skip|continue|send|move|meet|match|reopen|reinstate|bring|put|book)\b",
             r"\bunfortunately\b", r"\bthere(?:'s| is) nothing (?:more |else )?(?:i|we) can\b", r"\b(?:that'?s|it'?s|this is) (?:just )?(?:our|company|the) policy\b",
             r"\bout of (?:my|our) hands\b", r"\bnot (?:possible|something (?:we|i) (?:can|do))\b", r"\bno exceptions?\b", r"\bour hands are tied\b")
BOUNDARY_TONE = rx(r"\b(?:i|we) (?:want|'d like|would like|am happy|'m happy|are happy) to (?:help|keep|sort|find|work)\b", r"\bwhat i can do\b",
                   r"\bwhat we can do\b", r"\bi need (?:us|you) to\b[^.?!]*\b(?:so (?:that )?(?:i|we) can|to keep)\b", r"\bi(?:'m| am) (?:going to|happy to) (?:keep|stay)\b",
                   r"\b(?:please|i(?:'d| would) ask (?:you|that))\b[^.?!]*\b(?:language|swear|shout|respect)\b", r"\binstead\b", r"\bbut (?:i|we) can\b", r"\bwhat i can offer\b",
                   r"\bi(?:'ll| will) (?:have to|need to) (?:end|pause|stop) (?:the|this) call\b")
PART = rx(r"\ball the best\b", r"\bthank\w*\b[^.?!]*\b(?:over the (?:years|months|past \w+)|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many) (?:years|yrs|summers|seasons|months))\b", r"\bnot the right (?:partner|provider|match|company|team|venue|agency|firm|supplier|gym|place)\b", r"\b(?:happier|better off|better served) with (?:a|another|someone)\b", r"\bi\'?d rather you (?:had|went with|found)\b", r"\b(?:firms|companies|providers|agencies|venues|people|practices|clinics) (?:i|we) (?:trust|know|recommend|work with)\b",
           r"\bnot (?:the )?(?:right|best|a good) fit\b", r"\bpart (?:ways|company)\b", r"\bwish (?:you|your \w+) (?:all the best|well|the very best|every success|luck)\b",
          r"\bhope (?:we|to|that we)\b[^.?!]*\b(?:work together|again|in (?:the )?future|cross paths|future)\b", r"\bsorry (?:that )?we (?:couldn'?t|could not|weren'?t able)\b",
          r"\b(?:help|make|support)\b[^.?!]*\b(?:transition|handover|hand-over|move to|switch)\b[^.?!]*\b(?:smooth|easy|easier|simple|painless)\b", r"\brecommend (?:another|a different|other|some)\b",
          r"\bdoor (?:is|will (?:always )?be) (?:always )?open\b", r"\bthank you for (?:your|the) (?:business|custom|years|time with us|loyalty|partnership|trust)\b",
          r"\bwelcome (?:you )?back\b", r"\bno hard feelings\b", r"\b(?:release|end|close) (?:you from |the |your )(?:contract|account|agreement)\b[^.?!]*\b(?:without|no) (?:fee|penalty|charge)\b",
          r"\bbetter (?:suited|served|placed)\b")

BLAME = rx(r"\bon their (?:end|side)\b", r"\b(?:rule|fault|decision|call|doing|policy|responsibility|problem),? not (?:ours|us|mine|me)\b", r"\byou(?:'re| are) the one (?:who|that)\b", r"\bi don'?t make the rules\b",
           r"\bthat'?s (?:head office|management|the council|the bank|the airline|the carrier|the landlord|corporate) for you\b", r"\b(?:customers?|policyholders?|clients?|tenants?|passengers?|members?|sellers?|users?|patients?) (?:are|is) responsible for\b", r"\bhard to help (?:a |someone|anyone|people)\b", r"\bnot from (?:the bank|us|our side)\b", r"\bmany customers\b[^.?!]*\b(?:themselves|then complain)\b", r"\b(?:decision|fault|problem|responsibility) of the \w+,? not (?:the|us|ours)\b", r"\bmaybe check your\b", r"\bthat\'?s on you\b", r"\byou (?:complain|complained) about everything\b", r"\byou should\'?ve\b", r"\bif you don\'?t read\b",
           r"\b(?:next time|honestly|really|instead)\b[^.?!]*\byou (?:really )?should\b(?! (?:get|receive|see|hear|be able))", r"\byou (?:really )?should\b(?! (?:get|receive|see|hear|be able|have (?:received|got|been)))[^.?!]*\b(?:next time|instead|yourself|your own|right away)\b",
           r"\b(?:accepted|agreed(?: to)?|signed) by you\b", r"\bas per (?:our|the|system) records,? you\b", r"\bwe have already told you\b", r"\byou are requested to refrain\b", r"\bdid you (?:even|actually) (?:read|check|look)\b", r"\byou (?:probably|must have) (?:\w+ed|forgot|missed|misread|deleted)\b", r"\b(?:trust|hope|expect) that (?:passengers|customers|you) will (?:show|be) more\b",
           r"\bperhaps (?:you|your \w+) (?:doesn\'?t|don\'?t|didn\'?t|forgot|misread|misunderstood|can\'?t)\b", r"\bnot me\b", r"\bclearly (?:listed|stated|explained|written|marked|shown|set out)\b", r"\b(?:terms|contract|agreement|form|plan|notice) you (?:signed|agreed to|accepted|received)\b", r"\bas (?:was|we|i) (?:kindly |clearly |already |previously )?(?:explained|mentioned|stated|advised|told you)\b", r"\bbefore raising (?:concerns|complaints)\b", r"\bsuggest (?:reviewing|reading|checking) (?:the|your)\b", r"\bread (?:the|your) \w+ (?:properly|carefully|again)\b", r"\bon our end,? you know\b",
           r"\b(?:is|it\'?s) (?:down to|up to) (?:the customer|you|your)\b", r"\b(?:the )?(?:responsibility|responsible) of the (?:customer|client|user)\b", r"\bcustomer\'?s responsibility\b", r"\bwhy (?:would|did|on earth would) you\b", r"\bnot (?:on|down to) us\b", r"\b(?:problem|fault|issue),? not ours\b", r"\b(?:late|wrong|changed|missing|delayed) (?:from|on) your (?:side|end)\b", r"\bthat\'?s on your (?:side|end)\b", r"\byour (?:club|team|office|company|side|board|staff|people|developer|it department) (?:didn\'?t|did not|failed|forgot|just isn\'?t|never|changed|caused)\b", r"\bsomeone (?:in|on|from) your (?:office|team|side|end|company)\b", r"\byou signed (?:knowing|it|the)\b", r"\byou (?:never|didn\'?t|did not) (?:put|tell|mention|say|specify|include)\b", r"\bwe(?:\'re| are) not (?:responsible|liable|to blame)\b", r"\bmessing about\b", r"\bthe (?:driver|staff|technician|engineer)\'?s fault\b",
           r"\byou (?:should|could|ought to|need to) have\b(?! (?:been|heard|had|received|got|gotten|known about))", r"\bif you(?:'d| had)\s+(?:\w+\s+){0,2}(?:read|checked|followed|called|told|updated|rebooted|listened|looked|paid|booked|rung|come|sent|filled|signed|noticed|bothered)\b",
           r"\byou (?:didn'?t|did not|failed to|forgot to|never|neglected to)\s+(?:\w+\s+)?(?:read|check|follow|call|tell|update|reboot|book|pay|send|fill|sign|notice|inform|submit|attach|give|mention|specify|approve|reply|respond|confirm|respond)\b",
           r"\b(?:it'?s|it is|that'?s|that is|this is|this isn'?t|that isn'?t|it isn'?t|wasn'?t|was not)\s+(?:really |actually |exactly )?(?:not )?(?:our|my|the company'?s) fault\b",
           r"\bnot (?:our|my) (?:fault|problem|responsibility|mistake)\b", r"\b(?:courier|carrier|supplier|manufacturer|vendor|third[- ]party|partner|bank|airline|contractor|other department|head office|warehouse|cloud provider|provider|developer|the system|driver|subcontractor|insurer|landlord)\b[^.?!]*\b(?:messed up|fault|to blame|responsible|screwed up|dropped the ball|caused (?:this|it)|let (?:us|you) down|not us)\b",
           r"\bnot us\b", r"\buser error\b", r"(?<!not )(?<!isn't )(?<!wasn't )\byour (?:own )?(?:fault|mistake|responsibility|problem)\b",
           r"\byou were (?:warned|supposed to)\b", r"\bas (?:you were|clearly) (?:told|stated|explained|mentioned|written)\b", r"\b(?:it|that) was (?:in|on) the (?:email|sms|text|letter|website|terms)\b",
           r"\byou (?:signed|agreed to|accepted) (?:it|the terms|this)\b[^.?!]*\b(?:so|therefore)\b", r"\bread (?:the|your) (?:email|messages|terms|small print|contract)\b", r"\b(?:your|the customer'?s) (?:team|staff|side) (?:approved|signed off|caused|changed)\b",
           r"\byour team'?s\b[^.?!]*\b(?:approval|fault|change|sign-?off)\b", r"\bsigned off on it\b")
DISMISS = rx(r"\bstop sending\b", r"\b(?:everybody|everyone) (?:who calls|else) thinks\b", r"\bwelcome to the club\b",
           r"\btry not to (?:stress|worry|get upset|panic)\b", r"\b(?:really|very|super|pretty) common\b",
           r"\b(?:will not|won\'?t|do not|don\'?t) (?:expedite|speed up|make (?:it|this) (?:any )?faster)\b", r"\bno need to worry\b", r"\b(?:very|quite|perfectly) normal\b", r"\bunavoidable\b",
           r"\b(?:it\'?s|that\'?s|this is) (?:a|just a|only a) \w+,? not (?:a |an )?\w+\b", r"\bnothing to worry about\b", r"\bsit tight\b", r"\blike everyone else\b", r"\byou(?:\'re| are) not the only (?:one|person|customer)\b", r"\bthat\'?s (?:normal|standard|expected|to be expected)\b", r"\bnot my problem\b", r"\bthat\'?s your choice\b", r"\bif you(?:\'re| are) not happy\b", r"\bbeing (?:a bit )?(?:sensitive|dramatic|precious|unreasonable)\b", r"\bjust isn\'?t used to\b", r"\bdon\'?t stress\b", r"\bthese things happen\b",
           r"\bcalm down\b", r"\b(?:just )?relax\b", r"\bnot (?:a|that|such a) big (?:a )?deal\b", r"\bno big deal\b", r"\b(?:it'?s|that'?s|it is|that is) (?:only|just) (?:a|one|\w+ (?:minutes|hours|days|pounds|dollars|quid|bucks))\b",
             r"\b(?:you'?re|you are) overreacting\b", r"\bno need to (?:get|be) (?:so )?(?:upset|angry|worked up|emotional|dramatic|rude)\b", r"\bthere'?s no need (?:for|to)\b[^.?!]*\b(?:shout|tone|upset|angry|that)\b",
             r"\bchill\b", r"\bstop (?:shouting|yelling|complaining|being)\b", r"\bdon'?t (?:be|get) (?:so )?(?:dramatic|upset|worked up|angry|emotional)\b", r"\bworse things\b",
             r"^(?:well,? |look,? |hey,? )?(?:it|stuff) happens[.!]*$", r"\bwhat did you expect\b", r"\bbeing (?:a bit )?(?:sensitive|dramatic|precious)\b", r"\bdidn'?t mean it like that\b", r"\b(?:everyone|everybody|other customers?) (?:else )?(?:has|had|is|are|have) (?:been )?(?:waiting|the same|managed|coped|dealing)\b", r"\b(?:it'?s|it is) not the end of the world\b",
             r"\bmoving on\b", r"\bget over it\b", r"\byou'?ll (?:survive|be fine)\b", r"\bcould be worse\b", r"\bat least (?:it|you)\b", r"\bit'?s hardly\b",
             r"\b(?:a bit|rather) (?:dramatic|much)\b", r"\bdon'?t take it personally\b",
             # minimising, often politely: "it's only been a couple of evenings", "most people barely notice"
             r"\b(?:it'?s|it has) only been\b", r"\bbarely (?:noticed|notice)\b", r"\b(?:most|many) (?:people|customers|households|guests|clients|patients|of our \w+) (?:\w+ )?(?:manage|cope|don'?t (?:even )?notice|are fine|never notice)\b",
             r"\bkeep (?:the |your |our )?emotions? out\b", r"\bno need to take\b[^.?!]*\bpersonally\b", r"\b(?:these|such) things (?:do )?happen\b", r"\bhappens (?:a lot|all the time)\b",
             r"\b(?:isn'?t|is not|not) (?:that|so|very|really) (?:long|bad|big|much|serious|unusual|expensive|late|complicated)\b", r"\bisn'?t unusual\b", r"\bplenty for\b", r"\bsame everywhere\b",
             r"\bjust ignore it\b", r"\bnot everything is\b", r"\bgetting (?:this|so|that|all) (?:upset|worked up|angry) (?:over|about)\b", r"\bno point (?:in )?getting (?:angry|upset|worked up)\b")
CLICHE = rx(r"^(?:(?:sir|ma'?am|madam|mr\.? \w+|mrs\.? \w+|ms\.? \w+|\w+),? )?(?:i|we) (?:totally |completely |fully |do )?understand(?: your (?:concern|frustration|feelings?|point|situation))?(?:,? (?:sir|ma'?am|madam))?[.!,]?(?: but\b.*)?$", r"\b(?:i|we) (?:totally |completely |fully )?understand (?:how you feel|your concern)\b", r"\bwe know (?:exactly |just )?how you (?:feel|must feel)\b", r"^(?:sorry[^.?!]*,? )?(?:i )?totally understand\b",
           r"\bi know (?:exactly |just )?how you (?:feel|must feel)\b", r"^i (?:totally |completely |fully )?understand[.!,]?$", r"^(?:i )?(?:totally |completely )?understand(?: your (?:frustration|concern|feelings?|anger|point))?[.!]?$",
            r"\bi understand your (?:frustration|concern|feelings?|anger)\b[.!]?$", r"^i hear you[.!]?$", r"\bi feel your pain\b", r"\bi (?:totally |completely )?get it[.!]?$")
ARGUE = rx(r"\bbefore you (?:continue|go (?:any )?further|carry on)\b", r"\bwe (?:don\'?t|never|do not) (?:lose|make|miss|forget|mix up)\b", r"\b(?:the|your) (?:new )?(?:bill|charge|amount|value|price|fee|invoice|decision|reading|total) is (?:correct|accurate|right|valid)\b", r"\bis not valid\b", r"\btechnically\b", r"\bbut (?:that\'?s|that is|it\'?s|it is) not (?:right|true|correct)\b", r"\byou(?:\'ve| have)? obviously\b", r"\b(?:doesnae|disnae) make\b", r"\bso yes,? you were\b",
           r"\b(?:your|the) (?:claim|complaint|allegation|statement|understanding)\b[^.?!]{0,30}\bis (?:incorrect|wrong|false|untrue|not correct|inaccurate|baseless|unfounded)\b", r"\bwould like to clarify that\b", r"\bclearly (?:said|says|stated|states)\b", r"\b(?:that\'?s|it\'?s|it is) not (?:technically )?possible\b[^.?!]*$",
           r"\bi(?:\'m| am) not sure (?:that\'?s|that is|this is) (?:right|true|correct|accurate)\b", r"\bare you sure (?:you|that|it)\b", r"\bi (?:have to|must|need to|\'ve got to) push back\b", r"\bwe(?:\'re| are) not (?:overcharging|lying|wrong|ignoring|hiding)\b", r"\b(?:doesn\'?t|does not|don\'?t|never) make (?:mistakes|errors)\b", r"\b(?:more likely|most likely|probably|surely),? (?:someone|you|your)\b", r"\b(?:just )?to correct you\b", r"\b(?:the|our) (?:plan|work|product|system|design|code|quote|price|bill) is (?:solid|fine|correct|right|accurate|working)\b", r"\bno matter how\b", r"^(?:hey|hi|sir|ma\'am|look)?[ ,]*\w*,? actually\b", r"\bso it\'?s (?:the \w+\'?s|my|our) fault\b", r"\bthat\'?s not (?:how|what) (?:\w+ )?(?:works|happened|we do)\b", r"\bto be fair,",
           r"\b(?:that'?s|that is|this is|it'?s|it is) (?:simply |just |actually |absolutely |completely )?(?:not (?:true|correct|accurate|what happened|the case)|untrue|incorrect|false|wrong)\b",
           r"\byou(?:'re| are) (?!not\b)(?:\w+ )?(?:wrong|mistaken|incorrect|confused|misremembering|exaggerating)\b", r"^actually,? (?:that|it|you|the|we|this|no)\b", r"\bwith (?:all )?(?:due )?respect,", r"^no,? (?:that|it|you|we)\b",
           r"\bif you(?:'d| would) (?:let me finish|listen)\b", r"\bthat'?s not how (?:it|this|that) works\b",
           r"\bi never said\b", r"\bthat'?s (?:not|never been) (?:our|the) (?:policy|case)\b", r"\bnowhere (?:in|does)\b", r"\bthere is no (?:way|record|evidence) (?:that|you)\b",
           r"\bin fact,? (?:you|it|that)\b", r"\byou'?re not (?:listening|understanding)\b", r"\bas i (?:already )?(?:said|told you|explained)\b",
           r"\bi (?:have to|must|'ll have to|'d have to) disagree\b", r"\bno,? you (?:didn'?t|did not|haven'?t|have not|weren'?t|were not)\b", r"\bthere was plenty of (?:warning|notice|time)\b",
           r"\bwe have never (?:lost|missed|made|charged|sent|had)\b")
HOSTILE = rx(r"\byou(?:\'ll| will) (?:be sorry|come back crying|regret)\b", r"\bhearing from our (?:solicitor|lawyers?|legal)\b", r"\bif you can\'?t handle\b", r"\bplenty of other\b", r"\bread it[.!]", r"\bno my problem\b", r"\bstop wasting my time\b", r"\bbetter you find another\b", r"^fine[,.!]", r"\bcalling to shout\b", r"\bhow (?:chef|we|i) (?:cooks?|does|do) it\b",
           r"^(?:wonderful|great|brilliant|fantastic|lovely|perfect|marvellous|terrific|super)[.!]", r"\bmaybe (?:\w+ ){0,4}(?:next time|properly|louder|harder|earlier|faster)\b", r"\b(?:doesn\'?t|won\'?t|will not|does not) make (?:it|them|things) (?:\w+ ){0,3}(?:faster|quicker|sooner)\b", r"\bnot the first (?:person|one|customer|caller)\b", r"(?:^|[,.;:]\s*|\bjust )go home\b", r"[🙃😉🙄😒😏]", r"\btell the \w+ to hurry\b", r"\bwork magic\b",
           r"\bgood luck (?:finding|with|getting)\b", r"\bit\'?s not like (?:i|we) can\b", r"\bwe(?:\'re| are) not a charity\b", r"\bend of story\b", r"\bmaybe \w+ (?:just )?(?:isn\'?t|aren\'?t) for you\b", r"\bput up with\b", r"\bmoaning\b", r"\bnext[!.]*$", r"^fine[.!]", r"^seriously[.!?]*$", r"\bwhen it gets there\b", r"\byou know[.!]*$", r"\bthinks? (?:the|that|servers|it|we)\b[^.?!]*\b(?:magic|optional|free)\b", r"\bmessing about\b", r"\bwon\'?t implement\b", r"\b(?:honestly|frankly),? (?:the|your|some)\b[^.?!]*\b(?:just|isn\'?t|can\'?t)\b",
           r"\b(?:idiot\w*|stupid|moron\w*|clueless|pathetic|ridiculous|absurd|ignorant|useless|genius|brain|dumb|lazy|rude|entitled|whin\w+|pathetic|nonsense|rubbish|joke)\b",
             r"\bgreat,? another\b", r"\boh,? (?:great|wonderful|brilliant|fantastic|lovely|perfect)\b", r"\bgood luck with that\b", r"^whatever\b|\bwhatever[.!]*$", r"\bif you can read\b", r"\bcan you (?:even )?read\b",
             r"\bdid you (?:even|actually) (?:read|bother|try|look|check|listen)\b", r"\bare you (?:kidding|serious|joking)\b", r"\bseriously\?", r"\bpeople like you\b", r"\bcustomers like you\b",
             r"\btake (?:it|your business) (?:somewhere|elsewhere)\b", r"\bnot my problem\b", r"\bdeal with it\b", r"\bshut up\b", r"\bhow many times do i have to\b",
             r"\bobviously(?:,)? you\b", r"\bclearly(?:,)? you (?:didn'?t|don'?t|haven'?t|can'?t)\b", r"\bi don'?t have (?:all day|time for this)\b", r"\bwhat do you want from (?:me|us)\b",
             r"\bnice try\b", r"\bmaking (?:things|it|stuff) up\b", r"\btrying (?:it on|to get (?:a|something) for free)\b", r"\bnext time,? (?:maybe )?(?:try|read)\b", r"\bthanks? for nothing\b", r"\bsome of us\b", r"\bhave a nice day\b(?=[^.?!]*$)", r"\bknows? everything\b",
             r"\bhonestly,? (?:some people|people like)\b", r"!{2,}|\?!|!\?", r"\bif you don'?t like it\b", r"\bgo (?:somewhere|elsewhere)\b", r"\bthat'?s your problem\b",
             # sarcasm and condescension without capitals: rhetorical jabs, mock agreement, "as I've already explained"
             r"(?:^|[,;:]\s*|\bso,? |\band |\bbut )(?:have|did|do|has) (?:you|anyone|they|your \w+)(?: \w+)? (?:actually|even) \w+", r"\b(?:have|did|do|has) (?:you|anyone|they|your \w+) ever bother\w*",
             r"\byou'?d know if you\b", r"\bbefore accusing\b", r"\bwhat do you want me to do about it\b", r"\bare you seriously\b", r"\bmore trouble than (?:it'?s|they'?re|you'?re|you are) worth\b",
             r"\bok(?:ay)?,? karen\b", r"[😂🤣]", r"\bsecurity (?:walk|escort|remove|throw|take)\b",
             r"\bis that too much to ask\b", r"\b(?:not sure|don'?t know) how (?:else )?(?:i|we) can (?:put|make|say|explain)\b", r"\bnot (?:exactly )?(?:complicated|rocket science)\b",
             r"\bas i(?:'ve| have)? (?:already|now) (?:explained|said|told you|mentioned)\b", r"\bper my (?:previous|last)\b", r"\bscroll up\b", r"\bi'?m sure you(?:'ve| have)? read\b",
             r"\bdo you have any idea\b", r"\bin case you missed it\b", r"\breally classy\b", r"\bmaybe (?:train|read|learn|try reading)\b", r"\bthe door is (?:right )?there\b", r"\bcall the police\b",
             r"\byou(?:'ll| will) be (?:walking out|banned|thrown out|escorted)\b", r"\byour choice[.!]*$", r"\bspeed dial\b", r"\bfor decoration\b",
             r"^(?:oh,? )?(?:sure|yes,? of course|of course|right),? (?:\w+,? )?we'?ll just\b", r"\bsince (?:that'?s|you'?re) obviously\b", r"\bgreat catch\b", r"\bready when (?:it'?s|it is) ready\b",
             r"\bwhen (?:the \w+|he|she|they) (?:calls|rings)[.!]*$", r"\bthat'?s your (?:issue|lookout)\b", r"\b(?:we|i) hear (?:this|that) (?:exact |same )?(?:story|excuse|one)\b", r"\bwhat did you expect\b")
OVER_PROMISE = rx(r"\b(?:this|it|that)(?:'ll| will) never happen (?:to you )?again\b", r"\bi (?:promise|guarantee|swear)\b", r"\bwe guarantee\b", r"\b100 ?(?:%|per ?cent|percent)\b",
                  r"\b(?:it'?s|it is|that'?s|that is|this is) guaranteed\b", r"\babsolutely (?:will|definitely)\b[^.?!]*\b(?:today|tomorrow|never|always)\b", r"\bnever again\b", r"\bdefinitely (?:be|have|get|arrive|fixed|back) (?:by|today|tomorrow|tonight|in)\b",
                  r"\bi(?:'ll| will) make sure (?:this|it|that) never\b", r"\bno (?:more|further) (?:problems|issues|outages)\b[^.?!]*\b(?:ever|again|guarantee)\b", r"\bwithout (?:fail|question)\b[^.?!]*\b(?:will|by)\b")
HOSTILE_EXEMPT_CAPS = frozenset({"SLA", "ETA", "CEO", "ID", "NHS", "API", "VPN", "ISP", "USA", "UK", "EU", "IT", "OK", "PM", "AM", "GP", "MRI", "ATM", "PIN",
                                 "HR", "VIP", "FAQ", "PDF", "SMS", "DM", "CRM", "SAAS", "AWS", "DNS", "QA", "UX", "VAT", "GST", "TV", "DVD", "USB", "IVF",
                                 "ICU", "ER", "A&E", "NDA", "SOW", "POS", "KPI", "CTO", "COO", "CFO", "RMA", "ASAP", "FYI", "RE", "IRS", "HMRC", "DBS", "MOT",
                                 "BBQ", "EUOC", "PST", "EST", "GMT", "UTC", "BST", "CET", "IST", "NZ", "AU", "USD", "GBP", "EUR", "ZAR", "INR", "NGN", "KES"})


FOLLOW_UP_ONLY = rx(r"\b(?:i|we)(?:'ll| will| am going to|'m going to)\s+(?:\w+\s+)?(?:call|ring|phone|email|text|message|update|come back|get back|contact|whatsapp|sms|check in|let you know|report back|confirm)\b")
REMEDY = rx(rf"\b(?:i|we)(?:'ll| will|'m| am| can| have|'ve)\s+(?:\w+\s+)?(?:book|booking|send|sending|arrange|arranging|refund|replace|credit|waive|upgrade|reserve|fix|repair|reschedule|rebook|reverse|cancel|extend|move|moving|swap|switch|deliver|install|restore|reconnect|courier|ship|issue|apply|remove|block|lift|escalate|escalated|put you|get you|have (?:a|an|the|someone))\b",
               r"\b(?:or|either|option|options|choice|would you (?:like|prefer|rather))\b")


@dataclass(frozen=True)
class Found:
    move: str
    sentence: Sentence


def _shouting(sentence: Sentence) -> bool:
    caps = [w for w in re.findall(r"\b[A-Z]{3,}\b", sentence.text) if w not in HOSTILE_EXEMPT_CAPS]
    return len(caps) >= 2


# One row per move: (move, pattern that does it, pattern that rules it out, moves that rule it out).
# Rows are read in order, so a move can be ruled out by one found earlier in the same sentence.
RULES = (
    ("blame", BLAME, None, ()),
    ("dismiss", DISMISS, None, ()),
    ("argue", ARGUE, None, ()),
    ("over_promise", OVER_PROMISE, None, ()),
    ("cliche_empathy", CLICHE, None, ()),
    ("thank", THANK, THANK_BLOCK, ("hostile",)),
    ("acknowledge", ACKNOWLEDGE, ACK_BLOCK, ("dismiss", "hostile", "cliche_empathy")),
    ("ask", ASK_OPEN, ASK_BLOCK, ("hostile", "blame")),
    ("restate", RESTATE, None, ()),
    ("agree_part", AGREE_PART, AGREE_BLOCK, ()),
    ("explain_objectively", EXPLAIN, EXPLAIN_BLOCK, ("hostile", "blame", "argue")),
    ("offer_options", OFFER, OFFER_BLOCK, ()),
    ("commit_next_step", COMMIT, OFFER_BLOCK, ()),
    ("collaborate", COLLABORATE, None, ()),
    ("reassure", REASSURE, None, ()),
    ("state_values", STATE_VALUES, None, ()),
    ("part_gracefully", PART, None, ()),
)
CHECK_WORDS = re.compile(r"\b(?:make sure|check|confirm)\b")


def classify(sentence: Sentence) -> set[str]:
    """The moves one sentence clearly does (before reply-level rules such as refusal → cant_do or set_boundary)."""
    s = sentence.lower.strip()
    found: set[str] = {"hostile"} if HOSTILE.search(s) or _shouting(sentence) else set()
    if NON_APOLOGY.search(s):
        found.add("non_apology")
    elif APOLOGY.search(s):
        found.add("apologize")
    for move, pattern, block, ruled_out_by in RULES:
        if pattern.search(s) and not (block and block.search(s)) and not found.intersection(ruled_out_by):
            found.add(move)
    if "commit_next_step" in found and FOLLOW_UP_ONLY.search(s) and not REMEDY.search(s):
        found.discard("offer_options")  # a dated follow-up ("I'll call you by 4") is a next step, not an offer
    if CHECK.search(s) and ("?" in s or CHECK_WORDS.search(s)):
        found.add("check_resolution")
        found.discard("ask")
    if REFUSAL.search(s):
        found.add("refusal")
        if BOUNDARY_TONE.search(s):
            found.add("boundary_tone")
    return found


HELPFUL = ("acknowledge", "apologize", "thank", "ask", "restate", "agree_part", "explain_objectively", "offer_options",
           "collaborate", "commit_next_step", "reassure", "check_resolution", "state_values", "set_boundary", "part_gracefully")
HARMFUL = ("blame", "dismiss", "cant_do", "cliche_empathy", "non_apology", "argue", "hostile", "over_promise")
