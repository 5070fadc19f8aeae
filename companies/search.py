"""Find companies, people and products from any spelling of their names.

Search works word by word: every word of the query must match a word of one alias of
the record, exactly or as its beginning ("زوك" finds Zuckerberg). A word that matches
nothing is tried again without attached Arabic particles («لميدجورني» → «ميدجورني»).
Spellings never seen before meet on the loose key (قوقل → Google). On PostgreSQL, a query
that still finds nothing falls back to trigram similarity on the loose key.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Q

from .models import Alias
from .models.aliases import ALIAS_TARGETS
from .normalization import loose_key, particle_variants, strict_key

MAX_QUERY_WORDS = 8
MAX_CANDIDATES = 500
TRIGRAM_THRESHOLD = 0.5

# Scores: how well an alias matched, best first.
EXACT_NAME, EXACT_WORDS, WORD_PREFIXES, LOOSE, SIMILAR = 100, 80, 60, 40, 20


@dataclass(frozen=True)
class SearchHit:
    """One record found, through the alias that matched it best."""

    kind: str
    record: object
    alias: str
    score: int


def _word_prefix(word: str) -> Q:
    return Q(key__startswith=word) | Q(key__contains=f" {word}")


def _loose_word(word: str) -> Q:
    return (
        Q(loose_key=word)
        | Q(loose_key__startswith=f"{word} ")
        | Q(loose_key__endswith=f" {word}")
        | Q(loose_key__contains=f" {word} ")
    )


def _word_condition(word: str) -> Q:
    """Aliases one query word can match: a word or word-start of the key, or a loose word."""
    condition = _word_prefix(word)
    loose = loose_key(word)
    if len(loose) >= 2 and loose != word:
        condition |= _loose_word(loose)
    return condition


def _query_words(key: str) -> list[Q]:
    conditions = []
    for word in key.split()[:MAX_QUERY_WORDS]:
        condition = _word_condition(word)
        variants = particle_variants(word)
        if variants and not Alias.objects.filter(condition).exists():
            condition = reduce(or_, (_word_condition(variant) for variant in variants))
        conditions.append(condition)
    return conditions


def _score(alias: Alias, key: str, words: list[str]) -> int:
    if alias.key == key:
        return EXACT_NAME
    alias_words = alias.key.split()
    if all(word in alias_words for word in words):
        return EXACT_WORDS
    if all(any(a.startswith(word) for a in alias_words) for word in words):
        return WORD_PREFIXES
    return LOOSE


def _hits(aliases, score_of) -> list[SearchHit]:
    """One hit per record, through its best-scoring alias; best and shortest first."""
    best: dict[tuple[str, int], SearchHit] = {}
    for alias in aliases:
        kind = next(field for field in ALIAS_TARGETS if getattr(alias, f"{field}_id"))
        record = getattr(alias, kind)
        hit = SearchHit(kind, record, alias.name, score_of(alias))
        current = best.get((kind, record.pk))
        if current is None or (hit.score, -len(hit.alias)) > (current.score, -len(current.alias)):
            best[(kind, record.pk)] = hit
    return sorted(best.values(), key=lambda hit: (-hit.score, len(hit.alias), hit.alias))


def _candidates():
    return Alias.objects.select_related(*ALIAS_TARGETS)


def alias_search(query: str, *, kinds: list[str] | None = None, limit: int = 20) -> list[SearchHit]:
    """Records whose names match `query`, best first. `kinds` limits to company/person/product."""
    key = strict_key(query)
    if not key:
        return []
    words = key.split()[:MAX_QUERY_WORDS]
    aliases = _candidates()
    if kinds:
        aliases = aliases.filter(reduce(or_, (Q(**{f"{kind}__isnull": False}) for kind in kinds)))
    matched = list(aliases.filter(reduce(and_, _query_words(key)))[:MAX_CANDIDATES])
    if matched:
        return _hits(matched, lambda alias: _score(alias, key, words))[:limit]
    if connection.vendor != "postgresql":
        return []
    similar = (
        aliases.annotate(similarity=TrigramWordSimilarity(loose_key(query), "loose_key"))
        .filter(similarity__gte=TRIGRAM_THRESHOLD)
        .order_by("-similarity")[:MAX_CANDIDATES]
    )
    return _hits(similar, lambda alias: SIMILAR)[:limit]
