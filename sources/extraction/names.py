"""Names of companies, people and products in a text, found by the words around them.

This is pure text analysis, for names the alias index does not know yet: it proposes
candidates, and ingestion drops the ones that turn out to be known. Each candidate says
what made it one (`cue`). Spans point into the original text, and a span is given once
(an explicit relation beats a cue word, which beats a guess).

In Arabic sentences:

* Latin-script names («شركة Midjourney الناشئة», «وFlux» gives "Flux"). A product cue
  word shortly before («أداة», «نموذج», «منصة» …) makes one a product, as does an owner
  after it («Sora التابعة لـ OpenAI», «Flux من Black Forest Lab»: the owner becomes a
  company candidate too); a company cue just before («شركة», «مختبر», «الرئيس التنفيذي
  لـ») makes it a company. Without a cue, a name with a digit ("V1") is taken for a
  product and any other for a company.
* Arabic names after a cue: «شركة X», «شركتي X وY», «مختبر … “X”», «الشركة الناشئة X»,
  «منافستها X», «منصة X», and lists «شركات/منتجات/نماذج … مثل X وY وZ». An Arabic name
  is one word, or two or three when it continues with a known tail («أوبن إيه آي», «ديب
  مايند»). An attached و is taken off only where the grammar puts one (the second item
  of a list), an attached ل only after a title («الرئيس التنفيذي لميدجورني»); a word
  starting with the article, ending in ة or on the stop list is not a name («شركة
  ناشئة», «شركة التقنية», «شركات أخرى»).
* People: a foreign first name from `FIRST_NAMES_AR` and the next word («إيلون ماسك»),
  two words before «، الرئيس التنفيذي» / «، المؤسس», or after «الرئيس التنفيذي».

In English sentences, capitalised runs only count with a cue: a legal or descriptive
suffix ("Apple Inc.", "Scale AI"), a word before ("startup X", "CEO Jane Doe", "said Jane
Doe"), a title after ("Jane Doe, chief executive of"), a deal verb ("X acquired Y"), or a
first name from `FIRST_NAMES_LATIN`. Sentence-initial words, months, weekdays and words
such as "AI", "CEO" or "U.S." are never names on their own.
"""

import bisect
import re
import unicodedata
from dataclasses import dataclass

from companies.normalization import (
    CLITICS,
    CONJUNCTIONS,
    MIN_STEM_LENGTH,
    PARTICLES,
    TATWEEL,
    is_arabic,
    strict_key,
)

from .sentences import Sentence, Word, sentences, words

COMPANY, PERSON, PRODUCT = "company", "person", "product"


@dataclass(frozen=True)
class NameCandidate:
    name: str
    start: int
    end: int
    kind: str  # "company" | "person" | "product"
    cue: str  # what made it a candidate: the cue word as written, or a label
    owner: str = ""  # for a product: the name of the company it belongs to


#: Ranks: which candidate keeps a span when two overlap.
_EXPLICIT, _CUED, _GUESSED = 0, 1, 2


def _keys(*names: str) -> frozenset[str]:
    return frozenset(strict_key(name) for name in names)


def _word_list(block: str) -> list[str]:
    """The words of a block of text: long word lists read better as prose than as items."""
    return block.split()


FIRST_NAMES_AR = _keys(
    *_word_list(
        """
        ألكسندر أليكسندر ألكساندر أليكساندر ديفيد دافيد مارك إيلون سام ساتيا سوندار جنسن
        جينسن داريو دانييلا ميرا ديميس آرثر غريغ جريج إيليا يان أندرو جيف تيم بيل لاري
        سيرجي سيرغي كيفن براد جاك ريد بيتر جون مايكل ليزا سوزان شيريل جوني نعوم جيفري
        يوشوا أندريه روبن ماسايوشي أرافيند أليكس دانيال كيت دونالد بريان براين آندي إيمي
        سافرا مايك ستيف ستيفن جيمس روبرت ريتشارد توماس تشارلز ويليام وليام ماثيو فيليب
        إريك نيك كريس جوليا إيفان جيسون أوليفر هنري إيان نيل إيميت كلايف فيجي شانتانو
        تشاك أماندا
        """
    )
)
FIRST_NAMES_LATIN = frozenset(
    _word_list(
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

#: Words that follow a cue without being a name: particles, pronouns, common verbs and
#: the nouns and adjectives news text puts after «شركة» and the like.
STOP_WORDS_AR = _keys(
    *_word_list(
        """
        من في على عن إلى الى مع ضد بين حول عبر دون بعد قبل خلال منذ حتى ضمن لدى عند نحو
        لصالح بشأن وفق حسب تجاه أمام خلف فوق تحت جانب إلا غير سوى مثل
        هذه هذا ذلك تلك هؤلاء التي الذي الذين هو هي هم هما نحن أنا أنه أنها إنه إنها أن إن
        لأن كي لكي له لها لهم به بها بهم منه منها منهم عنه عنها فيه فيها عليه عليها إليه
        إليها معه معها لديها لديه نفسه نفسها ذاتها ذاته وحدها جهتها جهته جانبها جانبه
        ثم أو أم لكن بل قد وقد لم لن لا ما كما كذلك أيضا فقط حيث إذ إذا لو كل بعض أي جميع
        عدة عدد أحد إحدى أول أخرى آخر كبرى أكبر أبرز أهم أشهر أكثر أقل أفضل عام سنة يوم
        حوالي
        قال قالت أعلن أعلنت أكد أكدت أوضح أوضحت صرح صرحت أشار أشارت أضاف أضافت كشف كشفت
        ذكر ذكرت يقول تقول كان كانت يكون تكون يتم تم تعمل يعمل تقوم يقوم قامت قام تملك
        يملك تمتلك أصبح أصبحت باتت بات ستبقى تبقى تسعى يسعى تواجه يواجه تطور يطور تطلق
        أطلقت طرحت استحوذت اشترت رفضت وافقت تأسست تأسس تتحالف تحالفت تستثمر استثمرت
        قطاع قسم فريق فرق وحدة مجلس إدارة أبحاث بحث تطوير مختبر مختبرات شركة شركات شركتي
        منصة منصات تقنية تقنيات تكنولوجيا خدمات منتجات نماذج نموذج تطبيق تطبيقات أداة
        أدوات ذكاء اصطناعي برمجيات صناعة سوق أسواق استثمار استثمارات مجال مجموعة صندوق
        مؤسسة مشروع عملاق ناشئة مستقلة تابعة متخصصة رائدة كبيرة صغيرة جديد جديدة كبير
        صغير ضخمة أمريكية أميركية صينية أوروبية عالمية محلية خاصة عامة تدعى تسمى اسمها مقرها
        أم مليار مليون دولار
        """
    )
)
#: Words between a cue and the name that they introduce («شركة ناشئة تدعى X»).
FILLERS_AR = _keys("ناشئة", "الناشئة", "المنافسة", "تدعى", "تسمى", "يدعى", "يسمى", "اسمها")
#: Words that continue a transliterated name («أوبن إيه آي», «إكس إيه آي», «ميتا لابز»).
NAME_TAILS_AR = tuple(
    tuple(strict_key(word) for word in tail.split())
    for tail in ("إيه آي", "اي آي", "آي", "لابز", "لابس", "لاب", "تكنولوجيز", "سيستمز")
)
#: A quoted name may contain a tail word that is also a stop word («آي» / «أي»).
_STOP_IN_QUOTES = STOP_WORDS_AR - {key for tail in NAME_TAILS_AR for key in tail}
#: First words of transliterated names that always take a second word («ديب مايند»).
NAME_HEADS_AR = _keys("أوبن", "ديب", "بلاك", "سكيل", "ستابيليتي", "تيك", "هاغينغ", "بلاي")
#: Surname particles: «يان لو كون» keeps the third word.
SURNAME_PARTICLES_AR = _keys("دي", "دا", "فان", "فون", "لو", "بن", "دو", "ديل")
#: Titles after a person's name («ديفيد هولز، الرئيس التنفيذي»).
TITLES_AFTER_AR = _keys(
    "الرئيس",
    "رئيس",
    "الرئيسة",
    "رئيسة",
    "المؤسس",
    "مؤسس",
    "المؤسسة",
    "الشريك",
    "المدير",
    "مدير",
    "المديرة",
    "مديرة",
    "نائب",
    "كبير",
    "كبيرة",
)
#: Last words of a title that «لـX» after it names the organisation of.
TITLE_TAILS_AR = _keys(
    "التنفيذي", "التنفيذية", "مؤسس", "المؤسس", "مؤسسة", "رئيس", "مدير", "المدير", "الشريك"
)
#: Titles before a person's name («الرئيس التنفيذي ساتيا ناديلا»), as runs of keys.
TITLES_BEFORE_AR = tuple(
    tuple(strict_key(word) for word in title.split())
    for title in ("الرئيس التنفيذي", "المدير التنفيذي", "الشريك المؤسس", "المؤسس", "مؤسس")
)
#: Particles taken off a first name («وإيلون», «لسام»): a conjunction, or ل / ب.
_FIRST_NAME_PARTICLES = CONJUNCTIONS + "لب"
#: Words after which a name before them ends («… ساتيا ناديلا إن …»).
_AFTER_NAME_AR = _keys("إن", "أن", "بأن", "قال", "قالت", "إنه", "إنها", "أنه", "أنها")

_COMPANY_CUE = re.compile(f"{CLITICS}(?:شركه|مختبر)|{PARTICLES}ناشيه")
_DUAL_CUE = re.compile(f"{CLITICS}(?:شركتي|شركتا)|{PARTICLES}منافس(?:تي|تا)(?:ها|ه)")
#: «منافستها» (its rival); «منافسة» (competition) folds to the same «منافسه», so a word
#: ending in ة is never this cue (see `_is_rival_cue`).
_RIVAL_CUE = re.compile(f"{PARTICLES}منافس(?:ت)?(?:ها|ه|هم)")
_PRODUCT_CUE = re.compile(
    f"{PARTICLES}(?:اد(?:اه|اتها|اته)|نموذج(?:ها|ه)?|تطبيق(?:ها|ه)?|منص(?:ه|تها|ته)|"
    "خدم(?:ه|تها|ته)|روبوت|برنامج|متصفح|مساعد|شريح(?:ه|تها))"
)
_LIST_CUE = re.compile(
    f"{PARTICLES}(?:(?P<company>شركات|مختبرات)|(?P<product>منتجات|نماذج|تطبيقات|منصات|ادوات|خدمات))"
)
#: Words that introduce another party: a product cue before them does not reach past.
_PARTY_WORDS_AR = _keys("مع", "ضد", "بين", "من", "إلى", "عن", "لدى", "لصالح", "بشأن", "على")
_STARTUP_AFTER = re.compile(f"{PARTICLES}ناشيه")
_LIKE = strict_key("مثل")
_OR = strict_key("أو")
_AND = strict_key("و")
_TO = strict_key("ل")

_LATIN_WORD_PATTERN = r"[A-Za-z0-9][A-Za-z0-9&'’+\-]*(?:\.\d+)*"
_LATIN_RUN = re.compile(rf"(?<![A-Za-z0-9]){_LATIN_WORD_PATTERN}(?:[ \t]+{_LATIN_WORD_PATTERN})*")
_LATIN_WORD = re.compile(_LATIN_WORD_PATTERN)
_OWNER = re.compile(
    r"[ \t]+(?:(?:ال)?تابع[ةه]?[ \t]+لـ?[ \t]*|من[ \t]+(?:(?:تطوير|إنتاج|انتاج|صنع)[ \t]+)?)"
)
_QUOTED = re.compile(r"“([^“”\n]{1,60})”|«([^«»\n]{1,60})»|\"([^\"\n]{1,60})\"")
_QUOTES = "\"“”«»'‘’„"
_INNER_PUNCTUATION = re.compile(r"[.،,:؛;!?؟()]")

#: Capitalised English words that are not names on their own.
STOP_WORDS_EN = frozenset(
    _word_list(
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
    _word_list(
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


def name_candidates(text: str) -> list[NameCandidate]:
    """Candidate names in `text`, left to right, each span once."""
    all_words = words(text)
    starts = [word.start for word in all_words]
    ranked: list[tuple[int, NameCandidate]] = []
    for sentence in sentences(text):
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        if is_arabic(sentence.text):
            ranked.extend(_ArabicSentence(text, sentence, all_words[first:last]).candidates())
        else:
            ranked.extend(_english_candidates(text, sentence))
    ranked.sort(key=lambda item: (item[0], -(item[1].end - item[1].start), item[1].start))
    chosen: list[NameCandidate] = []
    for _, candidate in ranked:
        if any(candidate.start < other.end and other.start < candidate.end for other in chosen):
            continue
        chosen.append(candidate)
    return sorted(chosen, key=lambda candidate: candidate.start)


def _is_latin(word: Word) -> bool:
    return word.text[0].isalpha() and not is_arabic(word.text)


def _letters(original: str) -> str:
    return "".join(
        c for c in original if not unicodedata.category(c).startswith("M") and c != TATWEEL
    )


def _ends_with_ta_marbuta(original: str) -> bool:
    return _letters(original).endswith("ة")


def _name_like(key: str, original: str, *, person: bool = False) -> bool:
    """Whether an Arabic word (`key` and `original` without particles) may be a name.

    The article is checked on the original: «ألتمان» folds to a key starting with ال.
    """
    return (
        len(key) >= 2
        and not key.isdigit()
        and not _letters(original).startswith(("ال", "لل"))
        and key not in STOP_WORDS_AR
        and (person or not _ends_with_ta_marbuta(original))
    )


def _is_rival_cue(word: Word) -> bool:
    return bool(_RIVAL_CUE.fullmatch(word.key)) and not _ends_with_ta_marbuta(word.text)


def _is_filler(word: Word) -> bool:
    """A filler word, or a feminine relative adjective agreeing with «شركة» («صينية»)."""
    return word.key in FILLERS_AR or (
        len(word.key) >= 5 and _letters(word.text).endswith(("ية", "يه"))
    )


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    #: Index of the last word of the span.
    last: int


class _ArabicSentence:
    def __init__(self, text: str, sentence: Sentence, found: list[Word]):
        self.text = text
        self.sentence = sentence
        self.words = found
        self.starts = [word.start for word in found]
        self.found: list[tuple[int, NameCandidate]] = []

    def candidates(self) -> list[tuple[int, NameCandidate]]:
        self._latin_names()
        self._quoted_names()
        self._cued_names()
        self._people()
        return self.found

    def _add(self, rank: int, start: int, end: int, kind: str, cue: str, owner: str = ""):
        self.found.append((rank, NameCandidate(self.text[start:end], start, end, kind, cue, owner)))

    # Word helpers.

    def _between(self, left: int, right: int) -> str:
        return self.text[self.words[left].end : self.words[right].start]

    def _spaced(self, left: int, right: int) -> bool:
        """Whether words `left` and `left + 1` … `right` follow each other with only spaces."""
        return all(not self._between(i, i + 1).strip() for i in range(left, right))

    def _linked(self, left: int, right: int) -> bool:
        """Like `_spaced`, allowing quotes and tatweel between the words."""
        return all(
            not self._between(i, i + 1).strip().strip(_QUOTES + TATWEEL) for i in range(left, right)
        )

    def _index_at(self, offset: int) -> int | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.words[index].end:
            return index
        return None

    def _arabic_name(
        self, index: int, strip: str = "", *, person: bool = False, article: bool = False
    ) -> _Span | None:
        """The Arabic name starting at word `index`, with particle `strip` taken off."""
        if index >= len(self.words):
            return None
        word = self.words[index]
        if _is_latin(word) or word.key.isdigit():
            return None
        start, key = word.start, word.key
        if strip and key[0] in strip:
            if len(key) - 1 < MIN_STEM_LENGTH:
                return None
            start, key = self._after_particle(word), key[1:]
        original = self.text[start : word.end]
        with_article = article and _letters(original).startswith("ال")
        if not _name_like(key, original, person=person) and not (
            with_article and key not in STOP_WORDS_AR
        ):
            return None
        last = index
        for tail in NAME_TAILS_AR:
            following = self.words[last + 1 : last + 1 + len(tail)]
            if (
                len(following) == len(tail)
                and all(w.key == part for w, part in zip(following, tail, strict=True))
                and self._spaced(last, last + len(tail))
            ):
                last += len(tail)
                break
        else:
            if (
                key in NAME_HEADS_AR
                and last + 1 < len(self.words)
                and self._spaced(last, last + 1)
                and not _is_latin(self.words[last + 1])
                and _name_like(self.words[last + 1].key, self.words[last + 1].text)
            ):
                last += 1
        return _Span(start, self.words[last].end, last)

    def _after_particle(self, word: Word) -> int:
        offset = word.start + 1
        while offset < word.end and (
            unicodedata.category(self.text[offset]).startswith("M") or self.text[offset] == TATWEEL
        ):
            offset += 1
        return offset

    def _cue_before(self, index: int, *, quoted: bool = False) -> tuple[str, str] | None:
        """The kind a cue word before word `index` gives a name, and the cue as written.

        A company cue must come right before the name, unless the name is quoted
        («مختبر أبحاث الذكاء الاصطناعي “ميدجورني”»); a product cue may come a few words
        earlier («أداة توليد الصور الخاصة بها Imagine»), but not past another name or a
        word that brings in another party («مع», «من» …).
        """
        for position in range(index - 1, max(-1, index - 8), -1):
            if not self._linked(position, position + 1):
                return None
            word = self.words[position]
            if _is_latin(word) or word.key in _PARTY_WORDS_AR:
                return None
            nearest = position == index - 1
            if _PRODUCT_CUE.fullmatch(word.key):
                return PRODUCT, word.text
            list_cue = _LIST_CUE.fullmatch(word.key)
            if list_cue:
                return (COMPANY if list_cue["company"] else PRODUCT), word.text
            company = (
                _COMPANY_CUE.fullmatch(word.key)
                or _DUAL_CUE.fullmatch(word.key)
                or _is_rival_cue(word)
            )
            if company:
                return (COMPANY, word.text) if nearest or quoted else None
            if (
                nearest
                and word.key == _TO
                and position > 0
                and self.words[position - 1].key in TITLE_TAILS_AR
                and self._linked(position - 1, position)
            ):
                return COMPANY, self.text[self.words[position - 1].start : word.end]
        return None

    # Latin-script names.

    def _latin_runs(self):
        """(start, end, first word, last word) of each run of Latin-script words."""
        start, end = self.sentence.start, self.sentence.end
        for match in _LATIN_RUN.finditer(self.text, start, end):
            parts = list(_LATIN_WORD.finditer(self.text, match.start(), match.end()))
            while parts and not any(c.isalpha() for c in parts[0].group()):
                parts.pop(0)
            if not parts:
                continue
            run_start, run_end = parts[0].start(), parts[-1].end()
            while run_end > run_start and self.text[run_end - 1] in "-'’+":
                run_end -= 1
            first, last = self._index_at(run_start), self._index_at(run_end - 1)
            if first is not None and last is not None:
                yield run_start, run_end, first, last

    def _latin_run_at(self, offset: int):
        for run in self._latin_runs():
            if run[0] == offset:
                return run
        return None

    def _owner_after(self, first: int, end: int) -> tuple[str, int, int] | None:
        """The connector and the owner's span after a product name (word `first` to `end`).

        «من» makes an owner only after a name that stands alone («، وFlux من …», «نموذج
        Llama من …»): in «حصلت OpenAI من مايكروسوفت على …» it is not one.
        """
        match = _OWNER.match(self.text, end, self.sentence.end)
        if match is None:
            return None
        connector = match.group().strip()
        if connector.startswith("من") and not self._stands_alone(first):
            return None
        run = self._latin_run_at(match.end())
        if run is not None:
            return connector, run[0], run[1]
        index = self._index_at(match.end())
        if index is None:
            return None
        attached = self.words[index].start < match.end()
        span = self._arabic_name(index, _TO if attached else "")
        if span is None or span.start != match.end():
            return None
        return connector, span.start, span.end

    def _stands_alone(self, index: int) -> bool:
        """Whether word `index` opens a clause or a list item, or follows a product cue."""
        if index == 0 or not self._linked(index - 1, index) or self.words[index - 1].key == _AND:
            return True
        cue = self._cue_before(index)
        return cue is not None and cue[0] == PRODUCT

    def _latin_names(self):
        for start, end, first, last in self._latin_runs():
            name = self.text[start:end]
            latin_words = name.split()
            if all(word in STOP_WORDS_EN for word in latin_words):
                continue
            owner = self._owner_after(first, end)
            if owner is not None:
                connector, owner_start, owner_end = owner
                owner_name = self.text[owner_start:owner_end]
                self._add(_EXPLICIT, start, end, PRODUCT, connector, owner_name)
                self._add(_EXPLICIT, owner_start, owner_end, COMPANY, connector)
                continue
            if len(latin_words) >= 2 and latin_words[0] in FIRST_NAMES_LATIN:
                self._add(_EXPLICIT, start, end, PERSON, "first name")
                continue
            cue = self._cue_before(first)
            if cue is not None:
                kind, cue_text = cue
                self._add(_CUED, start, end, kind, cue_text)
                continue
            following = last + 1
            if (
                following < len(self.words)
                and self._spaced(last, following)
                and _STARTUP_AFTER.fullmatch(self.words[following].key)
            ):
                self._add(_CUED, start, end, COMPANY, self.words[following].text)
            elif any(c.isdigit() for c in name):
                self._add(_GUESSED, start, end, PRODUCT, "version")
            elif len(name) > 1:
                self._add(_GUESSED, start, end, COMPANY, "latin")

    # Quoted names.

    def _quoted_names(self):
        for match in _QUOTED.finditer(self.text, self.sentence.start, self.sentence.end):
            group = next(g for g in (1, 2, 3) if match.group(g) is not None)
            content = match.group(group)
            if not is_arabic(content) or _INNER_PUNCTUATION.search(content):
                continue
            start = match.start(group) + len(content) - len(content.lstrip())
            end = match.end(group) - (len(content) - len(content.rstrip()))
            indexes = [
                i for i, word in enumerate(self.words) if start <= word.start and word.end <= end
            ]
            if not 1 <= len(indexes) <= 3:
                continue
            if not _name_like(self.words[indexes[0]].key, self.words[indexes[0]].text) or any(
                self.words[i].key in _STOP_IN_QUOTES for i in indexes
            ):
                continue
            cue = self._cue_before(indexes[0], quoted=True)
            if cue is None:
                # A quotation («المختبر «ليس للبيع»», «قال إن …») is not a name; a
                # quoted name after «مع», «ضد» or «بين», or after a verb, is.
                previous = self.words[indexes[0] - 1] if indexes[0] else None
                after_party = previous is None or previous.key in _PARTY_WORDS_AR
                quotation = previous is not None and (
                    _letters(previous.text).startswith("ال") or previous.key in _AFTER_NAME_AR
                )
                if after_party or (len(indexes) == 1 and not quotation):
                    self._add(_GUESSED, start, end, COMPANY, "quoted")
            else:
                self._add(_CUED, start, end, cue[0], cue[1])

    # Arabic names after cue words.

    def _cued_names(self):
        for index, word in enumerate(self.words):
            if _is_latin(word):
                continue
            if _COMPANY_CUE.fullmatch(word.key) or _is_rival_cue(word):
                self._after_company_cue(index)
            elif _DUAL_CUE.fullmatch(word.key):
                self._list(index + 1, COMPANY, word.text, limit=2)
            elif _PRODUCT_CUE.fullmatch(word.key) and word.key.endswith(("منصه", "منصتها")):
                span = self._next_name(index)
                if span is not None:
                    self._add(_CUED, span.start, span.end, PRODUCT, word.text)
            else:
                list_cue = _LIST_CUE.fullmatch(word.key)
                if list_cue:
                    self._after_list_cue(index, COMPANY if list_cue["company"] else PRODUCT)
            self._after_title(index)

    def _next_name(self, index: int) -> _Span | None:
        """The Arabic name after cue word `index`, past up to three fillers and
        adjectives («الشركة الناشئة الفرنسية ميسترال»)."""
        following = index + 1
        skipped = 0
        while (
            following < len(self.words)
            and skipped < 3
            and _is_filler(self.words[following])
            and self._spaced(following - 1, following)
        ):
            following += 1
            skipped += 1
        if following >= len(self.words) or not self._spaced(following - 1, following):
            return None
        return self._arabic_name(following)

    def _after_company_cue(self, index: int):
        span = self._next_name(index)
        if span is not None:
            self._add(_CUED, span.start, span.end, COMPANY, self.words[index].text)

    def _after_list_cue(self, index: int, kind: str):
        """«منتجات مثل فيسبوك وإنستجرام»: «مثل» within three words of the cue."""
        for position in range(index + 1, min(index + 4, len(self.words))):
            if not self._spaced(position - 1, position):
                return
            if self.words[position].key == _LIKE:
                self._list(position + 1, kind, self.words[position].text, opening=":")
                return

    def _list(self, index: int, kind: str, cue: str, *, limit: int = 0, opening: str = ""):
        """Names listed from word `index` on: «X وY وZ», «X، وY»; Latin items may have an
        owner after them («Sora التابعة لـ OpenAI، وFlux …»)."""
        if index >= len(self.words):
            return
        if self._between(index - 1, index).strip(_QUOTES + opening + " "):
            return
        count, position, conjunction = 0, index, False
        while position < len(self.words) and (not limit or count < limit):
            word = self.words[position]
            if count and word.key in (_AND, _OR) and not _is_latin(word):
                position, conjunction = position + 1, True
                continue
            if _is_latin(word):
                run = self._latin_run_at(word.start)
                if run is None:
                    return
                self._add(_CUED, run[0], run[1], kind, cue)
                position = run[3] + 1
                owner = self._owner_after(run[2], run[1])
                if owner is not None:
                    position = bisect.bisect_left(self.starts, owner[2])
            else:
                span = self._arabic_name(position, _AND if count and not conjunction else "")
                if span is None:
                    return
                self._add(_CUED, span.start, span.end, kind, cue)
                position = span.last + 1
            count, conjunction = count + 1, False
            if position >= len(self.words):
                return
            separator = self._between(position - 1, position)
            if separator.strip(" \t،," + _QUOTES):
                return
            following = self.words[position]
            if not (
                _is_latin(following)
                or following.key in (_AND, _OR)
                or following.key.startswith(_AND)
            ):
                return

    # People.

    def _people(self):
        for index, word in enumerate(self.words):
            if _is_latin(word):
                continue
            self._first_name_at(index)
            if word.key in TITLES_AFTER_AR and index >= 2:
                self._before_title(index)

    def _first_name_at(self, index: int):
        word = self.words[index]
        start = word.start
        if word.key not in FIRST_NAMES_AR:
            if word.key[:1] in _FIRST_NAME_PARTICLES and word.key[1:] in FIRST_NAMES_AR:
                start = self._after_particle(word)
            else:
                return
        surname = index + 1
        if surname < len(self.words) and self.words[surname].key in SURNAME_PARTICLES_AR:
            surname += 1
        if surname >= len(self.words) or not self._spaced(index, surname):
            return
        if self._arabic_name(surname, person=True) is None:
            return
        end = self.words[surname].end
        self._add(_EXPLICIT, start, end, PERSON, "first name")

    def _before_title(self, index: int):
        """«ديفيد هولز، الرئيس التنفيذي»: the two words before a comma and a title."""
        if not any(mark in self._between(index - 1, index) for mark in "،,"):
            return
        first, second = index - 2, index - 1
        if not self._spaced(first, second):
            return
        if self._arabic_name(first, person=True) is None:
            return
        if self._arabic_name(second, person=True, article=True) is None:
            return
        if first and self._spaced(first - 1, first) and self.words[first - 1].key in FIRST_NAMES_AR:
            return
        self._add(
            _CUED,
            self.words[first].start,
            self.words[second].end,
            PERSON,
            self.words[index].text,
        )

    def _after_title(self, index: int):
        """«الرئيس التنفيذي لمايكروسوفت ساتيا ناديلا»: an organisation, then a person."""
        for title in TITLES_BEFORE_AR:
            end = index + len(title) - 1
            if end >= len(self.words) or not self._spaced(index, end):
                continue
            if tuple(word.key for word in self.words[index : end + 1]) != title:
                continue
            cue = self.text[self.words[index].start : self.words[end].end]
            position = end + 1
            if position < len(self.words) and self.words[position].key.startswith(_TO):
                organisation = self._arabic_name(position, _TO)
                if organisation is None or not self._spaced(end, position):
                    return
                self._add(_CUED, organisation.start, organisation.end, COMPANY, cue)
                position = organisation.last + 1
            first, second = position, position + 1
            if second >= len(self.words) or not self._spaced(position - 1, second):
                return
            if any(self._arabic_name(p, person=True) is None for p in (first, second)):
                return
            after = second + 1
            ends_here = (
                after >= len(self.words)
                or not self._spaced(second, after)
                or self.words[after].key in _AFTER_NAME_AR
            )
            if ends_here or self.words[first].key in FIRST_NAMES_AR:
                self._add(_CUED, self.words[first].start, self.words[second].end, PERSON, cue)
            return


# English.


def _english_candidates(text: str, sentence: Sentence) -> list[tuple[int, NameCandidate]]:
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
        return make(_CUED, COMPANY, legal)
    if len(bases) >= 2 and bases[-1] in COMPANY_SUFFIXES:
        return make(_CUED, COMPANY, bases[-1])
    if bases[0] in FIRST_NAMES_LATIN and len(bases) >= 2 and _PERSON_WORD.fullmatch(bases[1]):
        last = 2 if bases[1] in SURNAME_PARTICLES_EN and len(bases) >= 3 else 1
        return make(_EXPLICIT, PERSON, "first name", parts[last][1])
    for pattern, kind in ((_TITLE_BEFORE_EN, PERSON), (_SAID_BEFORE_EN, PERSON)):
        match = pattern.search(before)
        if match and person_like:
            return make(_CUED, kind, match.group().strip())
    title_after = _TITLE_AFTER_EN.match(after)
    if title_after and person_like:
        return make(_CUED, PERSON, title_after.group().strip(", "))
    for pattern, kind in ((_COMPANY_BEFORE_EN, COMPANY), (_PRODUCT_BEFORE_EN, PRODUCT)):
        match = pattern.search(before)
        if match:
            return make(_CUED, kind, match.group().strip())
    leader = _LEADER_AFTER_EN.match(after)
    if leader:
        return make(_CUED, COMPANY, leader.group().split()[-1])
    verb = _VERB_BEFORE_EN.search(before) or _VERB_AFTER_EN.match(after)
    if verb:
        return make(_CUED, COMPANY, verb.group().split()[0 if verb.re is _VERB_BEFORE_EN else -1])
    if _PAIR_FIRST_EN.match(after) or (
        _PAIR_SECOND_BEFORE_EN.search(before) and _PAIR_SECOND_AFTER_EN.match(after)
    ):
        return make(_CUED, COMPANY, "and")
    mid_sentence = bool(re.search(r"[A-Za-z]", before))
    guessable = len(" ".join(bases)) >= 2 and not set(bases) <= PLACES_EN
    if guessable and (mid_sentence or _UNUSUAL_CASE.fullmatch(bases[0])):
        return make(_GUESSED, PERSON if person_like else COMPANY, "capitalised")
    return None
