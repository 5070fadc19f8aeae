"""One Arabic sentence as words: spacing, names at a word, the cue before one, Latin runs."""

import bisect
import unicodedata

from companies.normalization import MIN_STEM_LENGTH, TATWEEL

from ..sentences import Sentence, Word
from .arabic_words import (
    COMPANY_CUE,
    DUAL_CUE,
    LATIN_RUN,
    LATIN_WORD,
    LIST_CUE,
    NAME_HEADS_AR,
    NAME_TAILS_AR,
    OWNER,
    PARTY_WORDS_AR,
    PRODUCT_CUE,
    QUOTES,
    STOP_WORDS_AR,
    TITLE_TAILS_AR,
    WORD_AND,
    WORD_TO,
    Span,
    is_latin_word,
    is_rival_cue,
    letters,
    name_like,
)
from .common import COMPANY, PRODUCT, NameCandidate


class ArabicSentence:
    """The words of one Arabic sentence, with the tests the name finders share."""

    def __init__(self, text: str, sentence: Sentence, found: list[Word]):
        self.text = text
        self.sentence = sentence
        self.words = found
        self.starts = [word.start for word in found]
        self.found: list[tuple[int, NameCandidate]] = []

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
            not self._between(i, i + 1).strip().strip(QUOTES + TATWEEL) for i in range(left, right)
        )

    def _index_at(self, offset: int) -> int | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.words[index].end:
            return index
        return None

    def _arabic_name(
        self, index: int, strip: str = "", *, person: bool = False, article: bool = False
    ) -> Span | None:
        """The Arabic name starting at word `index`, with particle `strip` taken off."""
        if index >= len(self.words):
            return None
        word = self.words[index]
        if is_latin_word(word) or word.key.isdigit():
            return None
        start, key = word.start, word.key
        if strip and key[0] in strip:
            if len(key) - 1 < MIN_STEM_LENGTH:
                return None
            start, key = self._after_particle(word), key[1:]
        original = self.text[start : word.end]
        with_article = article and letters(original).startswith("ال")
        if not name_like(key, original, person=person) and not (
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
                and not is_latin_word(self.words[last + 1])
                and name_like(self.words[last + 1].key, self.words[last + 1].text)
            ):
                last += 1
        return Span(start, self.words[last].end, last)

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
            if is_latin_word(word) or word.key in PARTY_WORDS_AR:
                return None
            nearest = position == index - 1
            if PRODUCT_CUE.fullmatch(word.key):
                return PRODUCT, word.text
            list_cue = LIST_CUE.fullmatch(word.key)
            if list_cue:
                return (COMPANY if list_cue["company"] else PRODUCT), word.text
            company = (
                COMPANY_CUE.fullmatch(word.key)
                or DUAL_CUE.fullmatch(word.key)
                or is_rival_cue(word)
            )
            if company:
                return (COMPANY, word.text) if nearest or quoted else None
            if (
                nearest
                and word.key == WORD_TO
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
        for match in LATIN_RUN.finditer(self.text, start, end):
            parts = list(LATIN_WORD.finditer(self.text, match.start(), match.end()))
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
        match = OWNER.match(self.text, end, self.sentence.end)
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
        span = self._arabic_name(index, WORD_TO if attached else "")
        if span is None or span.start != match.end():
            return None
        return connector, span.start, span.end

    def _stands_alone(self, index: int) -> bool:
        """Whether word `index` opens a clause or a list item, or follows a product cue."""
        if (
            index == 0
            or not self._linked(index - 1, index)
            or self.words[index - 1].key == WORD_AND
        ):
            return True
        cue = self._cue_before(index)
        return cue is not None and cue[0] == PRODUCT
