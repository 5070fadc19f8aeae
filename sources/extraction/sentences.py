"""Sentences and words of article text, as spans of the original text.

A citation's excerpt is the sentence around a mention, so a `Sentence` keeps its offsets
(`text[s.start:s.end] == s.text`). A line always ends a sentence (headlines and list
items have no full stop); inside a line, ". ! ? ؟" end one when whitespace or the end of
the line follows, except after an abbreviation ("Inc.", "Dr.", "Jan.", "U.S.", "J.
Smith") unless the next word plainly starts a new sentence ("Inc. The company …").

`words` splits text into runs of one script (Arabic letters with their marks, Latin
letters, digits), each with a folded key for matching: «وَالاستحواذ» and «والإستحواذ»
share one key, and «لـMidjourney» is two words, «لـ» and "Midjourney".
"""

import bisect
import re
from dataclasses import dataclass

from companies.normalization import ARABIC_LETTERS, LATIN_LETTERS, strict_key

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
#: One or more terminators, then any closing quotes or brackets, then a space or the end.
_TERMINATOR = re.compile(r"[.!?؟!۔！？]+[\"'”’»)\]]*(?=\s|$)")
_BULLET = re.compile(r"(?:[-•*–·▪]|\d{1,2}[.)])\s+")
_LIST_NUMBER = re.compile(r"\s*\d{1,2}")
_WORD_BEFORE = re.compile(r"[^\s\"'“«(\[]+$")
_WORD_AFTER = re.compile(r"\s+[\"'“«(\[]?([^\W\d_]+)")
_DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_INITIAL = re.compile(r"[A-Z]|[دأ]")
_HAS_CONTENT = re.compile(r"[^\W_]")

#: Words that a full stop follows without ending the sentence (case matters: "No." but
#: not "no.").
ABBREVIATIONS = frozenset(
    {
        "Inc",
        "Corp",
        "Ltd",
        "Co",
        "Bros",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "St",
        "Jr",
        "Sr",
        "Gen",
        "Gov",
        "Sen",
        "Rep",
        "Rev",
        "Hon",
        "No",
        "Nos",
        "vs",
        "v",
        "approx",
        "est",
        "al",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    }
)
#: Words that start a sentence; after one of them a full stop ends a sentence even when
#: the word before it is an abbreviation ("… Apple Inc. The company said").
SENTENCE_STARTERS = frozenset(
    {
        "The",
        "A",
        "An",
        "It",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "They",
        "He",
        "She",
        "We",
        "I",
        "In",
        "On",
        "At",
        "But",
        "And",
        "As",
        "After",
        "Before",
        "However",
        "Meanwhile",
        "Also",
        "Under",
        "When",
        "While",
        "Last",
        "Earlier",
        "Later",
    }
)

_WORD = re.compile(rf"[{ARABIC_LETTERS}]+|[{LATIN_LETTERS}]+|[0-9\u0660-\u0669\u06f0-\u06f9]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    #: The word folded as in a strict key (no marks, one alef, ة as ه, lower case).
    key: str


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, trimmed of spaces and of a leading list bullet."""
    found = []
    for line in _LINE.finditer(text):
        start = line.start()
        for end in _boundaries(line.group()):
            found.extend(_trimmed(text, start, line.start() + end))
            start = line.start() + end
        found.extend(_trimmed(text, start, line.end()))
    return found


def sentence_at(found: list[Sentence], offset: int) -> Sentence | None:
    """The sentence of `found` (as `sentences` returns them) that contains `offset`."""
    index = bisect.bisect_right([sentence.start for sentence in found], offset) - 1
    if index >= 0 and offset < found[index].end:
        return found[index]
    return None


def words(text: str) -> list[Word]:
    """The words of `text`, each a run of one script, with its folded key."""
    found = []
    for match in _WORD.finditer(text):
        key = strict_key(match.group()).replace(" ", "")
        if key:
            found.append(Word(match.start(), match.end(), match.group(), key))
    return found


def _boundaries(line: str) -> list[int]:
    """Offsets in `line` just after each sentence-ending terminator."""
    ends = []
    for match in _TERMINATOR.finditer(line):
        if _LIST_NUMBER.fullmatch(line[: match.start()]):
            continue
        if match.group().startswith(".") and _is_abbreviation(line[: match.start()]):
            following = _WORD_AFTER.match(line, match.end())
            if following is None or following.group(1) not in SENTENCE_STARTERS:
                continue
        ends.append(match.end())
    return ends


def _is_abbreviation(before: str) -> bool:
    match = _WORD_BEFORE.search(before)
    if match is None:
        return False
    word = match.group()
    return (
        word in ABBREVIATIONS
        or _INITIAL.fullmatch(word) is not None
        or _DOTTED_ABBREVIATION.fullmatch(word) is not None
    )


def _trimmed(text: str, start: int, end: int) -> list[Sentence]:
    """The span `start:end` without surrounding spaces and bullet, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    bullet = _BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if not _HAS_CONTENT.search(text, start, end):
        return []
    return [Sentence(start, end, text[start:end])]
