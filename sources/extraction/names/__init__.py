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

Modules: `arabic_words` (the Arabic word lists, cue patterns and word tests),
`arabic_sentence` (an Arabic sentence as words), `arabic` (the Arabic finders),
`english` (the English word lists and finder), `common` (the candidate and its ranks).
"""

import bisect

from companies.normalization import is_arabic

from ..sentences import sentences, words
from .arabic import ArabicNames
from .common import COMPANY, PERSON, PRODUCT, NameCandidate
from .english import COMPANY_SUFFIXES, LEGAL_SUFFIXES, english_candidates

__all__ = [
    "COMPANY",
    "COMPANY_SUFFIXES",
    "LEGAL_SUFFIXES",
    "PERSON",
    "PRODUCT",
    "NameCandidate",
    "name_candidates",
]


def name_candidates(text: str) -> list[NameCandidate]:
    """Candidate names in `text`, left to right, each span once."""
    all_words = words(text)
    starts = [word.start for word in all_words]
    ranked: list[tuple[int, NameCandidate]] = []
    for sentence in sentences(text):
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        if is_arabic(sentence.text):
            ranked.extend(ArabicNames(text, sentence, all_words[first:last]).candidates())
        else:
            ranked.extend(english_candidates(text, sentence))
    ranked.sort(key=lambda item: (item[0], -(item[1].end - item[1].start), item[1].start))
    chosen: list[NameCandidate] = []
    for _, candidate in ranked:
        if any(candidate.start < other.end and other.start < candidate.end for other in chosen):
            continue
        chosen.append(candidate)
    return sorted(chosen, key=lambda candidate: candidate.start)
