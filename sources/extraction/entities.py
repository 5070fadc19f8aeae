"""Companies, people and products named in a text, found through the alias index.

Names are matched on runs of up to `MAX_NAME_WORDS` words, longest first, by strict key
(so any diacritics, hamza or alef form matches); a first word carrying an attached
particle («لميدجورني», «وميتا») is tried without it. A run that matches only on the
loose key (a spelling never seen before) is reported with `exact=False`: ingestion turns
those into proposals for a curator, never silent links. Names the index does not know
are found by their cues in `names`.
"""

import itertools
import re
from dataclasses import dataclass

from companies.lexicon import LexiconEntry, lexicon_longest_name, lexicon_match
from companies.models.aliases import ALIAS_TARGETS
from companies.normalization import loose_key, particle_variants, strict_key
from companies.selectors import alias_rows_by_key, alias_rows_by_loose_key, person_alias_keys

MAX_NAME_WORDS = 4
#: A version after a product's name ("Grok-2", "Claude 3.7 Sonnet", "Llama 2", "Falcon
#: 40B"): another product than the lexicon's, found as a new name with its version.
_VERSION_AFTER = re.compile(r"(?:-|\s)(?:\d+(?:\.\d+)*[A-Za-z]{0,2}|[A-Z]\d+)(?![\w.])")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class LexiconMention:
    """A name of the reference lexicon, whether or not the tracker has its record."""

    entry: LexiconEntry
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EntityMention:
    kind: str
    record_id: int
    alias: str
    start: int
    end: int
    text: str
    exact: bool


def _words(text: str) -> list[tuple[int, int, str]]:
    words = []
    for match in _WORD.finditer(text):
        key = strict_key(match.group())
        if key:
            words.append((match.start(), match.end(), key))
    return words


def _candidate_keys(words) -> set[str]:
    keys = set()
    for index in range(len(words)):
        for size in range(1, MAX_NAME_WORDS + 1):
            run = words[index : index + size]
            if len(run) < size:
                break
            key = " ".join(word for _, _, word in run)
            keys.add(key)
            for variant in particle_variants(run[0][2]):
                keys.add(" ".join([variant, *(word for _, _, word in run[1:])]))
    return keys


def entity_mentions(text: str) -> list[EntityMention]:
    """Known names in `text`, left to right, each span at most once (longest wins)."""
    words = _words(text)
    keys = _candidate_keys(words)
    by_key = {row["key"]: row for row in alias_rows_by_key(keys)}
    loose_of = {key: loose_key(key) for key in keys}
    loose_keys = set(loose_of.values()) - {""}
    by_loose = {
        row["loose_key"]: row
        for row in alias_rows_by_loose_key(loose_keys)
        # Two-consonant skeletons («كل» is "kl", as is Google) would match common words.
        if len(row["loose_key"].replace(" ", "")) >= 3
    }
    found, index = [], 0
    while index < len(words):
        match = _match_at(words, index, by_key, by_loose, loose_of)
        if match is None:
            index += 1
            continue
        row, size, exact = match
        kind = next(target for target in ALIAS_TARGETS if row[f"{target}_id"])
        start, end = words[index][0], words[index + size - 1][1]
        found.append(
            EntityMention(kind, row[f"{kind}_id"], row["name"], start, end, text[start:end], exact)
        )
        index += size
    return sorted(found + _surname_mentions(text, words, found), key=lambda m: m.start)


def _surname_mentions(text: str, words, found: list[EntityMention]) -> list[EntityMention]:
    """A person named in full once may then go by surname alone («قال وانغ إن …»)."""
    people = {mention.record_id for mention in found if mention.kind == "person"}
    surnames = {}
    for person_id, key, name in person_alias_keys(people):
        if " " in key:
            surnames[key.split()[-1]] = (person_id, name)
    covered = {(mention.start, mention.end) for mention in found}
    extra = []
    for start, end, key in words:
        if any(s <= start < e for s, e in covered):
            continue
        for candidate in (key, *particle_variants(key)):
            if candidate in surnames:
                person_id, name = surnames[candidate]
                extra.append(
                    EntityMention("person", person_id, name, start, end, text[start:end], True)
                )
                break
    return extra


def _match_at(words, index: int, by_key: dict, by_loose: dict, loose_of: dict):
    """The longest name starting at word `index`: by strict key first, then by loose key."""
    runs = [
        words[index : index + size]
        for size in range(MAX_NAME_WORDS, 0, -1)
        if index + size <= len(words)
    ]
    for run in runs:
        rest = [word for _, _, word in run[1:]]
        for first in (run[0][2], *particle_variants(run[0][2])):
            row = by_key.get(" ".join([first, *rest]))
            if row is not None:
                return row, len(run), True
    for run in runs:
        row = by_loose.get(loose_of[" ".join(word for _, _, word in run)])
        if row is not None:
            return row, len(run), False
    return None


def lexicon_mentions(text: str, taken: list[tuple[int, int]]) -> list[LexiconMention]:
    """Names of the reference lexicon in `text` outside the `taken` spans, longest first."""
    words = [w for w in _words(text) if not any(s <= w[0] < e for s, e in taken)]
    found, index = [], 0
    while index < len(words):
        match = _lexicon_at(text, words, index)
        if match is None:
            index += 1
            continue
        entry, size = match
        start, end = words[index][0], words[index + size - 1][1]
        if not (entry.kind == "product" and _VERSION_AFTER.match(text, end)):
            found.append(LexiconMention(entry, start, end, text[start:end]))
        index += size
    return found


def _lexicon_at(text: str, words, index: int):
    """The longest lexicon name starting at word `index` (its first word may carry a
    particle, «وإنفيديا»), with how many words it spans."""
    for size in range(lexicon_longest_name(), 0, -1):
        run = words[index : index + size]
        if len(run) < size or any(b[0] - a[1] > 3 for a, b in itertools.pairwise(run)):
            continue
        written = text[run[0][0] : run[-1][1]]
        rest = [key for _, _, key in run[1:]]
        for first in (run[0][2], *particle_variants(run[0][2])):
            entry = lexicon_match(written, key=" ".join([first, *rest]))
            if entry is not None:
                return entry, size
    return None
