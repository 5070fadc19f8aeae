"""Page furniture: the parts of a pasted news page that state no fact of the story.

Bylines, photo captions and credits, datelines' place and agency, "Related" and
«اقرأ أيضاً» link lists, newsletter boxes, share buttons, comment forms and copyright
lines name reporters, photographers, cities and outlets, and restate other stories.
`mask_furniture` blanks them out (same length, so every offset still points into the
article's text) before names and events are looked for; amounts and dates are still
read from the whole text.
"""

from __future__ import annotations

import re

#: Lines that are furniture as a whole (each pattern matches a whole line).
_FURNITURE_LINES = [
    r"by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*",
    r"\(?\s*(?:reporting|writing|editing|additional reporting|compiled) by\b.*",
    r".*\bREUTERS\s*/.*",
    r".*\b(?:file photo|photo credit|handout photo|photo illustration)\b.*",
    r"(?:photo|image|credit|source|caption)\s*[:|].*",
    r".*(?:/\s*getty images|via getty images|/\s*afp|afp via|\(getty images\)|shutterstock).*",
    r"(?:related|read more|more in|most read|most popular|you might also like|recommended"
    r"|see also|more from|trending|top stories|latest news)\b.*",
    r".*\b(?:sign up|subscribe|newsletter|cookies?|privacy policy|terms of (?:use|service)"
    r"|all rights reserved|trust principles|our standards|leave a (?:reply|comment)"
    r"|share this|share on|follow us|click here|advertisement|comments? \(\d+\))\b.*",
    r".*(?:©|\(c\)\s*\d{4}).*",
    r"(?:share|tweet|email|print|comments?|facebook|twitter|linkedin|whatsapp)"
    r"(?:\s*[|·•,/]\s*\w+)*",
    r".*\bupdated\b.*\b(?:ago|am|pm|gmt|utc|est|pt)\b.*",
    r"(?:tags?|topics?|related topics|keywords|filed under|section)\s*:.*",
    r"(?:كلمات مفتاحية|الكلمات الدالة|الوسوم|وسوم|مواضيع)\s*[:：].*",
    r"(?:كتب|بقلم|تحرير|إعداد|اعداد|المصدر|الصورة|صورة|مصدر الصورة|تصوير|المحرر)\s*[:：].*",
    r"(?:اقرأ|إقرأ) (?:أيضاً|أيضا|ايضا|ايضاً|المزيد).*",
    r"(?:مواضيع|أخبار|اخبار|مقالات) (?:ذات صلة|متعلقة|مشابهة).*",
    r".*(?:اترك تعليقا|اترك تعليقاً|أضف تعليق|جميع الحقوق محفوظة|شارك الخبر|شارك هذا|تابعونا"
    r"|سياسة الخصوصية|الكلمات المفتاحية|ملفات تعريف الارتباط|اشترك في|النشرة البريدية).*",
    r"(?:شارك|مشاركة|طباعة|تغريد|واتساب|فيسبوك|تويتر)(?:\s*[|·•،,/]\s*\S+)*",
]
_FURNITURE_LINE = re.compile(
    r"^\s*(?:" + "|".join(_FURNITURE_LINES) + r")\s*$", re.IGNORECASE | re.MULTILINE
)

#: Headings after which a list of links to other stories follows.
_LINK_LIST_HEADINGS = [
    r"related(?: (?:coverage|stories|articles))?",
    r"read more",
    r"more in\b.*",
    r"more from\b.*",
    r"most read",
    r"you might also like",
    r"recommended",
    r"see also",
    r"اقرأ (?:أيضاً|أيضا|ايضا)",
    r"(?:مواضيع|أخبار|اخبار) ذات صلة",
    r"اقرأ المزيد",
]
_LINK_LIST_HEADING = re.compile(
    r"^\s*(?:" + "|".join(_LINK_LIST_HEADINGS) + r")\s*[:：]?\s*$", re.IGNORECASE
)
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–·]|\d+[.)])\s")

#: A dateline: the place (and agency) that opens a report, up to its dash.
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z .'’-]{2,40}|[\u0621-\u064A][\u0621-\u064A ]{1,30}?)
        (?P<when>\s*[,،]\s*[^()\n\-–—]{0,30}?)?
        \s*(?P<agency>\((?:Reuters|AP|AFP|Bloomberg|dpa|Xinhua|WAM|SPA|KUNA|QNA
            |رويترز|أ\ ف\ ب|أ\.ف\.ب|د\ ب\ أ|وام|واس|قنا|كونا|سانا|الأناضول|شينخوا)\))?
        \s*[-–—]\s*
        (?P<agency2>(?:وام|واس|قنا|كونا|سانا|رويترز|الأناضول|د\ ب\ أ|أ\ ف\ ب)\s*[:：-]?)?""",
    re.MULTILINE | re.VERBOSE,
)
#: Reporting credits inside a paragraph: "(Reporting by …; Editing by …)".
_CREDITS = re.compile(r"\((?:additional\s+)?(?:reporting|writing|editing)\s+by[^)]*\)", re.I)


def _blank(text: str, start: int, end: int, chars: list[str]) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = " "


def _line_spans(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line), line
        start += len(line) + 1


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Where the furniture of a pasted page is, as (start, end) offsets into `text`."""
    spans = []
    in_link_list = False
    for start, end, line in _line_spans(text):
        if _LINK_LIST_HEADING.match(line):
            in_link_list = True
            spans.append((start, end))
            continue
        if in_link_list and (_LIST_ITEM.match(line) or (line.strip() and len(line) < 140)):
            spans.append((start, end))
            continue
        in_link_list = False
        if _FURNITURE_LINE.match(line):
            spans.append((start, end))
            continue
        dateline = _DATELINE.match(line)
        if dateline and _is_dateline(dateline):
            spans.extend(_dateline_spans(dateline, start))
    for credit in _CREDITS.finditer(text):
        spans.append(credit.span())
    return sorted(spans)


def dateline_dates(text: str) -> list[tuple[int, int]]:
    """Where a dateline's own date is ("TOKYO, March 20 (Reuters) -"): the day the report
    was filed, which the event's own day ("on Wednesday") in the sentence outranks."""
    spans = []
    for start, _end, line in _line_spans(text):
        dateline = _DATELINE.match(line)
        if dateline and dateline.group("when") and _is_dateline(dateline):
            spans.append((start + dateline.start("when"), start + dateline.end("when")))
    return spans


def _dateline_spans(match: re.Match, offset: int) -> list[tuple[int, int]]:
    """The dateline but its date: the place, the agency and the dash."""
    if not match.group("when"):
        return [(offset + match.start(), offset + match.end())]
    return [
        (offset + match.start(), offset + match.start("when")),
        (offset + match.end("when"), offset + match.end()),
    ]


def _is_dateline(match: re.Match) -> bool:
    """A place before a dash opens a report only with an agency, a date or in capitals."""
    place = match.group("place")
    return bool(match.group("agency") or match.group("agency2") or match.group("when")) or (
        place.isupper() and len(place.split()) <= 4
    )


def mask_furniture(text: str) -> str:
    """`text` with its furniture blanked out, every other character where it was."""
    chars = list(text)
    for start, end in furniture_spans(text):
        _blank(text, start, end, chars)
    return "".join(chars)
