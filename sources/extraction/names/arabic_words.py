"""The Arabic words around names: first names, stop words, cue words, and word tests."""

import re
import unicodedata
from dataclasses import dataclass

from companies.normalization import CLITICS, CONJUNCTIONS, PARTICLES, TATWEEL, is_arabic, strict_key

from ..sentences import Word
from .common import keys, word_list

FIRST_NAMES_AR = keys(
    *word_list(
        """
        ألكسندر أليكسندر ألكساندر أليكساندر ديفيد دافيد مارك إيلون سام ساتيا سوندار جنسن
        جينسن داريو دانييلا ميرا ديميس آرثر غريغ جريج إيليا يان أندرو جيف تيم بيل لاري
        سيرجي سيرغي كيفن براد جاك ريد بيتر جون مايكل ليزا سوزان شيريل جوني نعوم جيفري
        يوشوا أندريه روبن ماسايوشي أرافيند أليكس دانيال كيت دونالد بريان براين آندي إيمي
        سافرا مايك ستيف ستيفن جيمس روبرت ريتشارد توماس تشارلز ويليام وليام ماثيو فيليب
        إريك نيك كريس جوليا إيفان جيسون أوليفر هنري إيان نيل إيميت كلايف فيجي شانتانو
        تشاك أماندا
        أندريا ميغان ميجان نافين هانلين بريم دوغلاس دوجلاس شون روجر غيوم تيموتيه تيموثي
        آري روشان سكوت إيفانز أمار راجيف راهول سانجاي سونيل أرجون فيكرام كريشنا ساتيش
        ماسايوشي هيروشي تاكيشي كينجي كاثرين كاترين إليزابيث لورا راشيل جيسيكا جينيفر جنيفر
        إميلي ناتالي ستيفاني ميليندا هيلاري كامالا جوزيف جوناثان جوشوا جوردان جاستن جيمي
        جوردون غوردون جيرالد غاري غراهام فرانك فرانسيس فرانسوا فريدريك هاري هارولد هوارد
        إدوارد لوكاس ليام ليونارد مارتن ماركو ماريو ماكسيميليان ميتشل ناثان نيكولاس
        أوسكار باتريك رافائيل رالف راندال رونالد صامويل سامويل سيمون سايمون ستانلي تايلر
        فيكتور فنسنت فينسنت والتر وارن زاكاري كيرك كيث كيفين أدريان ألان آلان ألبرت أنطوني
        أنتوني آرون بنيامين بنجامين برنارد بروس كارلوس تشارلي كريستوفر كريستيان كولين
        دينيس ديريك إيثان يوجين غابرييل جيرهارد هانز هنريك إيغور جاكوب يانيك يوهان يورغن
        كلاوس ماتياس ميشيل أوليفييه بيدرو رولف سيباستيان سيرجيو ستيفانو توبياس أولريش
        فولكر يوآف شلومو
        """
    )
)
#: Words that follow a cue without being a name: particles, pronouns, common verbs and
#: the nouns and adjectives news text puts after «شركة» and the like.
STOP_WORDS_AR = keys(
    *word_list(
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
FILLERS_AR = keys("ناشئة", "الناشئة", "المنافسة", "تدعى", "تسمى", "يدعى", "يسمى", "اسمها")
#: Words that continue a transliterated name («أوبن إيه آي», «إكس إيه آي», «ميتا لابز»).
NAME_TAILS_AR = tuple(
    tuple(strict_key(word) for word in tail.split())
    for tail in ("إيه آي", "اي آي", "آي", "لابز", "لابس", "لاب", "تكنولوجيز", "سيستمز")
)
#: A quoted name may contain a tail word that is also a stop word («آي» / «أي»).
STOP_IN_QUOTES = STOP_WORDS_AR - {key for tail in NAME_TAILS_AR for key in tail}
#: First words of transliterated names that always take a second word («ديب مايند»).
NAME_HEADS_AR = keys("أوبن", "ديب", "بلاك", "سكيل", "ستابيليتي", "تيك", "هاغينغ", "بلاي")
#: Surname particles: «يان لو كون» keeps the third word.
SURNAME_PARTICLES_AR = keys("دي", "دا", "فان", "فون", "لو", "بن", "دو", "ديل")
#: Titles after a person's name («ديفيد هولز، الرئيس التنفيذي»).
TITLES_AFTER_AR = keys(
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
TITLE_TAILS_AR = keys(
    "التنفيذي", "التنفيذية", "مؤسس", "المؤسس", "مؤسسة", "رئيس", "مدير", "المدير", "الشريك"
)
#: Titles before a person's name («الرئيس التنفيذي ساتيا ناديلا»), as runs of keys.
TITLES_BEFORE_AR = tuple(
    tuple(strict_key(word) for word in title.split())
    for title in ("الرئيس التنفيذي", "المدير التنفيذي", "الشريك المؤسس", "المؤسس", "مؤسس")
)
#: Particles taken off a first name («وإيلون», «لسام»): a conjunction, or ل / ب.
FIRST_NAME_PARTICLES = CONJUNCTIONS + "لب"
#: Words after which a name before them ends («… ساتيا ناديلا إن …»).
AFTER_NAME_AR = keys("إن", "أن", "بأن", "قال", "قالت", "إنه", "إنها", "أنه", "أنها")

COMPANY_CUE = re.compile(f"{CLITICS}(?:شركه|مختبر)|{PARTICLES}ناشيه")
DUAL_CUE = re.compile(f"{CLITICS}(?:شركتي|شركتا)|{PARTICLES}منافس(?:تي|تا)(?:ها|ه)")
#: «منافستها» (its rival); «منافسة» (competition) folds to the same «منافسه», so a word
#: ending in ة is never this cue (see `is_rival_cue`).
RIVAL_CUE = re.compile(f"{PARTICLES}منافس(?:ت)?(?:ها|ه|هم)")
PRODUCT_CUE = re.compile(
    f"{PARTICLES}(?:اد(?:اه|اتها|اته)|نموذج(?:ها|ه)?|تطبيق(?:ها|ه)?|منص(?:ه|تها|ته)|"
    "خدم(?:ه|تها|ته)|روبوت|برنامج|متصفح|مساعد|شريح(?:ه|تها))"
)
LIST_CUE = re.compile(
    f"{PARTICLES}(?:(?P<company>شركات|مختبرات)|(?P<product>منتجات|نماذج|تطبيقات|منصات|ادوات|خدمات))"
)
#: Words that introduce another party: a product cue before them does not reach past.
PARTY_WORDS_AR = keys("مع", "ضد", "بين", "من", "إلى", "عن", "لدى", "لصالح", "بشأن", "على")
STARTUP_AFTER = re.compile(f"{PARTICLES}ناشيه")
WORD_LIKE = strict_key("مثل")
WORD_OR = strict_key("أو")
WORD_AND = strict_key("و")
WORD_TO = strict_key("ل")

LATIN_WORD_PATTERN = r"[A-Za-z0-9][A-Za-z0-9&'’+\-]*(?:\.\d+)*"
LATIN_RUN = re.compile(rf"(?<![A-Za-z0-9]){LATIN_WORD_PATTERN}(?:[ \t]+{LATIN_WORD_PATTERN})*")
LATIN_WORD = re.compile(LATIN_WORD_PATTERN)
OWNER = re.compile(
    r"[ \t]+(?:(?:ال)?تابع[ةه]?[ \t]+لـ?[ \t]*|من[ \t]+(?:(?:تطوير|إنتاج|انتاج|صنع)[ \t]+)?)"
)
QUOTED = re.compile(r"“([^“”\n]{1,60})”|«([^«»\n]{1,60})»|\"([^\"\n]{1,60})\"")
QUOTES = "\"“”«»'‘’„"
INNER_PUNCTUATION = re.compile(r"[.،,:؛;!?؟()]")


def is_latin_word(word: Word) -> bool:
    return word.text[0].isalpha() and not is_arabic(word.text)


def letters(original: str) -> str:
    return "".join(
        c for c in original if not unicodedata.category(c).startswith("M") and c != TATWEEL
    )


def ends_with_ta_marbuta(original: str) -> bool:
    return letters(original).endswith("ة")


def name_like(key: str, original: str, *, person: bool = False) -> bool:
    """Whether an Arabic word (`key` and `original` without particles) may be a name.

    The article is checked on the original: «ألتمان» folds to a key starting with ال.
    """
    return (
        len(key) >= 2
        and not key.isdigit()
        and not letters(original).startswith(("ال", "لل"))
        and key not in STOP_WORDS_AR
        and (person or not ends_with_ta_marbuta(original))
    )


def is_rival_cue(word: Word) -> bool:
    return bool(RIVAL_CUE.fullmatch(word.key)) and not ends_with_ta_marbuta(word.text)


def is_filler(word: Word) -> bool:
    """A filler word, or a feminine relative adjective agreeing with «شركة» («صينية»)."""
    return word.key in FILLERS_AR or (
        len(word.key) >= 5 and letters(word.text).endswith(("ية", "يه"))
    )


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    #: Index of the last word of the span.
    last: int
