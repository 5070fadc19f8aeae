"""Names in an English sentence: capitalised runs with a cue around them."""

import re

from ..sentences import Sentence
from .common import COMPANY, CUED, EXPLICIT, GUESSED, PERSON, PRODUCT, NameCandidate, word_list

FIRST_NAMES_LATIN = frozenset(
    word_list(
        """
        Sam Satya Sundar Jensen Dario Daniela Elon Mark Marc David Alexandr Alexander Alex
        Mira Demis Mustafa Arthur Greg Ilya Yann Andrew Andrej Andy Jeff Tim Bill Larry
        Sergey Kevin Brad Jack Reid Ben Peter Emmett John Michael Lisa Susan Sheryl Jony
        Aidan Noam Geoffrey Yoshua Robin Masayoshi Aravind Daniel Adam Kate Jane Joe Donald
        Lina Brian Amy Safra Mike Steve Steven James Robert Richard Thomas Charles William
        Matthew Philip Eric Nick Chris Julia Evan Jason Oliver Henry Ian Neil Fidji Arvind
        Sarah Emily Jennifer Laura Anna Maria Sebastian Nat Clem Marissa
        """
    )
)
#: Capitalised English words that are not names on their own.
STOP_WORDS_EN = frozenset(
    word_list(
        """
        The A An In On At Under Over For From With By Of To And But Or Nor If When While As
        After Before Since During Until Last Next This That These Those It Its He She They We
        I You His Her Their Our My Your Who What Which Where Why How There Here Then Now Also
        However Meanwhile Earlier Later Today Yesterday Tomorrow According Financial Terms
        Chief Executive Officer Senior Vice President Founder Co-founder Chairman Chairwoman
        Director Head Judge Justice Senator Representative Secretary Minister Court Mr Mrs Ms
        Dr Prof Sen Rep CEO CTO CFO COO AI US U.S UK U.K EU E.U UN Series Big Tech Both
        Such Many Most Some Several Other Another Each Every All No Not Yes Please Thanks
        January February March April May June July August September October November December
        Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
        Friday Saturday Sunday Breaking Exclusive Update Analysis Opinion Source Sources
        Reuters Bloomberg
        """
    )
)
#: Places, peoples and institutions: capitalised mid-sentence, but not what the tracker
#: follows. A capitalised run made only of these is not a name.
PLACES_EN = frozenset(
    word_list(
        """
        Europe European America American Americans China Chinese France French Germany
        German Netherlands Dutch Britain British England English Japan Japanese Korea Korean
        India Indian Israel Israeli Canada Canadian Paris London Berlin Amsterdam Brussels
        Washington California Texas Beijing Shanghai Tokyo Seattle Boston San Francisco
        Silicon Valley Wall Street Internet Web Congress Senate Parliament Commission
        Department Government Federal Supreme District Circuit Southern Northern Eastern
        Western Republican Republicans Democrat Democrats Arabic Arab Gulf Saudi Emirati
        """
    )
)
#: A word whose case says it is a name even at the start of a sentence (GitHub, ASML).
_UNUSUAL_CASE = re.compile(r"[A-Z]{2,}[A-Za-z0-9]*|[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*")
#: Legal suffixes: they end a company name and are left out of it.
LEGAL_SUFFIXES = frozenset(
    {"Inc", "Corp", "Corporation", "Ltd", "Limited", "LLC", "PLC", "Plc", "GmbH", "Co", "Company"}
)
#: Descriptive suffixes: they end a company name and belong to it ("Scale AI").
COMPANY_SUFFIXES = frozenset(
    {
        "AI",
        "Labs",
        "Lab",
        "Technologies",
        "Technology",
        "Robotics",
        "Systems",
        "Holding",
        "Holdings",
        "Platforms",
        "Dynamics",
        "Networks",
        "Intelligence",
        "Research",
        "Ventures",
        "Capital",
        "Partners",
        "Studios",
        "Group",
    }
)
_CAP_WORD = r"(?:[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f0-9&'’.+\-]*|[a-z]{1,2}[A-Z][A-Za-z0-9]*)"
_CAP_RUN = re.compile(rf"(?<![A-Za-z\u00c0-\u024f0-9]){_CAP_WORD}(?:[ ]{_CAP_WORD})*")
_PERSON_WORD = re.compile(
    r"[A-Z\u00c0-\u00de][a-z\u00df-\u024f]+(?:[-'’][A-Za-z\u00c0-\u024f]+)*"
    r"|(?:Mc|Mac|O')?[A-Z][a-z]+[A-Z][a-z]+"
)
#: Words inside a surname ("Daniel De Freitas", "Ludwig van Beethoven").
SURNAME_PARTICLES_EN = frozenset({"De", "Di", "Da", "Del", "Van", "Von", "Le", "La", "Du", "Dos"})
#: Compound adjectives are not names: "San Francisco-based", "AI-powered".
_COMPOUND_ADJECTIVE = re.compile(r".+-(?:based|powered|backed|owned|led|made|focused|native)$")
_DEAL_VERB_EN = (
    r"(?:acquired|acquires|acquire|bought|buys|buy|purchased|purchases|invested|invests|invest|"
    r"sued|sues|sue|suing|partnered|partners|licensed|licenses|backed|backs|hired|hires|"
    r"poached|poaches|merged|merges)"
)
_TITLE_BEFORE_EN = re.compile(
    r"(?:\b(?:CEO|CTO|CFO|COO|[Cc]hief\s+[Ee]xecutive(?:\s+[Oo]fficer)?|"
    r"[Cc]hief\s+[A-Za-z]+\s+[Oo]fficer|[Cc]o-?founder|[Ff]ounder|[Pp]resident|"
    r"[Cc]hair(?:man|woman|person)?|[Cc]hief\s+[Ss]cientist|[Jj]udge|[Ss]enator|"
    r"[Rr]epresentative|[Ss]ecretary)|\b(?:Sen|Rep|Mr|Ms|Mrs|Dr|Prof)\.)\s+$"
)
_SAID_BEFORE_EN = re.compile(r"\b(?:said|says|told|according\s+to|wrote|added|explained)\s+$")
_COMPANY_BEFORE_EN = re.compile(
    r"\b(?:startup|start-up|company|firm|rival|competitor|lab|laboratory|chipmaker|unicorn|"
    r"subsidiary|developer|maker)\s+(?:called\s+|named\s+)?$"
)
_PRODUCT_BEFORE_EN = re.compile(
    r"\b(?:(?:model|chatbot|app|application|platform|tool|assistant|service|browser|chip|device|"
    r"product|feature)s?\s+(?:called\s+|named\s+)?|(?:launched|launches|unveiled|unveils|"
    r"released|releases|introduced|introduces|debuted|debuts|rolled\s+out|rolls\s+out)\s+"
    r"(?:(?:its|their|the|a|an|new)\s+)*)$"
)
_VERB_BEFORE_EN = re.compile(
    rf"\b{_DEAL_VERB_EN}\s+(?:(?:in|with|into|up\s+with|against|from)\s+)?"
    r"(?:(?:a|an|the)\s+(?:[\w%.-]+\s+){0,2}stake\s+in\s+)?(?:(?:rival|startup|start-up)\s+)?$"
)
_VERB_AFTER_EN = re.compile(
    r"^\s+(?:(?:has|have|had|will|would|is|was|were|also|agreed\s+to|plans\s+to|"
    r"said\s+it\s+(?:would|will|had|has))\s+)*" + _DEAL_VERB_EN + r"\b"
)
_ANNOUNCED_DEAL_EN = (
    r"\s+(?:have\s+|has\s+|had\s+)?(?:announced|formed|signed|struck|entered|unveiled|agreed)\b"
    r"[^.;]*?\b(?:partnership|alliance|deal|agreement|joint\s+venture|collaboration)"
)
_PAIR_FIRST_EN = re.compile(rf"^\s+and\s+{_CAP_WORD}(?:[ ]{_CAP_WORD})*{_ANNOUNCED_DEAL_EN}")
_PAIR_SECOND_BEFORE_EN = re.compile(rf"{_CAP_WORD}\s+and\s+$")
_PAIR_SECOND_AFTER_EN = re.compile(rf"^{_ANNOUNCED_DEAL_EN}")
_LEADER_AFTER_EN = re.compile(
    r"^(?:'s|’s)?\s+(?:CEO|CTO|CFO|COO|[Cc]hief\s+[Ee]xecutive|[Cc]o-?founder|[Ff]ounder|"
    r"[Pp]resident|[Cc]hairman|[Cc]hairwoman)\b"
)
_TITLE_AFTER_EN = re.compile(
    r"^,\s+(?:the\s+|its\s+|a\s+|an\s+|who\s+is\s+)?(?:CEO|CTO|CFO|COO|chief|founder|"
    r"co-founder|cofounder|president|chairman|chairwoman|head|director|judge|senator|partner|"
    r"investor|professor)\b"
)


def english_candidates(text: str, sentence: Sentence) -> list[tuple[int, NameCandidate]]:
    found = []
    for run in _CAP_RUN.finditer(text, sentence.start, sentence.end):
        for segment in _segments(text, run):
            candidate = _classify(text, sentence, *segment)
            if candidate is not None:
                found.append(candidate)
    return found


def _word_base(word: str) -> str:
    """A capitalised word without a possessive "'s" or a final full stop."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word.rstrip(".-'’")


def _segments(text: str, run: re.Match):
    """Parts of a capitalised run between stop words: (start, end, words, legal suffix).

    Words are (start, end, base) triples; the legal suffix is the "Inc." or "Corp." that
    ended the segment, if one did. A possessive ends a segment ("OpenAI's Sora").
    """
    current: list[tuple[int, int, str]] = []
    for match in re.finditer(r"\S+", run.group()):
        raw = match.group()
        base = _word_base(raw)
        start = run.start() + match.start()
        if base in LEGAL_SUFFIXES:
            if current:
                yield current, raw
            current = []
            continue
        stop = (
            base in STOP_WORDS_EN
            or raw.rstrip(".") in STOP_WORDS_EN
            or _COMPOUND_ADJECTIVE.fullmatch(base)
        )
        if not base or (stop and base not in COMPANY_SUFFIXES):
            if current:
                yield current, ""
            current = []
            continue
        current.append((start, start + len(base), base))
        if raw.endswith(("'s", "’s")):
            yield current, ""
            current = []
    if current:
        yield current, ""


def _classify(text: str, sentence: Sentence, parts, legal: str):
    if all(base in COMPANY_SUFFIXES for _, _, base in parts):
        return None
    start, end = parts[0][0], parts[-1][1]
    before = text[sentence.start : start]
    after = text[end : sentence.end]

    def make(rank, kind, cue, last=end):
        return rank, NameCandidate(text[start:last], start, last, kind, cue)

    bases = [base for _, _, base in parts]
    person_like = 2 <= len(bases) <= 3 and all(_PERSON_WORD.fullmatch(b) for b in bases)
    if legal:
        return make(CUED, COMPANY, legal)
    if len(bases) >= 2 and bases[-1] in COMPANY_SUFFIXES:
        return make(CUED, COMPANY, bases[-1])
    if bases[0] in FIRST_NAMES_LATIN and len(bases) >= 2 and _PERSON_WORD.fullmatch(bases[1]):
        last = 2 if bases[1] in SURNAME_PARTICLES_EN and len(bases) >= 3 else 1
        return make(EXPLICIT, PERSON, "first name", parts[last][1])
    for pattern, kind in ((_TITLE_BEFORE_EN, PERSON), (_SAID_BEFORE_EN, PERSON)):
        match = pattern.search(before)
        if match and person_like:
            return make(CUED, kind, match.group().strip())
    title_after = _TITLE_AFTER_EN.match(after)
    if title_after and person_like:
        return make(CUED, PERSON, title_after.group().strip(", "))
    for pattern, kind in ((_COMPANY_BEFORE_EN, COMPANY), (_PRODUCT_BEFORE_EN, PRODUCT)):
        match = pattern.search(before)
        if match:
            return make(CUED, kind, match.group().strip())
    leader = _LEADER_AFTER_EN.match(after)
    if leader:
        return make(CUED, COMPANY, leader.group().split()[-1])
    verb = _VERB_BEFORE_EN.search(before) or _VERB_AFTER_EN.match(after)
    if verb:
        return make(CUED, COMPANY, verb.group().split()[0 if verb.re is _VERB_BEFORE_EN else -1])
    if _PAIR_FIRST_EN.match(after) or (
        _PAIR_SECOND_BEFORE_EN.search(before) and _PAIR_SECOND_AFTER_EN.match(after)
    ):
        return make(CUED, COMPANY, "and")
    mid_sentence = bool(re.search(r"[A-Za-z]", before))
    guessable = len(" ".join(bases)) >= 2 and not set(bases) <= PLACES_EN
    if guessable and (mid_sentence or _UNUSUAL_CASE.fullmatch(bases[0])):
        return make(GUESSED, PERSON if person_like else COMPANY, "capitalised")
    return None
