"""Made-up names in Latin and Arabic script, and the Arabic spellings news would use.

A name is built from syllables that each have a Latin and an Arabic form, so the two
scripts name the same thing as a transliteration does. Spelling variants swap the
letters Arabic writers really disagree on (ج/غ for a hard g, ك/ق, ت/ط, س/ص) or drop a
long vowel, which gives a different strict key but, as with real names, the same sound.
"""

from random import Random

#: (Latin, Arabic) syllables; the Arabic form writes the vowel as a long letter.
SYLLABLES = (
    ("ka", "كا"),
    ("ra", "را"),
    ("mi", "مي"),
    ("lo", "لو"),
    ("na", "نا"),
    ("vi", "في"),
    ("ta", "تا"),
    ("sa", "سا"),
    ("do", "دو"),
    ("ro", "رو"),
    ("ne", "ني"),
    ("zi", "زي"),
    ("ga", "غا"),
    ("ku", "كو"),
    ("ba", "با"),
    ("lu", "لو"),
    ("ma", "ما"),
    ("fa", "فا"),
    ("ha", "ها"),
    ("ya", "يا"),
    ("ti", "تي"),
    ("so", "سو"),
    ("qa", "قا"),
    ("je", "جي"),
)

#: Words after a company's coined name, by company kind.
COMPANY_WORDS = {
    "company": (("Systems", "سيستمز"), ("Technologies", "تكنولوجيز"), ("Group", "غروب")),
    "startup": (("AI", "إيه آي"), ("Labs", "لابز"), ("", "")),
    "research_lab": (("Research", "ريسيرش"), ("Labs", "لابز")),
    "studio": (("Studio", "ستوديو"), ("Media", "ميديا"), ("Pictures", "بيكتشرز")),
    "investor": (("Capital", "كابيتال"), ("Ventures", "فنتشرز"), ("Partners", "بارتنرز")),
}

FIRST_NAMES = (
    ("Sara", "سارة"),
    ("Omar", "عمر"),
    ("Lina", "لينا"),
    ("Karim", "كريم"),
    ("Maya", "مايا"),
    ("Daniel", "دانيال"),
    ("Nour", "نور"),
    ("Adam", "آدم"),
    ("Hana", "هنا"),
    ("Samir", "سمير"),
    ("Emma", "إيما"),
    ("Yusuf", "يوسف"),
)

PRODUCT_WORDS = (
    ("Vision", "فيجن"),
    ("Voice", "فويس"),
    ("Chat", "تشات"),
    ("Studio", "ستوديو"),
    ("Canvas", "كانفاس"),
    ("Engine", "إنجن"),
)

#: Letters Arabic spellings of foreign names disagree on, each way round.
_SWAPS = {"غ": "ج", "ج": "غ", "ك": "ق", "ق": "ك", "ت": "ط", "س": "ص"}
_LONG_VOWELS = "اوي"


def coined(rng: Random, syllables: int) -> tuple[str, str]:
    """A coined word in both scripts ("Karami", "كارامي")."""
    picked = [rng.choice(SYLLABLES) for _ in range(syllables)]
    latin = "".join(latin for latin, _ in picked).capitalize()
    return latin, "".join(arabic for _, arabic in picked)


def joined(*pairs: tuple[str, str]) -> tuple[str, str]:
    """Words in both scripts joined by spaces, empty words left out."""
    return tuple(" ".join(word for word in words if word) for words in zip(*pairs, strict=True))


def company_name(rng: Random, kind: str) -> tuple[str, str]:
    return joined(coined(rng, rng.randint(2, 3)), rng.choice(COMPANY_WORDS[kind]))


def person_name(rng: Random) -> tuple[str, str]:
    return joined(rng.choice(FIRST_NAMES), coined(rng, rng.randint(2, 3)))


def product_name(rng: Random) -> tuple[str, str]:
    return joined(coined(rng, 2), rng.choice(PRODUCT_WORDS))


def arabic_variants(rng: Random, name: str, count: int) -> list[str]:
    """Up to `count` other Arabic spellings of `name`'s first word, each differing from
    it by one swapped letter or one dropped long vowel."""
    first, _, rest = name.partition(" ")
    spellings = []
    for position, letter in enumerate(first):
        if letter in _SWAPS:
            spellings.append(first[:position] + _SWAPS[letter] + first[position + 1 :])
        elif letter in _LONG_VOWELS and 0 < position < len(first) - 1:
            spellings.append(first[:position] + first[position + 1 :])
    rng.shuffle(spellings)
    return [" ".join(filter(None, (spelling, rest))) for spelling in spellings[:count]]
