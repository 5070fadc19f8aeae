"""The words in Arabic and English news text that say what kind of event it reports.

«استحوذت ميتا على …» is an acquisition, «محاولة استحواذ» a bid, «دعاوى قضائية» a lawsuit,
"unveiled" a product launch. Each cue is a short pattern over words (see `words`): a word
pattern matches a word's folded key whole, so there is never a match inside another word
(«حكم» is not found in «حكومة» or «تحكم»), and an Arabic word pattern also matches the
word with its attached particles and article («وللاستحواذ», «بالشراكة»). Because keys are
folded, one pattern covers hamza and alef forms («إطلاق» / «اطلاق») and ة / ه.

A cue pattern is a string of space-separated steps:

* a regular expression for one word;
* ``…N`` before a step: up to N other words may come between it and the previous step
  (within one sentence);
* ``~`` before a step: the word must be there but is not part of the mention's span;
* ``=`` before an Arabic step: no particles are allowed on it.

A mention spans whole words, particles included. Where cues overlap, a bid wins over
anything else (so «محاولة استحواذ» is a bid, not an acquisition), then the longer cue.
"""

import itertools
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from companies.normalization import ARTICLE, CONJUNCTIONS, PARTICLES, is_arabic

from .sentences import Word, words


class EventKind(models.TextChoices):
    INVESTMENT = "investment", _("investment")
    ACQUISITION = "acquisition", _("acquisition")
    LICENSING = "licensing", _("licensing")
    PARTNERSHIP = "partnership", _("partnership")
    BID = "bid", _("bid")
    LAWSUIT = "lawsuit", _("lawsuit")
    RULING = "ruling", _("ruling")
    PRODUCT_LAUNCH = "product_launch", _("product launch")
    HIRING = "hiring", _("hiring")


@dataclass(frozen=True)
class EventMention:
    kind: str
    start: int
    end: int
    text: str


#: Attached object and possessive pronouns.
_PRONOUN = r"(?:ها|هما|هم|هن|ه|نا|كم)?"
#: «بحكم» means "by virtue of": a ruling only with the article («بالحكم»).
_RULING_PARTICLES = rf"(?:[{CONJUNCTIONS}]?(?:لل|[بك]?{ARTICLE}|ل)?)"
#: A full stop, question or exclamation mark followed by a space, or a line break: a
#: gap in a cue never crosses one.
#: A break between two words: a full stop with a space after it ("97.4" is one number).
_SENTENCE_BREAK = re.compile(r"[.!?؟!۔]\s|[\n\r]")

_LAWSUIT_WORD = r"دعو(?:ي|اها|اه|اهم)|دعاوي?"
_COURT = r"محكم(?:ه|تان|تين)|محاكم|قاضي(?:ه)?|قضاه|هييه"
_COURT_VERB = (
    r"قضت|قضي|رفضت|رفض|ردت|رد|ايدت|ايد|قررت|قرر|امرت|امر|الغت|الغي|حكمت|حكم|اصدرت|اصدر|"
    r"منعت|منع|اوقفت|اوقف|الزمت|الزم"
)
_TALENT = (
    r"باحث(?:ين|ون)?|مهندس(?:ين|ون)?|كفاات|مواهب|خبرا|علما|موظف(?:ين|ون)?|كوادر|"
    r"مطور(?:ين|ون)"
)
_PRODUCT_NOUN = (
    r"(?:نموذج|نماذج|منتج(?:ات)?|تطبيق(?:ات)?|اداه|ادوات|خدم(?:ه|ات)|ميز(?:ه|ات)|جهاز|"
    r"روبوت|نسخ(?:ه|ات)|اصدار|شريح(?:ه|ات)|منص(?:ه|ات)|متصفح)" + _PRONOUN
)
_NOT_A_PRODUCT_AR = (
    PARTICLES + r"(?:حمل(?:ه|ات|ت)|تحقيق(?:ات)?|هجوم|مبادر(?:ه|ات)|سراح|نار|عرض|"
    r"دعو(?:ي)?|سوال|اسيله|خساير|ارقام|نتايج)"
)
_NOT_A_PRODUCT_EN = (
    r"campaigns?|investigations?|probes?|inquir(?:y|ies)|bids?|offers?|lawsuits?|appeals?|"
    r"statements?|reports?|results|earnings|figures|attacks?|bills?|legislation|rules?|"
    r"challenges?|reviews?|hostilities|from|prisoners?|hostages?|data"
)


@dataclass(frozen=True)
class _Step:
    pattern: re.Pattern
    gap: int
    in_span: bool


@dataclass(frozen=True)
class _Cue:
    kind: str
    steps: tuple[_Step, ...]
    #: (pattern, window): the cue does not count if one of the next `window` words matches.
    unless_next: tuple[tuple[re.Pattern, int], ...] = ()
    #: The cue does not count if the word just before its first step matches.
    unless_previous: re.Pattern | None = None


def _cue(
    kind: str,
    spec: str,
    *,
    unless_next: tuple[tuple[str, int], ...] = (),
    unless_previous: str | None = None,
) -> _Cue:
    steps, gap = [], 0
    for item in spec.split():
        if item.startswith("…"):
            gap = int(item[1:])
            continue
        in_span = not item.startswith("~")
        item = item.lstrip("~")
        exact = item.startswith("=")
        item = item.lstrip("=")
        if is_arabic(item) and not exact:
            item = f"{PARTICLES}(?:{item})"
        steps.append(_Step(re.compile(item), gap, in_span))
        gap = 0
    return _Cue(
        kind,
        tuple(steps),
        tuple((re.compile(pattern), window) for pattern, window in unless_next),
        re.compile(unless_previous) if unless_previous else None,
    )


_INVESTMENT = EventKind.INVESTMENT
_ACQUISITION = EventKind.ACQUISITION
_BID = EventKind.BID
_LICENSING = EventKind.LICENSING
_PARTNERSHIP = EventKind.PARTNERSHIP
_LAWSUIT = EventKind.LAWSUIT
_RULING = EventKind.RULING
_LAUNCH = EventKind.PRODUCT_LAUNCH
_HIRING = EventKind.HIRING
_LAUNCH_EXCLUSIONS_AR = ((_NOT_A_PRODUCT_AR, 3), (r"علي(?:ه|ها|هم)?", 1))
_LAUNCH_EXCLUSIONS_EN = ((_NOT_A_PRODUCT_EN, 3),)

CUES: tuple[_Cue, ...] = (
    # Investment.
    _cue(_INVESTMENT, f"استثمار(?:ات)?{_PRONOUN}"),
    _cue(_INVESTMENT, f"استثمر(?:ت|وا|تا|ا|نا)?{_PRONOUN}"),
    _cue(_INVESTMENT, f"[يتن]ستثمر(?:ون|ان|ين)?{_PRONOUN}"),
    _cue(_INVESTMENT, "جول(?:ه|ات|تين|تان|تها) تمويل(?:يه|ي|ها)?"),
    _cue(_INVESTMENT, "(?:جمع(?:ت|وا|تا|ا)?|[يتن]جمع) …8 (?:جول(?:ه|ات)|تمويل(?:ا)?)"),
    _cue(_INVESTMENT, "قاد(?:ت|وا)? …2 جول(?:ه|ات)"),
    _cue(_INVESTMENT, f"ضخ(?:ت|وا|ا)?{_PRONOUN}"),
    _cue(_INVESTMENT, "[يتن]ضخ(?:ون|ان)?"),
    _cue(
        _INVESTMENT,
        "(?:استحوذ(?:ت|وا)?|[يتن]ستحوذ|اشتر(?:ت|ي|وا)|[يتن]شتري|امتلك(?:ت)?|[يتن]متلك|شرا) "
        "…2 حص(?:ه|ص|تها|ته)",
    ),
    _cue(_INVESTMENT, "invest(?:s|ed|ing|ment|ments)?"),
    _cue(_INVESTMENT, "(?:funding|financing|seed|investment) rounds?"),
    _cue(_INVESTMENT, "rounds? of (?:funding|financing|investment)"),
    _cue(
        _INVESTMENT,
        r"rais(?:e|es|ed|ing) …3 ~(?:\d+|million|billion|trillion|bn|funding|capital|money|funds)",
    ),
    _cue(_INVESTMENT, "led …3 rounds?"),
    _cue(_INVESTMENT, "rounds? …3 (?:led|included|includes|drew|attracted)"),
    _cue(_INVESTMENT, "series [a-h]"),
    _cue(
        _INVESTMENT,
        "(?:acquir(?:e|es|ed|ing)|bought|buys?|buying|purchas(?:e|es|ed|ing)|took|takes?|taking) "
        "…3 stakes?",
    ),
    _cue(_INVESTMENT, "stakes? ~in"),
    # "backed by X", «المدعومة من X», «بدعم من X»: X invested in the company before.
    _cue(_INVESTMENT, "backed ~by"),
    _cue(_INVESTMENT, "مدعوم(?:ه)? ~من"),
    # Acquisition.
    _cue(_ACQUISITION, f"استحواذ(?:ات)?{_PRONOUN}"),
    _cue(_ACQUISITION, f"استحوذ(?:ت|وا|تا|ا|نا)?{_PRONOUN}"),
    _cue(_ACQUISITION, "[يتن]ستحوذ(?:ون|ان)?"),
    _cue(_ACQUISITION, "صفق(?:ه|ات|ت) (?:شرا|استحواذ|اندماج)"),
    _cue(_ACQUISITION, f"اشتر(?:ت|ي|وا|تا){_PRONOUN}"),
    _cue(_ACQUISITION, "[يتن]شتري(?:ون|ان)?"),
    _cue(_ACQUISITION, f"اندماج{_PRONOUN}"),
    _cue(_ACQUISITION, "اندمج(?:ت|تا|وا)?|[يتن]ندمج(?:ون|ان)?"),
    _cue(_ACQUISITION, "acquir(?:e|es|ed|ing)|acquisitions?"),
    _cue(_ACQUISITION, "bought|buys?|buying|buyouts?|purchas(?:e|es|ed|ing)"),
    _cue(_ACQUISITION, "takeovers?|mergers?|merg(?:e|es|ed|ing)"),
    # Bid: an offer or attempt to acquire.
    _cue(_BID, "محاول(?:ه|ات|ت(?:ها|ه|هم)) …1 (?:استحواذ|شرا)"),
    _cue(_BID, "(?:عرض(?:ا|ان|ين|ه|ها|ت|وا)?|عروض(?:ا)?) …8 (?:استحواذ|شرا)"),
    _cue(_BID, "(?:[يتن]?تقدم(?:ت|وا|ون)?) (?:عرض(?:ا|ه|ها|هم)?|عروض(?:ه|ها|هم)?)"),
    _cue(_BID, "(?:سع(?:ت|ي|وا)|[يتن]سعي) …2 (?:استحواذ|شرا)"),
    # "a bid to block the conversion" is an attempt, not an offer to buy.
    _cue(
        _BID,
        "bid(?:s|ding|der|ders)?",
        unless_next=((r"(?:block|stop|halt|prevent|force|overturn|dismiss|delay|win)", 2),),
    ),
    _cue(_BID, "offer(?:s|ed|ing)? …4 to (?:acquire|buy|purchase|take)"),
    _cue(
        _BID,
        "(?:takeover|buyout|acquisition|tender|unsolicited|hostile) "
        "(?:offer|bid|proposal|attempt|approach)s?",
    ),
    _cue(_BID, "(?:made|makes|make|submitted|submits|tabled) …2 offers?"),
    _cue(_BID, "(?:attempt(?:ed|s)?|tried|tries|sought|seeks|seeking) to (?:acquire|buy|purchase)"),
    # Licensing.
    _cue(_LICENSING, f"ترخيص(?:ات)?{_PRONOUN}|تراخيص{_PRONOUN}"),
    _cue(_LICENSING, f"رخص(?:ه|ت|ات)?{_PRONOUN}|[يتن]رخص|مرخص(?:ه|ين)?"),
    _cue(_LICENSING, "اتفاق(?:يه|يات)? (?:ترخيص|تراخيص)"),
    _cue(_LICENSING, "licen[cs](?:e|es|ed|ing|ee|ees|or|ors)"),
    # Partnership.
    _cue(_PARTNERSHIP, f"شراك(?:ه|ات|ت(?:ين|ان)?{_PRONOUN})"),
    # «تحالف من المستثمرين» is a consortium of investors, not an alliance.
    _cue(
        _PARTNERSHIP,
        f"تحالف(?:ات|ت|وا|ا)?{_PRONOUN}|[يتن]تحالف(?:ون|ان|ا)?",
        unless_next=((r"من", 1),),
    ),
    _cue(_PARTNERSHIP, "اتفاق(?:يه|يات)? تعاون"),
    _cue(_PARTNERSHIP, "مذكر(?:ه|ت|ات) تفاهم"),
    _cue(_PARTNERSHIP, "مشروع(?:ا)? مشترك(?:ا)?"),
    _cue(_PARTNERSHIP, "partnerships?|partner(?:ed|ing)"),
    _cue(_PARTNERSHIP, "partners? with"),
    _cue(_PARTNERSHIP, "team(?:s|ed|ing)? up"),
    _cue(_PARTNERSHIP, "alliances?"),
    _cue(_PARTNERSHIP, "joint ventures?"),
    _cue(_PARTNERSHIP, "collaboration agreements?"),
    # Lawsuit.
    _cue(_LAWSUIT, _LAWSUIT_WORD),
    _cue(_LAWSUIT, f"(?:{_LAWSUIT_WORD}) قضايي(?:ه|تان|تين)"),
    _cue(_LAWSUIT, f"(?:رفع(?:ت|وا|تا)?|[يتن]رفع) …4 (?:{_LAWSUIT_WORD})"),
    _cue(_LAWSUIT, f"(?:رفع(?:ت|وا|تا)?|[يتن]رفع) …4 (?:{_LAWSUIT_WORD}) قضايي(?:ه|تان|تين)"),
    _cue(_LAWSUIT, "قاض(?:ت|وا|تا)" + _PRONOUN),
    _cue(_LAWSUIT, "[يتن]قاض(?:ي|ون|ان)" + _PRONOUN),
    _cue(_LAWSUIT, "مقاضا(?:ه|ت(?:ها|ه|هم))"),
    _cue(_LAWSUIT, "(?:رفع|قدم)(?:ت|وا)? …2 شكو(?:ي|اها)"),
    _cue(_LAWSUIT, "lawsuits?|su(?:ed|es|ing)|litigation"),
    _cue(_LAWSUIT, "(?:to|will|would|could|may|might) sue"),
    _cue(
        _LAWSUIT,
        "(?:filed|files|file|filing|brought|brings|lodged) …2 (?:suit|complaint|claim|lawsuit)s?",
    ),
    _cue(_LAWSUIT, "complaints? …3 (?:filed|lodged|brought)"),
    _cue(_LAWSUIT, "class actions?"),
    _cue(_LAWSUIT, "legal action"),
    # Ruling.
    _cue(_RULING, f"={_RULING_PARTICLES}(?:حكم(?:ا|ها|هم|ين|ان)?|احكام(?:ا|ها)?)"),
    _cue(_RULING, f"(?:{_COURT_VERB}) (?:{_COURT})"),
    _cue(
        _RULING,
        f"(?:{_COURT_VERB}) (?:{_COURT}) …2 (?:{_LAWSUIT_WORD}|طلب|قضيه|حكم(?:ا)?|احكام(?:ا)?)",
    ),
    _cue(_RULING, f"(?:{_COURT}) …2 (?:{_COURT_VERB})"),
    _cue(_RULING, f"(?:{_COURT}) …2 (?:{_COURT_VERB}) …2 (?:حكم(?:ا)?|احكام(?:ا)?)"),
    _cue(
        _RULING,
        "rul(?:ed|ing|ings)",
        unless_next=(("out|party|parties|class|coalition|elite", 1),),
    ),
    _cue(_RULING, "verdicts?|injunctions?"),
    _cue(
        _RULING,
        "(?:judges?|courts?|jury|justices?|panel) "
        "(?:ruled|rules|found|decided|dismissed|rejected|sided|ordered|blocked|granted|denied|threw)",
    ),
    _cue(_RULING, "court decisions?"),
    _cue(_RULING, "dismiss(?:ed|es)? …1 (?:case|lawsuit|suit|claims?|complaint)s?"),
    # Product launch.
    _cue(_LAUNCH, f"اطلق(?:ت|وا|تا|ا|نا)?{_PRONOUN}", unless_next=_LAUNCH_EXCLUSIONS_AR),
    _cue(_LAUNCH, f"[يتن]طلق(?:ون|ان)?{_PRONOUN}", unless_next=_LAUNCH_EXCLUSIONS_AR),
    _cue(
        _LAUNCH,
        f"اطلاق{_PRONOUN}",
        unless_next=_LAUNCH_EXCLUSIONS_AR,
        unless_previous=f"{PARTICLES}علي",
    ),
    _cue(
        _LAUNCH,
        f"طرح(?:ت|وا|تا)?{_PRONOUN}|[يتن]طرح(?:ون|ان)?{_PRONOUN}",
        unless_next=_LAUNCH_EXCLUSIONS_AR,
    ),
    _cue(_LAUNCH, "(?:كشف(?:ت|وا|تا)?|[يتن]كشف) عن", unless_next=((_NOT_A_PRODUCT_AR, 2),)),
    _cue(_LAUNCH, f"(?:اعلن(?:ت|وا|تا)?|[يتن]علن) …1 عن {_PRODUCT_NOUN}"),
    _cue(_LAUNCH, "دشن(?:ت|وا)?|[يتن]دشن|تدشين"),
    _cue(
        _LAUNCH,
        "launch(?:ed|es|ing)?|releas(?:e|ed|es|ing)|unveil(?:ed|s|ing)?|introduc(?:ed|es|ing)|"
        "debut(?:ed|s)?|rollouts?",
        unless_next=_LAUNCH_EXCLUSIONS_EN,
    ),
    _cue(_LAUNCH, "(?:rolled|rolls|roll|rolling) out", unless_next=_LAUNCH_EXCLUSIONS_EN),
    # Hiring.
    _cue(
        _HIRING,
        f"توظيف{_PRONOUN}|وظف(?:ت|وا|تا)?{_PRONOUN}|[يتن]وظف(?:ون|ان)?",
        unless_next=(
            (PARTICLES + r"(?:ذكا|تقني(?:ه|ات)|تكنولوجيا|موارد|اموال|خبر(?:ه|ات)|بيانات)", 2),
            # «توظف أكثر من 300 خبير»: a headcount, not a hire.
            (r"\d+|اكثر|نحو|حوالي|قرابه", 2),
        ),
    ),
    _cue(_HIRING, "حمل(?:ه|ات) توظيف"),
    _cue(_HIRING, f"عين(?:ت|وا|تا){_PRONOUN}|تعيين(?:ات)?{_PRONOUN}"),
    # «انضمت إلى الجولة»: joined the round as an investor.
    _cue(_INVESTMENT, "(?:انضم(?:ت|وا|ام)?|[يتن]نضم(?:ون)?) =الي =الجوله"),
    _cue(_INVESTMENT, "(?:took|take|takes|taking) part in the …1 rounds?"),
    _cue(_INVESTMENT, "participat(?:ed|es|ing|e) in the …1 rounds?"),
    _cue(_INVESTMENT, "join(?:ed|s|ing)? the …1 rounds? as"),
    _cue(_INVESTMENT, "join(?:ed|s|ing)? the …1 rounds?"),
    _cue(_HIRING, "(?:انضم(?:ت|وا|ام)?|[يتن]نضم(?:ون)?) …1 =الي"),
    _cue(
        _HIRING,
        "(?:استقطاب|استقطب(?:ت|وا)?|[يتن]ستقطب(?:ون)?|جذب|[يتن]جذب|اكتساب|[يتن]كتسب|ضم|[يتن]ضم)"
        f" …4 (?:{_TALENT})",
    ),
    _cue(_HIRING, "hir(?:e|es|ed|ing)|poach(?:ed|es|ing)|recruit(?:s|ed|ing|ment)?"),
    _cue(_HIRING, "appoint(?:s|ed|ing|ment|ments)"),
    _cue(_HIRING, "(?:joins|joined|join|joining) …3 as"),
    _cue(
        _HIRING,
        "named …2 ~(?:ceo|cto|cfo|coo|chief|president|head|chair|chairman|chairwoman|director)",
    ),
)


def event_mentions(text: str) -> list[EventMention]:
    """Every event cue in `text`, in order, each span once: bids first, then longer cues."""
    found = words(text)
    sentence_of = _sentence_numbers(text, found)
    candidates = []
    for cue in CUES:
        for index in range(len(found)):
            span = _match(cue, found, sentence_of, index)
            if span is not None:
                start, end = found[span[0]].start, found[span[1]].end
                candidates.append((cue.kind, start, end))
    candidates.sort(key=lambda c: (c[0] != EventKind.BID, -(c[2] - c[1]), c[1]))
    chosen: list[EventMention] = []
    for kind, start, end in candidates:
        if any(start < other.end and other.start < end for other in chosen):
            continue
        chosen.append(EventMention(kind, start, end, text[start:end]))
    kept = [mention for mention in chosen if not _negated(text, mention.start)]
    return sorted(kept, key=lambda mention: mention.start)


#: Words that, shortly before a cue, deny or only suppose the event: "did not acquire",
#: "without an acquisition", "could invest", «لم تنضم», «لا تعتزم الاستحواذ».
_DENIALS = frozenset(
    {
        "not",
        "no",
        "never",
        "without",
        "nor",
        "didn't",
        "doesn't",
        "won't",
        "isn't",
        "wasn't",
        "hasn't",
        "haven't",
        "could",
        "might",
        "if",
        "لم",
        "لن",
        "لا",
        "ليس",
        "ليست",
        "دون",
        "بدون",
        "لو",
    }
)
_DENIAL_WINDOW = 3
_BEFORE_WORD = re.compile(r"[^\W_]+(?:'t)?", re.UNICODE)


def _negated(text: str, start: int) -> bool:
    """Whether one of the few words just before `start`, in its sentence, is a denial
    (with or without an attached «و» or «ف»: «ولم تستحوذ»)."""
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start), -1) + 1
    window = _BEFORE_WORD.findall(text[line_start:start].lower())[-_DENIAL_WINDOW:]
    pairs = itertools.pairwise([*window, ""])
    return any(_is_denial(word) and not _STILL.match(after) for word, after in pairs)


def _is_denial(word: str) -> bool:
    return word in _DENIALS or (word[:1] in ("و", "ف") and word[1:] in _DENIALS)


#: «لا تزال», «ما زالت»: "still"; «لا سيما»: "especially": not denials.
_STILL = re.compile(r"^(?:[يت]?زال|سي(?:ّ)?ما)")


def event_kinds(text: str) -> list[str]:
    """The distinct kinds of event `text` mentions, in order of first mention."""
    return list(dict.fromkeys(mention.kind for mention in event_mentions(text)))


def _sentence_numbers(text: str, found: list[Word]) -> list[int]:
    """For each word, the number of sentence breaks before it."""
    numbers, number = [], 0
    for index, word in enumerate(found):
        if index and _SENTENCE_BREAK.search(text[found[index - 1].end : word.start]):
            number += 1
        numbers.append(number)
    return numbers


def _match(cue: _Cue, found: list[Word], sentence_of: list[int], index: int):
    """The (first, last) word indexes of `cue`'s span when it matches from word `index`."""
    positions: list[int] = []

    def walk(step_number: int) -> bool:
        if step_number == len(cue.steps):
            return True
        step = cue.steps[step_number]
        if step_number == 0:
            options = range(index, index + 1)
        else:
            previous = positions[-1]
            options = range(previous + 1, min(previous + 2 + step.gap, len(found)))
        for position in options:
            if step_number and sentence_of[position] != sentence_of[positions[-1]]:
                break
            if step.pattern.fullmatch(found[position].key):
                positions.append(position)
                if walk(step_number + 1):
                    return True
                positions.pop()
        return False

    if not walk(0) or _excluded(cue, found, sentence_of, positions):
        return None
    in_span = [p for p, step in zip(positions, cue.steps, strict=True) if step.in_span]
    return in_span[0], in_span[-1]


def _excluded(cue: _Cue, found: list[Word], sentence_of: list[int], positions) -> bool:
    first, last = positions[0], positions[-1]
    if cue.unless_previous is not None and first > 0:
        previous = found[first - 1]
        if sentence_of[first - 1] == sentence_of[first] and cue.unless_previous.fullmatch(
            previous.key
        ):
            return True
    for pattern, window in cue.unless_next:
        for position in range(last + 1, min(last + 1 + window, len(found))):
            if sentence_of[position] != sentence_of[last]:
                break
            if pattern.fullmatch(found[position].key):
                return True
    return False
