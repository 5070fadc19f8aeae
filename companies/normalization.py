"""Search keys for names written in Arabic and Latin script.

Every alias of a company, person or product gets two keys:

* a *strict key*, the name with everything that does not change how it reads folded away
  (case, Latin accents, Arabic diacritics and tatweel, hamza and alef forms, digit forms,
  punctuation, invisible marks), so that "إيلون ماسك" and "ايلون  ماسك" are one name;
* a *loose key*, a Latin consonant skeleton of each word of the strict key, on which the
  many Arabic spellings of one foreign name and its Latin spelling meet
  (جوجل / غوغل / قوقل / Google all become "kl").

It also holds what a name may be made of (`direction_controls`, `is_visible`), which
`companies.models.names.validate_name` enforces on every name, and the project's one
definition of the two scripts (`is_arabic`, `is_latin`,
and the `ARABIC_LETTERS` / `LATIN_LETTERS` character classes for regular expressions)
and of the Arabic particles written onto the next word (`CONJUNCTIONS`, `PREPOSITIONS`,
`ARTICLE`, and `PARTICLES`, `CLITICS` as patterns).

The module is pure Python on purpose: keys are computed on save, in bulk imports and in
search queries, and must be the same everywhere.
"""

import re
import unicodedata

TATWEEL = "\u0640"

#: Arabic letters with their combining marks and tatweel, but not Arabic punctuation or
#: digits: the body of a regular expression character class (`[{ARABIC_LETTERS}]`).
ARABIC_LETTERS = (
    "\u0610-\u061a\u0621-\u065f\u066e-\u06d3\u06d5-\u06ed\u06fa-\u06ff"
    "\u0750-\u077f\ufb50-\ufd3d\ufd50-\ufdfb\ufe70-\ufefc"
)
#: Latin letters, plain and accented (Basic Latin to Latin Extended-B), as a class body.
LATIN_LETTERS = "A-Za-z\u00c0-\u024f"
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_LATIN_LETTER = re.compile(f"[{LATIN_LETTERS}]")

#: Arabic particles written onto the next word, in the order they stack: a conjunction,
#: then a preposition, then the article; ل + ال is written لل, never لال.
CONJUNCTIONS = "وف"
PREPOSITIONS = "بكل"
ARTICLE = "ال"
#: The future prefix of verbs («سيستحوذ»), allowed where verbs are matched.
FUTURE = "س"
#: Particles on the front of a folded Arabic word (a strict-key word), as a pattern: a
#: conjunction, then the article (with ب / ك, or as لل) or one preposition or the future
#: prefix.
PARTICLES = rf"(?:[{CONJUNCTIONS}]?(?:لل|[بك]?{ARTICLE}|[{PREPOSITIONS}{FUTURE}])?)"
#: A conjunction and a preposition without the article («وبـ», «لـ»), as a pattern.
CLITICS = rf"[{CONJUNCTIONS}]?[{PREPOSITIONS}]?"
#: The article with the particles before it («الشراكة», «وبالشراكة», «للشراكة»), as a
#: pattern anchored at the start of a word.
DEFINITE = re.compile(rf"^[{CONJUNCTIONS}]?(?:لل|[بك]?{ARTICLE})")

#: Arabic combining marks: harakat, superscript alef, Quranic annotation and honorific marks.
ARABIC_MARKS = "".join(
    chr(code)
    for code in (
        *range(0x0610, 0x061B),
        *range(0x064B, 0x0660),
        0x0670,
        *range(0x06D6, 0x06DD),
        *range(0x06DF, 0x06E5),
        0x06E7,
        0x06E8,
        *range(0x06EA, 0x06EE),
    )
)

_STRICT_ARABIC = str.maketrans(
    {
        **dict.fromkeys(ARABIC_MARKS + TATWEEL + "ء"),
        **dict.fromkeys("أإآٱ", "ا"),
        **dict.fromkeys("ىیئ", "ي"),
        "ة": "ه",
        "ؤ": "و",
        "ک": "ك",
        "٫": ".",
        "٬": None,
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)

#: Consonant classes shared by both scripts: letters that stand for one sound in
#: transliteration (ج غ ق / g j k, ز س / s z, ...) map to one Latin letter.
_CONSONANTS = {
    **dict.fromkeys("بپ", "b"),
    **dict.fromkeys("تطث", "t"),
    **dict.fromkeys("دذض", "d"),
    **dict.fromkeys("سصشزظژ", "s"),
    **dict.fromkeys("جغقگكخچڨ", "k"),
    **dict.fromkeys("فڤ", "f"),
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ر": "r",
    **dict.fromkeys("هح", "h"),
    **dict.fromkeys("bp", "b"),
    "t": "t",
    "d": "d",
    **dict.fromkeys("sz", "s"),
    **dict.fromkeys("kqgj", "k"),
    "x": "ks",
    **dict.fromkeys("fv", "f"),
    "l": "l",
    "m": "m",
    "n": "n",
    "r": "r",
    "h": "h",
}

#: Semivowels written as consonants only at the start of a word (Wang, وانغ, Yann, يان).
_WORD_INITIAL = {"w": "w", "y": "y", "و": "w", "ي": "y"}

#: Latin letter groups read as one consonant; matched before single letters.
_LATIN_DIGRAPHS = {
    "sch": "s",
    "sh": "s",
    "ch": "k",
    "ck": "k",
    "kh": "k",
    "gh": "k",
    "ph": "f",
    "th": "t",
}

_LATIN_VOWELS = frozenset("aeiou")
_LATIN_CONSONANT_LETTERS = frozenset("bcdfghjklmnpqrstvwxyz")
_SOFT_C_BEFORE = frozenset("eiy")
_TOKEN = re.compile("|".join(_LATIN_DIGRAPHS) + "|.", re.DOTALL)
_REPEATED_CLASS = re.compile(r"([a-z])\1+")

_CONJUNCTIONS = ("", *CONJUNCTIONS)
_PREPOSITIONS = ("", *PREPOSITIONS)
_ARTICLES = ("", ARTICLE)
#: Every stack of proclitics: conjunction, then preposition, then article; ل + ال is
#: written لل, never لال.
_PARTICLE_PREFIXES = sorted(
    {
        *(
            conjunction + preposition + article
            for conjunction in _CONJUNCTIONS
            for preposition in _PREPOSITIONS
            for article in _ARTICLES
            if not (preposition == "ل" and article == ARTICLE)
        ),
        *(conjunction + "لل" for conjunction in _CONJUNCTIONS),
    }
    - {""}
)
MIN_STEM_LENGTH = 3
#: A final ه is a ta marbuta (شركة → شركه), not a consonant, in words this long or longer.
TA_MARBUTA_MIN_WORD = 3


_ASCII_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
        "٫": ".",
        "٬": ",",
    }
)


def is_arabic(text: str) -> bool:
    """Whether `text` has an Arabic letter (Arabic punctuation and digits do not count)."""
    return _ARABIC_LETTER.search(text) is not None


def is_latin(text: str) -> bool:
    """Whether `text` has a Latin letter."""
    return _LATIN_LETTER.search(text) is not None


#: Characters that embed, override or isolate a text direction (LRE, RLE, PDF, LRO, RLO;
#: LRI, RLI, FSI, PDI). In a name they reach out of it and reorder the text around it
#: ("licensor" shown as "rosnecil"), so names may not have them. The plain marks
#: (LRM, RLM, ALM) and ZWNJ / ZWJ, which Arabic and Persian words use, are not among them.
DIRECTION_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
#: Letters and symbols that draw nothing (Hangul fillers, the blank Braille pattern).
_BLANK_SIGNS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def direction_controls(text: str) -> list[str]:
    """The direction controls in `text`, each once, in code point order."""
    return sorted(DIRECTION_CONTROLS.intersection(text))


def is_visible(text: str) -> bool:
    """Whether `text` shows anything: a letter, digit, punctuation mark or symbol.

    Spaces, format characters (zero-width spaces and joiners, direction marks), controls
    and combining marks on their own draw nothing a reader could tell apart.
    """
    return any(
        unicodedata.category(char)[0] in "LNPS" and char not in _BLANK_SIGNS for char in text
    )


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits (and the Arabic decimal and thousands marks) as
    ASCII, everything else unchanged and at the same offsets."""
    return text.translate(_ASCII_DIGITS)


def strict_key(text: str) -> str:
    """The strict search key of `text`: words of folded letters and digits, one space apart.

    Two spellings get the same strict key when they differ only in things a reader does
    not hear: case, Latin accents, Arabic diacritics, tatweel, hamza seats and alef forms,
    ى/ي and ة/ه, digit forms, punctuation, invisible marks and spacing. A "." is kept only
    between two digits, so "2٫75" stays a number ("2.75").
    """
    text = unicodedata.normalize("NFKC", text).translate(_STRICT_ARABIC)
    text = _caseless(text)
    text = unicodedata.normalize("NFC", _drop_marks_and_format(text))
    return " ".join(_separators_to_spaces(text).split())


def loose_key(text: str) -> str:
    """The loose search key of `text`: each word of its strict key as a consonant skeleton.

    Arabic and Latin letters map to shared consonant classes and vowels are dropped, so
    the transliterations of one foreign name meet (وانغ / وانج / Wang → "wnk"). A word
    with no consonant left ("ai", "اي") is kept as it is rather than lost.
    """
    return " ".join(_skeleton(word) or word for word in key_words(strict_key(text)))


def name_keys(text: str) -> tuple[str, str]:
    """Both search keys of a name, as stored on an alias: (strict, loose)."""
    return strict_key(text), loose_key(text)


def particle_variants(word: str) -> list[str]:
    """The stems of one strict-key word with attached Arabic particles removed.

    Arabic writes و / ف / ب / ك / ل and the article ال (ل + ال as لل) onto the next
    word, so "لميدجورني" and "والشركه" are not found by their own keys. Callers try
    these stems when the whole word matched nothing. Longer stems (fewer particles
    removed) come first; stems shorter than three letters are never returned, and
    neither is the word itself.
    """
    stems = {
        word[len(prefix) :]
        for prefix in _PARTICLE_PREFIXES
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM_LENGTH
    }
    return sorted(stems, key=lambda stem: (-len(stem), stem))


def key_words(key: str) -> list[str]:
    """The words of a strict or loose key."""
    return key.split()


def _caseless(text: str) -> str:
    """Unicode compatibility caseless folding (D145), decomposed so accents can be dropped.

    Case folding is applied twice around NFKD because folding can produce characters that
    decompose further (and the reverse); once is not always stable.
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFD", text).casefold())
    return unicodedata.normalize("NFKD", text.casefold())


def _drop_marks_and_format(text: str) -> str:
    """Remove format characters and the combining marks that do not belong to a letter.

    Marks on Latin letters (accents), on digits, spaces and punctuation are dropped;
    marks on letters of other scripts are kept, since they can be part of the letter.
    """
    kept = []
    marks_allowed = False
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        if category.startswith("M"):
            if marks_allowed:
                kept.append(char)
            continue
        marks_allowed = category.startswith("L") and not _is_latin(char)
        kept.append(char)
    return "".join(kept)


def _separators_to_spaces(text: str) -> str:
    """Turn punctuation, symbols, separators and control characters into spaces.

    The one exception is a "." between two digits, the decimal point of a number.
    """
    return "".join(
        " " if _is_separator(char) and not (char == "." and _between_digits(text, index)) else char
        for index, char in enumerate(text)
    )


def _is_separator(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "PSZ" or category == "Cc"


def _between_digits(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isdecimal() and text[index + 1].isdecimal()


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN ")


def _skeleton(word: str) -> str:
    """The consonant skeleton of one strict-key word, with repeated classes collapsed."""
    sounds = (_sound(word, match.group(), match.start()) for match in _TOKEN.finditer(word))
    return _REPEATED_CLASS.sub(r"\1", "".join(sounds))


def _sound(word: str, token: str, start: int) -> str:
    """The consonant class of the letter or digraph `token` found at `word[start]`."""
    if token in _LATIN_DIGRAPHS:
        return _LATIN_DIGRAPHS[token]
    if token in _WORD_INITIAL:
        return _WORD_INITIAL[token] if start == 0 else ""
    if token == "c":
        return "s" if word[start + 1 : start + 2] in _SOFT_C_BEFORE else "k"
    if token == "h" and start > 0 and word[start - 1] in _LATIN_CONSONANT_LETTERS:
        return ""
    if token == "ه" and start == len(word) - 1 and len(word) >= TA_MARBUTA_MIN_WORD:
        return ""
    if token in _CONSONANTS:
        return _CONSONANTS[token]
    if token in _LATIN_VOWELS or unicodedata.name(token, "").startswith(("LATIN ", "ARABIC ")):
        return ""
    return token
