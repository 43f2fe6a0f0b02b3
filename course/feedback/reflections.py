"""Assess a reflection with the guide's rubric: technique, situation, analysis, plan; then the caps.

One point per criterion met, each backed by the sentence that meets it.
Caps: under 40 words scores at most 1; off-topic scores 0 (copies, keyword
lists and other languages are caught earlier by the gaming checks).
"""
from __future__ import annotations

import re

from . import learned
from .moves import rx
from .result import Assessment, Evidence
from .gaming import _corporate
from .text import sentences, word_count, words

# How a learner names or paraphrases each module's techniques (in their own words, loosely).
MODULE_TECHNIQUES = {
    "01_listen": r"\blisten\w*|\blet (?:him|her|them|the \w+) (?:vent|talk|finish|speak|get it (?:all )?out)|\bvent\w*|\binterrupt\w*|\bsilen\w+|\bpaus\w+|\b(?:feel|felt|feeling) (?:heard|listened)|\bheard\b|\bthank\w* (?:him|her|them|the \w+|you) for|\bhear (?:him|her|them) out|\bquiet\b|\bsaid nothing|\bfinish(?:ed)? (?:talking|speaking)",
    "02_empathy": r"\bempath\w+|\bin (?:his|her|their|the customer'?s) shoes|\backnowledg\w+|\bapologi[sz]\w+|\bsorry\b|\bwhere (?:he|she|they) (?:was|were|are|is) right|\byou(?:'re| are) right\b|\bvalidat\w+|\bhis feelings|\bher feelings|\btheir feelings|\bhow (?:he|she|they) felt\b|\bnam(?:e|ed|ing) (?:the|her|his|their) (?:feeling|frustration|worry|fear)",
    "03_understand": r"\bquestion\w*|\bask(?:ed|ing|s)?\b|\bsummar\w+|\brestat\w+|\bplay(?:ed)? (?:it )?back|\btimeline\b|\broot cause|\bcause\b|\bwhat i heard|\bclarif\w+|\bdig(?:ging)? (?:deeper|into)|\bnever assume|\bdon'?t assume|\bfeelings first",
    "04_resolve": r"\boption\w*|\bchoice\w*|\balternative\w*|\bbrainstorm\w*|\btogether\b|\bcheck\w* (?:that|if|whether|back|in|it)|\bfollow(?:ed|ing)?[- ]up|\bresolved?\b|\bsolution\w*|\bwhat is possible|\bwhat we could do|\bwhat (?:i|we) can do|\bask\w* (?:her|him|them|the \w+) (?:if|whether)\b",
    "05_hold_ground": r"\bassertiv\w+|\bobjectiv\w+|\bpolicy\b|\bvalues?\b|\brespect\w*|\bboundar\w+|\bcalm\w*|\bhold (?:my|our|the) ground|\bstand (?:my|our) ground|\bstood (?:my|our) ground|\btrust\b|\bregroup\b|\bprinciple\w*|\bsafety\b|\bfirm\w*|\bpolite\w*|\bnot personal|\bissue,? not the person|\bexplain\w* why",
    "06_outages": r"\breach(?:ed)? out|\bpersonally|\bupdates?\b|\bstatus\b|\bevery (?:\w+ )?(?:hour|minutes|day)|\bbest (?:people|engineers|team)|\btop priority|\bpriority\b|\bnamed (?:person|contact|communicator)|\bcommunicat\w+|\binformed\b|\bin the (?:loop|know)|\breassur\w+|\bpoint of contact|\bdirectly\b|\bfocus\w* on (?:the )?(?:fix|solution|solving)",
    "07_protect": r"\bin writing|\bwritten\b|\bwrite (?:it|things|everything) down|\bcontract\w*|\bsla\b|\bscope\b|\bsign(?:ed)?[- ]off|\bchange (?:log|request|order)s?|\btimeline\b|\bdeadline\w*|\bdecision dates?|\bup ?front\b|\bagree\w* (?:in advance|beforehand|up front|upfront)|\bdocument\w*|\bterms\b|\bexpectations\b|\bwhat is (?:and is not|included)",
    "08_part_ways": r"\bpart(?:ed)? ways|\bright fit|\bgood fit|\bwalk(?:ed)? away|\bgracious\w*|\bthank\w* (?:him|her|them|the \w+) for (?:\w+ ){0,3}(?:business|custom|years|loyalty|membership|patronage)|\bthe right \w+ for (?:him|her|them)|\bhand(?:ed)?[- ]?over|\bhand (?:the|it|them) (?:account )?over|\brefer(?:red)?\b|\bwish(?:ed)? (?:him|her|them) well|\bdoor open|\bleave on good terms|\bend(?:ed)? (?:it |the relationship )?(?:well|politely|respectfully|kindly)|\bburn(?:ed|ing)? bridges|\bpolitely decline",
    "09_capstone": r"\bempathy\b|\bunderstand\b|\boffer\w*|\bcheck(?:ed|ing|s)?\b(?!-in)|\beuoc\b|\bin order\b|\bjump\w* (?:straight )?to|\bleapfrog\w*|\bfour steps\b|\bthe arc\b",
}
MISUSE = rx(r"\bknew (?:exactly )?how (?:he|she|they) felt\b", r"\b(?:completely|totally) (?:knew|know|understood) how\b", r"\boptions?\b[^.?!]*\b(?:could not|couldn'?t|can'?t|cannot|won'?t)\b[^.?!]*\bor\b", r"\b(?:told|said to) (?:him|her|them)\b[^.?!]*\b(?:was|were) wrong\b", r"\b(?:his|her|their) own (?:mistake|fault)\b", r"\b(?:same|automated|generic|template) (?:text|message|email|reply)\b", r"\bno-reply\b", r"\bthrough (?:our|the|his|her) (?:lawyers?|solicitors?|legal)\b", r"\bno longer discuss\b",
           r"\bcorrect(?:ed|ing) (?:her|him|them)\b", r"\b(?:yes or no|closed questions?)\b", r"['\"‘“]\s*(?:did|do|does|is|are|was|were|can|could|have|has|will)\b[^'\"’”?]*\?\s*['\"’”]",
            r"\b(?:between us|without (?:the customer|her|him|them|asking))\b", r"\bdefinitely\b[^.?!]*\b(?:fixed|ready|done)\b", r"\bnever happen again\b", r"\bafter the argument\b",
            r"\b(?:lost it|in anger|angrily|snapped at)\b", r"\boffer\w*\b[^.?!]{0,80}\bthen\b[^.?!]{0,40}\b(?:sorry|empath\w+|understand|asked)\b", r"\bticking\b", r"\bthat'?s (?:the|our) policy\b", r"\bnothing (?:i|we) can do\b", r"\bpeople like (?:him|her|them|you)\b", r"\bmost difficult\b",
            r"\bopen questions?\b[^.?!]*['\"“‘]\s*(?:is|are|do|does|did|can|could|have|has|was|were|will)\b[^?]*\?", r"\bjust kept saying\b", r"\bcalm down\b", r"\bi know (?:exactly )?how you feel\b", r"\btold (?:him|her|them) to (?:relax|calm|stop)\b", r"\bunfortunately,? we can'?t\b",
            r"\bproved (?:him|her|them) wrong\b", r"\bput (?:him|her|them) in (?:their|his|her) place\b", r"\bwon the argument\b",
            r"\bshowed (?:him|her|them) (?:who|that (?:he|she|they) (?:was|were) wrong)\b", r"\bargu(?:ed|ing) (?:him|her|them|back)\b", r"\bnot my fault\b")
PAST = re.compile(r"\b(?:was|were|had|did|said|told|came|went|got|called|rang|asked|felt|made|took|gave|saw|thought|wanted|needed|kept|left|"
                  r"began|started|ended|tried|explained|refused|shouted|complained|arrived|happened|worked|\w+ed)\b", re.I)
DETAIL = re.compile(r"\d|\b(?:last|this|that|one|a few|two|three) (?:week|month|year|winter|summer|spring|autumn|fall|morning|evening|night|day|hour|minute|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|shift|time)s?\b|\b(?:yesterday|once|recently|when i (?:worked|was))\b|"
                    r"\b(?:mr|mrs|ms|dr|miss)\.? [A-Z]|\b(?:a|an|our|my|the|one|this|that|hotel|shop|regular) (?:customer|client|guest|patient|caller|member|tenant|parent|passenger|buyer|user|colleague|manager|man|woman|lady|gentleman|homeowner|couple|family)\b|^(?:a |one )?(?:hotel |shop |bank |gym )?(?:customer|client|guest|patient|caller|member|tenant|homeowner)\b", re.I)
PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
WHY_WORDS = r"(?:feel|felt|need|needed|wanted|heard|ignored|listen\w*|angr\w*|calm\w*|trust\w*|worse|better|work(?:ed|s)?|help\w*|fail\w*|upset|frustrat\w*|respect\w*|understood|valued|embarrass\w*|scared|afraid|worried|relie\w*|defen\w*|handled|silence|mattered|cared)"
ANALYSIS = rx(r"\b(?:felt|feel|feels) (?:like|as if|as though)\b", r"\b(?:he|she|they|families|relatives|clients|customers|people|patients|parents|guests) (?:need|needs|want|wants|fear|fears)\b", r"\bwhat (?:they|he|she|families|relatives|people|clients|customers|patients|guests) (?:really )?(?:need|want|feel|fear)\b", r"\b(?:afraid|scared|frightened|terrified|worried|anxious|embarrassed|humiliated|lonely|ashamed) (?:of|that|about|in front|for)\b",
           r"\bwhat (?:he|she|they|the \w+|customers?|people|staff) (?:was|were|is|are) (?:really )?after\b", r"\bwhy (?:it|we|this|that|i|they) (?:worked|failed|missed|went|happened|helped)\b", r"\bworks? (?:much |far |a lot )?(?:better|best|worse)\b", r"\breally about\b", r"\b(?:he|she|they|the \w+)\b (?:was|were|felt|seemed) (?:really |just |so |very |quite |clearly )?(?:worried|scared|afraid|anxious|embarrassed|frustrated|angry|upset|stressed|nervous|humiliated|ashamed|desperate|tired|exhausted|under pressure|confused|hurt)\b", r"\b(?:customers?|people|staff|guests?|patients?|clients?|he|she|they) (?:only |just |mostly |really |simply )?(?:needed|wanted|cared about)\b", r"\b(?:calmed|saved|helped|worked|changed|defused|turned)\b[^.?!]*\b(?:more than|so that|meant|instead of)\b", r"\bwhat (?:saved|helped|worked|mattered|changed|calmed)\b", r"\blooking back\b", r"\bmade (?:it|this|that) about\b", r"\bif (?:it|we|i|they|he|she|someone|anyone) had\b[^.?!]*\bwould(?:n\'?t| not)? have\b", r"\b(?:would|could) have (?:been|made|saved|stopped|prevented)\b[^.?!]*\b(?:if|instead)\b", r"\bthe (?:symptom|cause|root)\b", r"\b(?:it|this|that) meant\b",
          rf"\bbecause\b[^.?!]*\b{WHY_WORDS}", rf"\b{WHY_WORDS}\b[^.?!]*\bbecause\b", rf"\bsince (?:he|she|they|i|we|it|the)\b[^.?!]*\b{WHY_WORDS}", r"\bwhich (?:made|meant|is why|was why|left)\b", r"\bthat'?s why\b", r"\bthe reason\b",
              r"\b(?:he|she|they|the customer|the client|the guest|the patient) (?:just |really |only )?(?:felt|was feeling|were feeling|needed|wanted|was worried|were worried|was afraid|was scared|didn'?t feel|did not feel|was embarrassed|cared)\b",
              r"\bwhat (?:he|she|they) (?:really |actually )?(?:needed|wanted)\b", r"\bi (?:realised|realized|learned|learnt|understood|saw|noticed) (?:that|how|why|then)?\b",
              r"\b(?:worked|helped|failed|backfired|made it worse|made things worse|calmed (?:him|her|them|things) down|escalated)\b[^.?!]*\b(?:because|since|as|when)\b",
              r"\bso (?:he|she|they) (?:felt|thought|got|became)\b", r"\bmade (?:him|her|them) feel\b", r"\b(?:felt|feel) (?:heard|ignored|dismissed|respected|valued|handled|brushed off)\b",
              r"\b(?:it|this|that) (?:showed|meant|made|turned)\b", r"\bthe (?:real )?(?:problem|issue|mistake) was\b", r"\bwhy it (?:worked|failed)\b", r"\bthe difference was\b")
PLAN = rx(r"\bsince then\b", r"\bstarting (?:this|next|from)\b", r"\bfor the (?:next|autumn|spring|summer|winter|coming) \w+\b", r"\bat the next\b", r"\b(?:now|from now) (?:starts?|lists?|includes?|has|carries)\b", r"\b(?:is|are) now\b", r"\bnow (?:list|lists|start|ask|open|begin|send|call|check|put|keep|include)\b", r"\bfrom (?:this|next) (?:weekend|month|week|year|term|season|project|shift|quarter|sprint|job|event)\b", r"\bfrom my next \w+\b", r"\bi'?ll \w+ (?:that|this|it) first\b",
           r"\b(?:my|our) (?:own )?(?:change|plan|version|opener|rule|habit|suggestion|fix|approach|template|script|line|promise)\b", r"\bwhat i(?:\'m| am)? ?(?:will |\'ll |would |\'d )?(?:change|changing|do differently|\'d do differently|do now|will do|do next)\b", r"\bwhat i(?:\'ll| will| would|\'d) (?:do|change|ask|say|try)\b", r"\bfrom (?:my )?(?:now|next \w+|today|monday|tomorrow|this week)\b", r"\bi(?:\'m| am) (?:adding|changing|keeping|putting|starting|logging|ringing|calling|asking|writing|making|booking|bringing|sending)\b", r"\b(?:now|from now) (?:carries|has|includes|gets|goes)\b", r"\bevery \w+ (?:i|we) (?:send|write|take|do|book)\b[^.?!]*\bnow\b", r"\bif i were (?:running|in charge|the one)\b", r"\bthis (?:friday|monday|tuesday|wednesday|thursday|week|afternoon|evening)\b[^.?!]*\bi(?:\'m| am| will|\'ll)\b", r"\bplan:", r"\bnext time:", r"\bthe (?:question|line|step|rule) i(?:\'m| am| have|\'ve| will|\'ll)\b", r"\bthe day i(?:\'m| am) (?:the one )?in charge\b",
          r"\bnext time\b", r"\bfrom now on\b", r"\bin (?:the )?future\b", r"\bgoing forward\b", r"\bi(?:'ll| will| am going to|'m going to| plan to| intend to| want to| would)\b[^.?!]*\b(?:next|now|future|again|always|first|before|instead|every|start|stop|make sure|ask|listen|write|say|check|offer|call|thank|pause|send|agree|keep)\b",
          r"\bmy plan\b", r"\bi(?:'ve| have) (?:started|decided|made a rule)\b", r"\bi now\b")
CONCRETE_ACTION = re.compile(r"\b(?:ask|listen|say|tell|write|send|call|ring|phone|email|thank|pause|offer|check|summari[sz]e|sum up|agree|put|wait|let|repeat|name|update|confirm|note|explain|stop|start|stay|keep|give|apologi[sz]e|acknowledge|play back|restate|read|reply|refer|hand|introduce|set|book|follow up|log|document|sign|share|schedule|walk|sit|open|ask for|get|bring|make (?:a|the|one)|use|lead|own|step|hold|count|breathe|nod)\w*\b", re.I)
VAGUE_PLAN = rx(r"\bkeep (?:asking|improving|being|working|doing|trying|learning|getting) (?:\w+ ){0,2}(?:better|more|going forward|in future|habit|good)\b", r"\bkeep (?:improving|working on)\b", r"\b(?:be|being) more (?:careful|proactive|patient|aware|attentive|professional|assertive)\b", r"\bmore in the loop\b", r"\b(?:use|handle|manage) (?:the model|this|it|things|situations?|this type of \w+) (?:even )?better\b", r"\b(?:firm but fair|even better)\b",
           r"^(?:next time,? )?i(?:'ll| will) (?:try to )?(?:do|be) (?:better|more careful|more patient|nicer)[.!]?$", r"\bkeep (?:it|that|this|euoc) in mind\b", r"\btry (?:my best|harder)\b")
# Essay voice: sentences about the world in general, the filler of a long text that answers nothing.
ESSAY = rx(r"\b(?:is|are) (?:an |a )?(?:very |so |really |also |more )?(?:important|essential|crucial|vital|valuable|key)\b", r"\bthroughout history\b", r"\bin today'?s\b", r"\bthe modern (?:world|workplace|economy)\b",
           r"\b(?:ultimately|in conclusion|all in all|at the end of the day)\b", r"\bplays? an? (?:key|vital|crucial|important|big) role\b", r"\b(?:everyone|everybody|anyone|people) (?:can|should|who|must|needs? to)\b",
           r"\bevery (?:organisation|organization|business|interaction|situation|company|relationship) is\b", r"\b(?:very|really|quite) (?:interesting|informative|useful)\b", r"\bsuccess depends\b", r"\bcome in (?:many|all) shapes\b")
HINDSIGHT = rx(r"\bif i had\b", r"\bi should have\b", r"\bi would have\b", r"\bif i'?d\b")
SERVICE = rx(r"\b(?:customers?|clients?|guests?|patients?|callers?|members?|tenants?|passengers?|buyers?|shoppers?|diners?|residents?|users?|parents?|"
             r"account manager|complain\w*|customer service|service desk|support|orders?|deliver(?:y|ies)|refunds?|bills?|billing|bookings?|outages?|contracts?|"
             r"suppliers?|vendors?|tickets?|shop|store|restaurant|hotel|bank|clinic|hospital|surgery|council|airline|gym|garage|agency|invoices?|claims?|subscription|"
             r"front desk|reception|counter|till|helpdesk|help desk|call cent(?:re|er)|sla|scope|project|account|business|firm|company|agreement|service|homeowners?|householders?|"
             r"landlord|manager|supervisor|colleagues?|staff|shift|branch|depot|warehouse|dock|donors?|charity|volunteers?|drivers?|office|pharmacy|café|cafe|kitchen|"
             r"quoted?|quotes|price|paid|charged?|fees?|conductor|cashier|waiter|receptionist|status page|engineers?|technicians?|electrician|plumber|builder|kitchen fitter|train|flight|bus|"
             r"school|teachers?|principal|head ?teacher|pupils?|students?|desk|returns?|receipts?|fares?|bins?|collections?|crew|devices?|software|app|updates?|"
             r"appointments?|prescriptions?|parcels?|couriers?|cater\w*|venue|meters?|broadband|provider|insurer|policyholders?|pharmacist|nurse|doctor|dentist|vet|"
             r"sales|salon|workshop|mechanic|contractor|tradesman|landlord|letting agent|estate agent|reservation|checkout|helpline|hotline|chat|queue|accounts?)\b")
# Signs of a personal story (family, friends, dating, sport, holidays, the course itself) rather than a service one.
PERSONAL = rx(r"\b(?:first|second|third) date\b", r"\bon a date\b", r"\b(?:girlfriend|boyfriend|fiancée?|flatmate|roommate|teenager|teenage|in-laws|my ex)\b",
              r"\bmy (?:son|daughter|mum|mom|mother|dad|father|brother|sister|friend|friends|kids?|children|wife|husband|partner|family|cousin|uncle|aunt|grandma|grandad|grandmother|grandfather|neighbour|neighbor)\b",
              r"\b(?:holiday|vacation|honeymoon|wedding|birthday|anniversary|christmas|thanksgiving) (?:in|at|with|party|dinner|trip)\b", r"\bon (?:holiday|vacation)\b",
              r"\b(?:football|basketball|netball|rugby|cricket|hockey|five-a-side|league|referee|coach|team) (?:match|game|club|team|season|practice|training)\b", r"\bmy (?:team|club|league|coach)\b",
              r"\b(?:driving test|dissertation|thesis|my exams?)\b", r"\bthis (?:course|module|notebook)\b", r"\b(?:the|this) (?:video|certificate|quiz|notebook) (?:for|from|in) module\b")
CUSTOMER_ROLE = rx(r"\b(?:customers?|clients?|guests?|patients?|callers?|members?|tenants?|passengers?|buyers?|shoppers?|diners?|residents?|users?|relatives|policyholders?|homeowners?|students?|donors?|families|parents)\b")
FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself|i'm|i've|i'll|i'd|we|our|us)\b", re.I)

GENERIC = rx(r"\b(?:often|usually|always|generally|tend to|every time|in general|sometimes|it depends)\b", r"\bis (?:very |so |really )?important\b", r"\bnever (?:had|been|seen|dealt)\b", r"^(?:the idea|by the end|in an outage|it is important)\b")


def _after_plan_marker(sentence: str) -> str:
    """The part of a plan sentence after "next time", "I will"...: where the concrete action must be."""
    match = PLAN.search(sentence)
    return sentence[match.start():] if match else sentence


def _harmful(sentence) -> bool:
    """A technique "used" with an anti-pattern (telling them to relax, blaming, insulting) is not used correctly."""
    from .moves import classify
    return bool(classify(sentence) & {"hostile", "blame", "dismiss", "cliche_empathy", "argue"})


CRITERIA = ("technique", "situation", "analysis", "plan")

TECHNIQUE_NAMES = {
    "01_listen": "listen-first / let-them-vent", "02_empathy": "show-empathy", "03_understand": "ask-questions",
    "04_resolve": "offer-alternatives / check-resolution", "05_hold_ground": "assertive-communication",
    "06_outages": "keep-them-informed", "07_protect": "put-it-in-writing", "08_part_ways": "walk-away-graciously",
    "09_capstone": "euoc-process",
}
NEXT = {
    "technique": "Name the technique you used or would use, and show how it works in your story ({name}).",
    "situation": "Anchor it in one real moment: who, when, and one specific detail.",
    "analysis": "Say why it went that way: what was the customer feeling or needing?",
    "plan": "Finish with one specific thing you will do differently next time.",
}


def rule_pass(sents: list, module: str | None) -> tuple[list[set[str]], dict[str, str]]:
    """Each sentence's rule signals, and the criteria the rules alone credit ({criterion: sentence})."""
    tech_re = re.compile(MODULE_TECHNIQUES[module] if module else "|".join(MODULE_TECHNIQUES.values()), re.I)
    met: dict[str, str] = {}
    signals: list[set[str]] = []
    for s in sents:
        low = s.lower
        plan_marker = PLAN.search(low)
        concrete = CONCRETE_ACTION.search(_after_plan_marker(low))
        found = {name for name, hit in (
            ("technique_named", tech_re.search(s.text)), ("misuse", MISUSE.search(low)), ("harmful", _harmful(s)),
            ("generic", GENERIC.search(low)), ("past", PAST.search(s.text)), ("detail", DETAIL.search(s.text)),
            ("proper_name", PROPER.search(s.text)), ("analysis_cue", ANALYSIS.search(low)), ("plan_marker", plan_marker),
            ("concrete_action", concrete), ("vague_plan", VAGUE_PLAN.search(low)), ("hindsight", HINDSIGHT.search(low)),
        ) if hit}
        vague_plan_only = plan_marker and not concrete
        if "technique_named" in found and not found & {"misuse", "harmful", "generic"} and not vague_plan_only:
            found.add("rule:technique")
        if found >= {"past"} and found & {"detail", "proper_name"} and len(words(s.text)) >= 5 and not found & {"plan_marker", "generic"}:
            found.add("rule:situation")
        if "analysis_cue" in found:
            found.add("rule:analysis")
        if plan_marker and concrete and not found & {"hindsight", "vague_plan"} and len(words(s.text)) >= 4:
            found.add("rule:plan")
        for criterion in CRITERIA:
            if f"rule:{criterion}" in found:
                met.setdefault(criterion, s.text)
        signals.append(found)
    if "technique" in met and module and any("misuse" in f for f in signals):
        # a technique named but used wrongly elsewhere in the story is not credited
        if not any(f >= {"technique_named"} and "misuse" not in f and len(words(s.text)) >= 8 for s, f in zip(sents, signals)):
            del met["technique"]
    return signals, met


def _off_topic(text: str, met: dict) -> bool:
    """A personal story with barely a sign of anyone being served, or a text with no such sign that meets
    almost nothing. Errs towards on-topic: word lists miss real service stories told in other words
    ("she bought batteries from us"), and losing a real story costs a learner more than a missed off-topic one."""
    personal = PERSONAL.search(text)
    if personal and not CUSTOMER_ROLE.search(text):
        return len({m.group(0).lower() for m in SERVICE.combined.finditer(text)}) < 3
    if not SERVICE.search(text):
        return bool(personal) or len(met) < 2
    return False


def apply_caps(text: str, met: dict, n_words: int) -> tuple[int, list[str], list[Evidence]]:
    """The score after the guide's caps: one point per criterion met, at most 1 under 40 words,
    0 for a text that is not about a service situation. A long but general text (no situation, no plan)
    keeps at most 1: the guide would credit its technique and analysis, but length alone must not pay."""
    if n_words >= 60 and not met.keys() & {"situation", "plan"} and not re.search(r"\d", text):
        filler = _corporate(words(text)) or sum(bool(ESSAY.search(x.text)) for x in sentences(text)) >= 2
        if filler:
            return 0, ["padding"], [Evidence("padding", "", "This is long but general, with no situation of your own and no plan, so it scores 0.", False)]
        if not met.keys() & {"technique"}:
            return min(len(met), 1), ["padding"], [Evidence("padding", "", "This is long but general: no situation of your own and no plan, so it scores at most 1.", False)]
    if _off_topic(text, met):
        return 0, ["off_topic"], [Evidence("off_topic", "", "This does not seem to be about a customer or a service situation, so it scores 0.", False)]
    if n_words < 40:
        return min(len(met), 1), ["under_40_words"], [Evidence("under_40_words", "", f"It has {n_words} words; reflections under 40 words score at most 1.", False)]
    return len(met), [], []


def assess_reflection(text: str, module: str | None = None) -> Assessment:
    sents = sentences(text)
    module = module if module in MODULE_TECHNIQUES else None
    n_words = word_count(text)
    signals, met = rule_pass(sents, module)
    by_model = learned.reflection_criteria(sents, signals, met, n_words)
    if by_model is not None:
        met = {c: sents[i].text for c, i in sorted(by_model.items(), key=lambda kv: CRITERIA.index(kv[0]))}
    result, flags, cap_notes = apply_caps(text, met, n_words)
    if result == 0 and flags and flags[0] in ("padding", "off_topic"):
        met = {}
    evidence = [Evidence(c, met[c], {
        "technique": "You named or used a technique of this lesson.",
        "situation": "You described a concrete situation with a specific detail.",
        "analysis": "You explained why it went that way.",
        "plan": "You stated what you will do differently.",
    }[c], True) for c in CRITERIA if c in met] + cap_notes
    missing = [c for c in ("situation", "technique", "analysis", "plan") if c not in met]
    if "padding" in flags:
        tip = "Tell one real story: what happened, why, and what you will do next time."
    elif "off_topic" in flags:
        tip = "Write about a real situation with a customer, client or member of the public."
    elif missing:
        tip = NEXT[missing[0]].format(name=TECHNIQUE_NAMES.get(module or "", "a technique from this lesson"))
    elif n_words < 40:
        tip = "Say a little more (at least 40 words): the situation, why, and your plan."
    else:
        tip = "All four parts are there. Keep this habit of specific, honest reflection."
    return Assessment(kind="reflection", score=result, criteria=tuple(c for c in ("technique", "situation", "analysis", "plan") if c in met),
                      flags=tuple(flags), evidence=tuple(evidence), feedback=tuple(e.note for e in evidence) + (tip,),
                      explanation=_explain(result, met, flags, n_words))


def _explain(result: int, met: dict, flags: list[str], n_words: int) -> str:
    if "off_topic" in flags:
        return "0/4: a reflection must be about a real customer or service situation of your own."
    parts = ", ".join(c for c in ("technique", "situation", "analysis", "plan") if c in met) or "none of the four parts"
    if "padding" in flags:
        return f"{result}/4: it meets {parts}, but without a situation of your own or a plan, a long general text scores at most 1."
    if "under_40_words" in flags and len(met) > 1:
        return f"{result}/4: it meets {parts}, but reflections under 40 words score at most 1."
    return f"{result}/4: one point each for technique, situation, analysis and plan; this meets {parts}."
