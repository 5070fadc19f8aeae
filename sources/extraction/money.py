"""Amounts of money in Arabic and English news text, with their qualifier and basis.

«14 مليار دولار», «4 مليارات دولار», «تصل قيمتها إلى 100 مليون دولار», «نحو ٢٫٧٥ مليار
دولار», «مليار دولار» and the dual «ملياري دولار» without a number, «مليار ونصف المليار
دولار» (1.5 billion), "$14.3 billion",
"€500m", "up to $100 million", "about US$97bn", "$700 mln", "S$873 million" (Singapore
dollars: the letters before "$" name the dollar).
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from companies.normalization import ascii_digits
from core.money import Money, MoneyBasis, MoneyQualifier

_NUMBER = r"(?P<number>\d+(?:[.,]\d+)*)"
_SCALE_AR = r"(?P<scale_ar>تريليون(?:ات)?|مليار(?:ات|ا)?|بليون(?:ات)?|مليون(?:ا)?|ملايين|ألف|آلاف)"
_CURRENCY_AR = (
    r"(?P<currency_ar>دولار(?:ات|اً|ا)?(?:\s+أمريكي|\s+أميركي)?|يورو|جنيه(?:ات)?\s+إسترليني|"
    r"ريال(?:ات)?(?:\s+سعودي)?|درهم(?:ا)?(?:\s+إماراتي)?)"
)
_QUALIFIER_AR = (
    r"(?P<qualifier_ar>نحو|حوالي|حوالى|قرابة|ما\s+يقارب|تصل(?:\s+قيمتها)?\s+إلى|يصل\s+إلى|"
    r"ما\s+يصل\s+إلى|حتى|أكثر\s+من|ما\s+لا\s+يقل\s+عن|لا\s+تقل\s+عن)"
)
_SCALE_EN = r"(?P<scale_en>trillion|billion|million|thousand|trln|tn|bln|bn|b|mln|mn|m|k)\b"
#: A currency's sign; the letters before "$" tell which dollar ("S$" is Singapore's).
_SYMBOL = r"(?P<symbol>(?<![A-Za-z])(?:US|S|A|C|HK|NZ)\$|(?<![A-Za-z])\$|€|£)"
_QUALIFIER_EN = (
    r"(?P<qualifier_en>about|around|roughly|nearly|almost|up\s+to|as\s+much\s+as|"
    r"at\s+least|more\s+than|over)"
)

#: «ونصف المليار», «وربع»: a half or a quarter of the scale, added to the amount.
_FRACTION_AR = r"(?:\s+و(?P<fraction>نصف|ربع)(?:\s+(?:ال)?(?:مليار|مليون|ألف))?)?"
ARABIC_AMOUNT = re.compile(
    rf"(?:{_QUALIFIER_AR}\s+)?{_NUMBER}\s*(?:{_SCALE_AR}{_FRACTION_AR}\s+)?{_CURRENCY_AR}"
)
#: A scale word standing for its number: «مليار دولار» (one), «ملياري دولار» (two).
ARABIC_WORD_AMOUNT = re.compile(
    rf"(?:{_QUALIFIER_AR}\s+)?(?<![\d.,])(?<![\d.,]\s)"
    rf"(?P<scale_word>مليار|ملياري|مليارَي|مليون|مليوني|مليونَي|ألف|ألفي){_FRACTION_AR}"
    rf"\s+{_CURRENCY_AR}"
)
_WORD_NUMBERS = {"مليار": 10**9, "مليون": 10**6, "ألف": 10**3}
_FRACTIONS = {"نصف": Decimal("0.5"), "ربع": Decimal("0.25")}
ENGLISH_AMOUNT = re.compile(
    rf"(?:\b{_QUALIFIER_EN}\s+)?{_SYMBOL}\s?{_NUMBER}(?:\s?{_SCALE_EN})?",
    re.IGNORECASE,
)
ENGLISH_WORDS_AMOUNT = re.compile(
    rf"(?:\b{_QUALIFIER_EN}\s+)?{_NUMBER}\s(?P<scale_words>trillion|billion|million)\s"
    r"(?P<currency_words>(?:US\s)?dollars|euros|pounds)\b",
    re.IGNORECASE,
)

SCALES = {
    "تريليون": 10**12,
    "مليار": 10**9,
    "بليون": 10**9,
    "مليون": 10**6,
    "ملايين": 10**6,
    "ألف": 10**3,
    "آلاف": 10**3,
    "trillion": 10**12,
    "tn": 10**12,
    "trln": 10**12,
    "billion": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "b": 10**9,
    "million": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "k": 10**3,
}
CURRENCIES = {
    "دولار": "USD",
    "يورو": "EUR",
    "جنيه": "GBP",
    "ريال": "SAR",
    "درهم": "AED",
    "$": "USD",
    "us$": "USD",
    "s$": "SGD",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "€": "EUR",
    "£": "GBP",
    "dollars": "USD",
    "us dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
}
QUALIFIERS = {
    MoneyQualifier.ABOUT: (
        "نحو",
        "حوالي",
        "حوالى",
        "قرابة",
        "يقارب",
        "about",
        "around",
        "roughly",
        "nearly",
        "almost",
    ),
    MoneyQualifier.UP_TO: ("تصل", "يصل", "حتى", "up to", "as much as"),
    MoneyQualifier.AT_LEAST: ("أكثر", "يقل", "تقل", "at least", "more than", "over"),
}
#: Words after an amount that say what it counts ("10 دولارات شهرياً", "$20 a month").
BASES = (
    (
        re.compile(r"^\s*(?:شهري(?:اً|ا)?|في\s+الشهر|(?:a|per)\s+month\b|/\s?month\b)", re.I),
        MoneyBasis.PER_MONTH,
    ),
    (
        re.compile(
            r"^\s*(?:سنوي(?:اً|ا)?|في\s+السنة|في\s+العام|(?:a|per)\s+year\b|annually\b)", re.I
        ),
        MoneyBasis.PER_YEAR,
    ),
    (re.compile(r"^\s*(?:لكل\s+عقد|per\s+contract\b)", re.I), MoneyBasis.PER_CONTRACT),
)


@dataclass(frozen=True)
class MoneyMention:
    money: Money
    start: int
    end: int
    text: str


def _amount(number: str, scale: str | None) -> Decimal | None:
    cleaned = number
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        cleaned = cleaned.replace(",", "") if len(tail) == 3 else f"{head}.{tail}"
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if scale:
        for word, factor in SCALES.items():
            if scale.lower().startswith(word) and (len(word) > 1 or scale.lower() == word):
                return value * factor
    return value


def _word_amount(word: str) -> Decimal:
    """«مليار» is one billion; the dual «ملياري» two."""
    bare = word.replace("\u064e", "")
    unit = _word_unit(bare)
    return unit if bare in _WORD_NUMBERS else 2 * unit


def _word_unit(word: str) -> Decimal:
    """What one of a scale word counts: a billion for «مليار» and «ملياري»."""
    bare = word.replace("\u064e", "")
    for stem, value in _WORD_NUMBERS.items():
        if bare in (stem, stem + "ي"):
            return Decimal(value)
    raise ValueError(word)


def _qualifier(text: str | None) -> str:
    if not text:
        return MoneyQualifier.EXACT
    lowered = " ".join(text.lower().split())
    for qualifier, words in QUALIFIERS.items():
        if any(word in lowered for word in words):
            return qualifier
    return MoneyQualifier.EXACT


def _currency(text: str) -> str:
    lowered = " ".join(text.lower().split())
    for word, code in CURRENCIES.items():
        if lowered.startswith(word):
            return code
    return ""


def _basis(following: str) -> str:
    for pattern, basis in BASES:
        if pattern.match(following):
            return basis
    return MoneyBasis.TOTAL


def money_mentions(text: str) -> list[MoneyMention]:
    """Every amount of money in `text`, in order, with offsets into `text`."""
    searchable = ascii_digits(text)
    found = []
    for pattern in (ARABIC_AMOUNT, ENGLISH_AMOUNT, ENGLISH_WORDS_AMOUNT, ARABIC_WORD_AMOUNT):
        for match in pattern.finditer(searchable):
            groups = match.groupdict()
            scale = groups.get("scale_ar") or groups.get("scale_en") or groups.get("scale_words")
            if groups.get("scale_word"):
                amount = _word_amount(groups["scale_word"])
            else:
                amount = _amount(groups["number"], scale)
            if amount is not None and groups.get("fraction"):
                unit = _amount("1", scale) if scale else _word_unit(groups["scale_word"])
                amount += unit * _FRACTIONS[groups["fraction"]]
            currency_text = (
                groups.get("currency_ar")
                or groups.get("symbol")
                or groups.get("currency_words")
                or ""
            )
            if amount is None or not _currency(currency_text):
                continue
            money = Money(
                amount=amount,
                currency=_currency(currency_text),
                qualifier=_qualifier(groups.get("qualifier_ar") or groups.get("qualifier_en")),
                basis=_basis(searchable[match.end() : match.end() + 20]),
            )
            found.append(
                MoneyMention(money, match.start(), match.end(), text[match.start() : match.end()])
            )
    found.sort(key=lambda mention: mention.start)
    return [
        mention
        for index, mention in enumerate(found)
        if not any(other.start <= mention.start < other.end for other in found[:index])
    ]
