"""Names in an Arabic sentence: Latin-script names, quoted names, names after cue words,
and people."""

import bisect

from companies.normalization import is_arabic

from .arabic_sentence import ArabicSentence
from .arabic_words import (
    AFTER_NAME_AR,
    COMPANY_CUE,
    DUAL_CUE,
    FIRST_NAME_PARTICLES,
    FIRST_NAMES_AR,
    INNER_PUNCTUATION,
    LIST_CUE,
    PARTY_WORDS_AR,
    PRODUCT_CUE,
    QUOTED,
    QUOTES,
    STARTUP_AFTER,
    STOP_IN_QUOTES,
    SURNAME_PARTICLES_AR,
    TITLES_AFTER_AR,
    TITLES_BEFORE_AR,
    WORD_AND,
    WORD_LIKE,
    WORD_OR,
    WORD_TO,
    Span,
    is_filler,
    is_latin_word,
    is_rival_cue,
    letters,
    name_like,
)
from .common import COMPANY, CUED, EXPLICIT, GUESSED, PERSON, PRODUCT, NameCandidate
from .english import FIRST_NAMES_LATIN, STOP_WORDS_EN


class ArabicNames(ArabicSentence):
    """The candidate names of one Arabic sentence."""

    def candidates(self) -> list[tuple[int, NameCandidate]]:
        self._latin_names()
        self._quoted_names()
        self._cued_names()
        self._people()
        return self.found

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
                self._add(EXPLICIT, start, end, PRODUCT, connector, owner_name)
                self._add(EXPLICIT, owner_start, owner_end, COMPANY, connector)
                continue
            if len(latin_words) >= 2 and latin_words[0] in FIRST_NAMES_LATIN:
                self._add(EXPLICIT, start, end, PERSON, "first name")
                continue
            cue = self._cue_before(first)
            if cue is not None:
                kind, cue_text = cue
                self._add(CUED, start, end, kind, cue_text)
                continue
            following = last + 1
            if (
                following < len(self.words)
                and self._spaced(last, following)
                and STARTUP_AFTER.fullmatch(self.words[following].key)
            ):
                self._add(CUED, start, end, COMPANY, self.words[following].text)
            elif any(c.isdigit() for c in name):
                self._add(GUESSED, start, end, PRODUCT, "version")
            elif len(name) > 1:
                self._add(GUESSED, start, end, COMPANY, "latin")

    # Quoted names.

    def _quoted_names(self):
        for match in QUOTED.finditer(self.text, self.sentence.start, self.sentence.end):
            group = next(g for g in (1, 2, 3) if match.group(g) is not None)
            content = match.group(group)
            if not is_arabic(content) or INNER_PUNCTUATION.search(content):
                continue
            start = match.start(group) + len(content) - len(content.lstrip())
            end = match.end(group) - (len(content) - len(content.rstrip()))
            indexes = [
                i for i, word in enumerate(self.words) if start <= word.start and word.end <= end
            ]
            if not 1 <= len(indexes) <= 3:
                continue
            if not name_like(self.words[indexes[0]].key, self.words[indexes[0]].text) or any(
                self.words[i].key in STOP_IN_QUOTES for i in indexes
            ):
                continue
            cue = self._cue_before(indexes[0], quoted=True)
            if cue is None:
                # A quotation («المختبر «ليس للبيع»», «قال إن …») is not a name; a
                # quoted name after «مع», «ضد» or «بين», or after a verb, is.
                previous = self.words[indexes[0] - 1] if indexes[0] else None
                after_party = previous is None or previous.key in PARTY_WORDS_AR
                quotation = previous is not None and (
                    letters(previous.text).startswith("ال") or previous.key in AFTER_NAME_AR
                )
                if after_party or (len(indexes) == 1 and not quotation):
                    self._add(GUESSED, start, end, COMPANY, "quoted")
            else:
                self._add(CUED, start, end, cue[0], cue[1])

    # Arabic names after cue words.

    def _cued_names(self):
        for index, word in enumerate(self.words):
            if is_latin_word(word):
                continue
            if COMPANY_CUE.fullmatch(word.key) or is_rival_cue(word):
                self._after_company_cue(index)
            elif DUAL_CUE.fullmatch(word.key):
                self._list(index + 1, COMPANY, word.text, limit=2)
            elif PRODUCT_CUE.fullmatch(word.key) and word.key.endswith(("منصه", "منصتها")):
                span = self._next_name(index)
                if span is not None:
                    self._add(CUED, span.start, span.end, PRODUCT, word.text)
            else:
                list_cue = LIST_CUE.fullmatch(word.key)
                if list_cue:
                    self._after_list_cue(index, COMPANY if list_cue["company"] else PRODUCT)
            self._after_title(index)

    def _next_name(self, index: int) -> Span | None:
        """The Arabic name after cue word `index`, past up to three fillers and
        adjectives («الشركة الناشئة الفرنسية ميسترال»)."""
        following = index + 1
        skipped = 0
        while (
            following < len(self.words)
            and skipped < 3
            and is_filler(self.words[following])
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
            self._add(CUED, span.start, span.end, COMPANY, self.words[index].text)

    def _after_list_cue(self, index: int, kind: str):
        """«منتجات مثل فيسبوك وإنستجرام»: «مثل» within three words of the cue."""
        for position in range(index + 1, min(index + 4, len(self.words))):
            if not self._spaced(position - 1, position):
                return
            if self.words[position].key == WORD_LIKE:
                self._list(position + 1, kind, self.words[position].text, opening=":")
                return

    def _list(self, index: int, kind: str, cue: str, *, limit: int = 0, opening: str = ""):
        """Names listed from word `index` on: «X وY وZ», «X، وY»; Latin items may have an
        owner after them («Sora التابعة لـ OpenAI، وFlux …»)."""
        if index >= len(self.words):
            return
        if self._between(index - 1, index).strip(QUOTES + opening + " "):
            return
        count, position, conjunction = 0, index, False
        while position < len(self.words) and (not limit or count < limit):
            word = self.words[position]
            if count and word.key in (WORD_AND, WORD_OR) and not is_latin_word(word):
                position, conjunction = position + 1, True
                continue
            if is_latin_word(word):
                run = self._latin_run_at(word.start)
                if run is None:
                    return
                self._add(CUED, run[0], run[1], kind, cue)
                position = run[3] + 1
                owner = self._owner_after(run[2], run[1])
                if owner is not None:
                    position = bisect.bisect_left(self.starts, owner[2])
            else:
                span = self._arabic_name(position, WORD_AND if count and not conjunction else "")
                if span is None:
                    return
                self._add(CUED, span.start, span.end, kind, cue)
                position = span.last + 1
            count, conjunction = count + 1, False
            if position >= len(self.words):
                return
            separator = self._between(position - 1, position)
            if separator.strip(" \t،," + QUOTES):
                return
            following = self.words[position]
            if not (
                is_latin_word(following)
                or following.key in (WORD_AND, WORD_OR)
                or following.key.startswith(WORD_AND)
            ):
                return

    # People.

    def _people(self):
        for index, word in enumerate(self.words):
            if is_latin_word(word):
                continue
            self._first_name_at(index)
            if word.key in TITLES_AFTER_AR and index >= 2:
                self._before_title(index)

    def _first_name_at(self, index: int):
        word = self.words[index]
        start = word.start
        if word.key not in FIRST_NAMES_AR:
            if word.key[:1] in FIRST_NAME_PARTICLES and word.key[1:] in FIRST_NAMES_AR:
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
        self._add(EXPLICIT, start, end, PERSON, "first name")

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
            CUED,
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
            if position < len(self.words) and self.words[position].key.startswith(WORD_TO):
                organisation = self._arabic_name(position, WORD_TO)
                if organisation is None or not self._spaced(end, position):
                    return
                self._add(CUED, organisation.start, organisation.end, COMPANY, cue)
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
                or self.words[after].key in AFTER_NAME_AR
            )
            if ends_here or self.words[first].key in FIRST_NAMES_AR:
                self._add(CUED, self.words[first].start, self.words[second].end, PERSON, cue)
            return
