"""Dates in Arabic and English news text, with the precision the text gives.

«يونيو/حزيران 2025» and «حزيران 2025» are months, «22 أغسطس 2025» a day, «عام 2021» a
year, "March 2024" a month. Relative dates are resolved against the article's
publication date (a full day) and marked inferred: «يوم الجمعة الماضي» and "last
Friday", «يوم الاثنين» and "on Monday" (that day of the publication week, or the week
before), «أمس» and "yesterday", «الشهر الماضي» and "last month", «العام الماضي» and
"last year", and a month without its year («في يونيو», "in June": the latest June up to
the publication date). An inferred date's note is the words it rests on.
"""

import datetime
import re
from dataclasses import dataclass, replace

from companies.normalization import CONJUNCTIONS, ascii_digits
from core.dates import DateBasis, DatePrecision, PartialDate

#: Both Arabic month series: the Egyptian (from the Latin names) and the Levantine.
ARABIC_MONTHS = {
    1: ("يناير", "كانون الثاني"),
    2: ("فبراير", "شباط"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "إبريل", "ابريل", "نيسان"),
    5: ("مايو", "أيار"),
    6: ("يونيو", "يونيه", "حزيران"),
    7: ("يوليو", "يوليه", "تموز"),
    8: ("أغسطس", "اغسطس", "آب"),
    9: ("سبتمبر", "أيلول"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول"),
    11: ("نوفمبر", "تشرين الثاني"),
    12: ("ديسمبر", "كانون الأول"),
}
ENGLISH_MONTHS = {
    month: (
        datetime.date(2000, month, 1).strftime("%B"),
        datetime.date(2000, month, 1).strftime("%b"),
    )
    for month in range(1, 13)
}
ENGLISH_MONTHS[9] += ("Sept",)
_MONTH_NUMBER = {
    name.lower(): month
    for months in (ARABIC_MONTHS, ENGLISH_MONTHS)
    for month, names in months.items()
    for name in names
}
_MONTH = "|".join(sorted((re.escape(name) for name in _MONTH_NUMBER), key=len, reverse=True))
_YEAR = r"(?P<year>(?:19|20)\d{2})"

DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>[0-3]?\d)\s+(?P<month>{_MONTH})(?:\s*/\s*(?:{_MONTH}))?\.?,?\s+{_YEAR}\b", re.I
)
MONTH_DAY_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d),\s+{_YEAR}\b", re.I)
MONTH_YEAR = re.compile(rf"(?P<month>{_MONTH})(?:\s*/\s*(?:{_MONTH}))?\.?,?\s+{_YEAR}\b", re.I)
#: A bare year only after a word that makes it a date: «عام 2021», «بحلول 2023», «أواخر
#: 2023», «النصف الثاني من 2026», "in 2021", "late 2023", "the end of 2024".
YEAR = re.compile(
    r"(?:\b[وفبل]?(?:عام|العام|سنة|بحلول|منذ|خلال|أواخر|أوائل|مطلع|منتصف|نهاية|بداية)\s*"
    r"|\b[وفبل]?(?:النصف|الربع)\s+\S+\s+من\s+"
    r"|\b(?:in|since|by|during|of|early|late|mid-?|end\s+of|start\s+of)\s+(?:early\s+|late\s+)?)"
    + _YEAR
    + r"\b",
    re.I,
)

WEEKDAYS = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_WEEKDAY = "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True))
LAST_WEEKDAY = re.compile(
    rf"(?:يوم\s+)?(?P<weekday_ar>{_WEEKDAY})\s+الماضي|\blast\s+(?P<weekday_en>{_WEEKDAY})\b", re.I
)
#: "on Monday", «يوم الاثنين»: in news, the latest such day up to the publication date.
ON_WEEKDAY = re.compile(
    rf"\bon\s+(?P<weekday_en>{_WEEKDAY})\b"
    rf"|(?<![\w])[{CONJUNCTIONS}]?يوم\s+(?P<weekday_ar>{_WEEKDAY})(?![\w])(?!\s+الماضي)",
    re.I,
)
YESTERDAY = re.compile(r"\bأمس\b|(?<![\w])أمس(?![\w])|\byesterday\b", re.I)
#: A month named without its year («في يونيو», "in June"): the latest such month up to the
#: publication date.
MONTH_ALONE = re.compile(
    rf"(?:\b(?:in|since|by|during|early|late|mid-?)\s+|(?<![\w])[{CONJUNCTIONS}]?(?:في|خلال|منذ|مطلع|أواخر)\s+)"
    rf"(?P<month>{_MONTH})(?:\s*/\s*(?:{_MONTH}))?(?![\w])(?!\s*[,/]?\s*\d)(?!\s*/)",
    re.I,
)
LAST_MONTH = re.compile(r"\blast\s+month\b|(?<![\w])[وفبل]?الشهر\s+الماضي(?![\w])", re.I)


def _either(*patterns: str) -> re.Pattern:
    """One case-blind pattern matching any of `patterns` (an English and an Arabic form)."""
    return re.compile("|".join(patterns), re.I)


_NOT_A_YEAR_AFTER = r"(?!\s*,?\s*\d)"
#: A month of last year: "in September of last year", "in July last year",
#: «في سبتمبر من العام الماضي»,
#: «أيلول الماضي» (the last September before the publication month).
MONTH_LAST_YEAR = _either(
    rf"(?P<month>{_MONTH})\s+(?:(?:of\s+)?last\s+year|من\s+العام\s+الماضي|من\s+السنة\s+الماضية)",
    rf"(?<![\w])(?P<month_past>{_MONTH})\s+الماضي(?![\w])",
)
#: A day of a month without its year: "February 3", «3 فبراير» (the latest up to publication).
DAY_MONTH_ALONE = _either(
    rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)\b{_NOT_A_YEAR_AFTER}",
    rf"(?<![\w\d])(?P<day_ar>[0-3]?\d)\s+(?P<month_ar>{_MONTH})(?![\w]){_NOT_A_YEAR_AFTER}",
)
#: «اليوم الأربعاء» ("today, Wednesday") is one date.
#: («اليوم نفسه», "the same day" of another date, is not today.)
TODAY = _either(
    r"\btoday\b",
    rf"(?<![\w])[وفبل]?اليوم(?:\s+(?:{_WEEKDAY}))?(?![\w])(?!\s+(?:نفسه|ذاته))",
)
_THIS_YEAR_AR = r"هذا\s+العام|العام\s+(?:الحالي|الجاري)|السنة\s+(?:الحالية|الجارية)"
THIS_YEAR = _either(
    r"\b(?:earlier\s+|later\s+)?this\s+year\b", rf"(?<![\w])[وفبل]?(?:{_THIS_YEAR_AR})(?![\w])"
)
_ENGLISH_COUNTS = "one two three four five six seven eight nine ten eleven twelve"
_ARABIC_COUNTS = "ثلاثة:3 ثلاث:3 أربعة:4 اربعة:4 خمسة:5 ستة:6 سبعة:7 ثمانية:8 تسعة:9 عشرة:10"
_COUNT = {word: number for number, word in enumerate(_ENGLISH_COUNTS.split(" "), start=1)}
_COUNT |= {word: int(n) for word, n in (pair.split(":") for pair in _ARABIC_COUNTS.split(" "))}

#: "three months ago", «قبل ثلاثة أشهر», «قبل شهرين», «قبل 6 أشهر».
_COUNT_WORDS = "|".join(sorted(_COUNT, key=len, reverse=True))
MONTHS_AGO = _either(
    rf"\b(?P<count>\d{{1,2}}|{_COUNT_WORDS})\s+months?\s+ago\b",
    rf"(?<![\w])قبل\s+(?:(?P<count_ar>\d{{1,2}}|{_COUNT_WORDS})\s+(?:أشهر|اشهر|شهور)"
    r"|(?P<two>شهرين)|(?P<one>شهر))(?![\w])",
)
LAST_YEAR = re.compile(
    r"\blast\s+year\b|(?<![\w])[وفبل]?(?:العام\s+الماضي|السنة\s+الماضية)(?![\w])", re.I
)


@dataclass(frozen=True)
class DateMention:
    date: PartialDate
    start: int
    end: int
    text: str


def _month(name: str) -> int:
    return _MONTH_NUMBER[name.lower().rstrip(".")]


def _last_weekday(weekday: int, published: datetime.date) -> datetime.date:
    """The most recent `weekday` strictly before `published`."""
    days_back = (published.weekday() - weekday) % 7 or 7
    return published - datetime.timedelta(days=days_back)


def _months_back(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _latest(month: int, day: int, published: datetime.date) -> datetime.date | None:
    """The latest `month`/`day` on or before `published` (None if no such day)."""
    for year in (published.year, published.year - 1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            return None
        if candidate <= published:
            return candidate
    return None


def _add_relative(add, searchable: str, published: datetime.date) -> None:
    """Dates said relative to the publication day: a month of last year, a day without
    its year, today, this year, months ago. Each is marked inferred."""
    for match in MONTH_LAST_YEAR.finditer(searchable):
        month = _month(match["month"] or match["month_past"])
        year = published.year - 1
        if match["month_past"] and month < published.month:
            year = published.year
        add(
            match,
            PartialDate(datetime.date(year, month, 1), DatePrecision.MONTH, DateBasis.INFERRED),
        )
    for match in DAY_MONTH_ALONE.finditer(searchable):
        month = _month(match["month"] or match["month_ar"])
        day = _latest(month, int(match["day"] or match["day_ar"]), published)
        if day is not None:
            add(match, PartialDate(day, DatePrecision.DAY, DateBasis.INFERRED))
    for match in TODAY.finditer(searchable):
        add(match, PartialDate(published, DatePrecision.DAY, DateBasis.INFERRED))
    for match in THIS_YEAR.finditer(searchable):
        add(
            match,
            PartialDate(
                datetime.date(published.year, 1, 1), DatePrecision.YEAR, DateBasis.INFERRED
            ),
        )
    for match in MONTHS_AGO.finditer(searchable):
        count = match["count"] or match["count_ar"]
        months = 2 if match["two"] else 1 if match["one"] else None
        months = months or (int(count) if count.isdigit() else _COUNT[count.lower()])
        day = _months_back(published, months)
        add(match, PartialDate(day, DatePrecision.MONTH, DateBasis.INFERRED))


def date_mentions(text: str, *, published: datetime.date | None = None) -> list[DateMention]:
    """Every date in `text`, in order; relative ones only when `published` is known."""
    searchable = ascii_digits(text)
    found: list[DateMention] = []

    def add(match, value: PartialDate):
        if any(other.start < match.end() and match.start() < other.end for other in found):
            return
        words = text[match.start() : match.end()]
        if value.inferred:
            value = replace(value, note=words)  # the words an inferred date rests on
        found.append(DateMention(value, match.start(), match.end(), words))

    for match in DAY_MONTH_YEAR.finditer(searchable):
        day = datetime.date(int(match["year"]), _month(match["month"]), 1)
        try:
            day = day.replace(day=int(match["day"]))
        except ValueError:
            continue
        add(match, PartialDate(day, DatePrecision.DAY))
    for match in MONTH_DAY_YEAR.finditer(searchable):
        try:
            day = datetime.date(int(match["year"]), _month(match["month"]), int(match["day"]))
        except ValueError:
            continue
        add(match, PartialDate(day, DatePrecision.DAY))
    for match in MONTH_YEAR.finditer(searchable):
        add(
            match,
            PartialDate(
                datetime.date(int(match["year"]), _month(match["month"]), 1), DatePrecision.MONTH
            ),
        )
    for match in YEAR.finditer(searchable):
        year = int(match["year"])
        add(match, PartialDate(datetime.date(year, 1, 1), DatePrecision.YEAR))
    if published is not None:
        for match in LAST_WEEKDAY.finditer(searchable):
            weekday = WEEKDAYS[(match["weekday_ar"] or match["weekday_en"]).lower()]
            add(
                match,
                PartialDate(
                    _last_weekday(weekday, published), DatePrecision.DAY, basis=DateBasis.INFERRED
                ),
            )
        for match in ON_WEEKDAY.finditer(searchable):
            weekday = WEEKDAYS[(match["weekday_ar"] or match["weekday_en"]).lower()]
            day = published - datetime.timedelta(days=(published.weekday() - weekday) % 7)
            add(match, PartialDate(day, DatePrecision.DAY, basis=DateBasis.INFERRED))
        for match in YESTERDAY.finditer(searchable):
            add(
                match,
                PartialDate(
                    published - datetime.timedelta(days=1),
                    DatePrecision.DAY,
                    basis=DateBasis.INFERRED,
                ),
            )
        _add_relative(add, searchable, published)
        for match in MONTH_ALONE.finditer(searchable):
            month = _month(match["month"])
            year = published.year if month <= published.month else published.year - 1
            add(
                match,
                PartialDate(datetime.date(year, month, 1), DatePrecision.MONTH, DateBasis.INFERRED),
            )
        for match in LAST_MONTH.finditer(searchable):
            previous = published.replace(day=1) - datetime.timedelta(days=1)
            add(
                match, PartialDate(previous.replace(day=1), DatePrecision.MONTH, DateBasis.INFERRED)
            )
        for match in LAST_YEAR.finditer(searchable):
            add(
                match,
                PartialDate(
                    datetime.date(published.year - 1, 1, 1), DatePrecision.YEAR, DateBasis.INFERRED
                ),
            )
    found.sort(key=lambda mention: mention.start)
    return found
