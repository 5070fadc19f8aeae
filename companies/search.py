"""Find companies, people and products from any spelling of their names.

Search works word by word: every word of the query must match a word of one alias of
the record, exactly or as its beginning ("زوك" finds Zuckerberg). A word that matches
nothing is tried again without attached Arabic particles («لميدجورني» → «ميدجورني»).
Spellings never seen before meet on the loose key (قوقل → Google). Spacing does not
matter ("open ai" is OpenAI) and neither does a legal form ("Midjourney, Inc.": the
name's core, `companies.duplicates.name_core`, is searched too). On PostgreSQL, a query
that still finds nothing falls back to trigram similarity on the loose key.

Matches are ranked in the database before any limit: exact names, then whole words,
then word beginnings, then loose matches (the one whose whole loose key is the query's
first, then, on PostgreSQL, the most similar by trigrams), then the shortest name. So
an exact match comes first however many loose matches a short skeleton collides with.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Length, Replace

from core.records import record_type
from core.text_search import SEARCHED, TextHit, text_search

from .duplicates import name_core
from .models import Alias
from .models.aliases import ALIAS_TARGETS
from .normalization import key_words, loose_key, particle_variants, strict_key

#: Every type of record a search finds, in the order results are grouped in.
SEARCH_TYPES = (*ALIAS_TARGETS, *SEARCHED)
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


def _compact(text: str) -> str:
    return text.replace(" ", "")


def _word_prefix(word: str) -> Q:
    return Q(key__startswith=word) | Q(key__contains=f" {word}")


def _whole_word(word: str) -> Q:
    return (
        Q(key=word)
        | Q(key__startswith=f"{word} ")
        | Q(key__endswith=f" {word}")
        | Q(key__contains=f" {word} ")
    )


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


def _word_forms(key: str) -> list[list[str]]:
    """For each query word, the forms it is looked for in: itself, or if that matches
    nothing, its stems without attached particles."""
    forms = []
    for word in key_words(key)[:MAX_QUERY_WORDS]:
        variants = particle_variants(word)
        if variants and not Alias.objects.filter(_word_condition(word)).exists():
            forms.append(variants)
        else:
            forms.append([word])
    return forms


def _every_word(forms: list[list[str]], condition) -> Q:
    """Aliases where each query word matches `condition` in one of its forms."""
    return reduce(and_, (reduce(or_, map(condition, word)) for word in forms))


@dataclass(frozen=True)
class _Query:
    """The keys a query is looked for under: its own, and its core without a legal form."""

    keys: tuple[str, ...]
    forms: tuple[list[list[str]], ...]
    loose: str

    @classmethod
    def of(cls, text: str) -> "_Query":
        key = strict_key(text)
        keys = tuple(dict.fromkeys([key, name_core(text)]))
        return cls(keys, tuple(_word_forms(each) for each in keys), loose_key(text))

    def any_form(self, condition) -> Q:
        return reduce(or_, (_every_word(forms, condition) for forms in self.forms))

    def same_name(self) -> Q:
        """The alias is the name, or the name but for spacing."""
        return Q(key__in=self.keys) | Q(compact_key__in=[_compact(key) for key in self.keys])

    def matches(self) -> Q:
        starts = reduce(or_, (Q(compact_key__startswith=_compact(key)) for key in self.keys))
        return self.any_form(_word_condition) | starts

    def quality(self) -> Case:
        return Case(
            When(self.same_name(), then=Value(EXACT_NAME)),
            When(self.any_form(_whole_word), then=Value(EXACT_WORDS)),
            When(self.any_form(_word_prefix), then=Value(WORD_PREFIXES)),
            default=Value(LOOSE),
            output_field=IntegerField(),
        )


def _page_relations() -> list[str]:
    """Related rows a hit's page link reads (a product's page may be its maker's)."""
    relations = []
    for kind in ALIAS_TARGETS:
        path = record_type(kind).page.key.split(".")[:-1]
        if path:
            relations.append("__".join([kind, *path]))
    return relations


def _candidates(kinds: list[str] | None):
    aliases = Alias.objects.select_related(*ALIAS_TARGETS, *_page_relations())
    if kinds:
        aliases = aliases.filter(reduce(or_, (Q(**{f"{kind}__isnull": False}) for kind in kinds)))
    return aliases.annotate(compact_key=Replace("key", Value(" "), Value("")))


def _ranked(aliases, query: _Query):
    """Best matches first, ordered in the database so a limit keeps the best."""
    order = ["-quality", "-same_loose"]
    aliases = aliases.annotate(
        quality=query.quality(),
        same_loose=Case(
            When(loose_key=query.loose, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
    )
    if connection.vendor == "postgresql":
        aliases = aliases.annotate(similarity=TrigramSimilarity("loose_key", query.loose))
        order.append("-similarity")
    return aliases.order_by(*order, Length("name"), "name", "pk")


def _hits(aliases, score_of) -> list[SearchHit]:
    """One hit per record, through its first (best-ranked) alias, in the aliases' order."""
    best: dict[tuple[str, int], SearchHit] = {}
    for alias in aliases:
        kind = next(field for field in ALIAS_TARGETS if getattr(alias, f"{field}_id"))
        record = getattr(alias, kind)
        best.setdefault((kind, record.pk), SearchHit(kind, record, alias.name, score_of(alias)))
    return list(best.values())


def alias_search(query: str, *, kinds: list[str] | None = None, limit: int = 20) -> list[SearchHit]:
    """Records whose names match `query`, best first. `kinds` limits to company/person/product."""
    if not strict_key(query):
        return []
    parsed = _Query.of(query)
    aliases = _candidates(kinds)
    matched = list(_ranked(aliases.filter(parsed.matches()), parsed)[:MAX_CANDIDATES])
    if matched:
        return _hits(matched, lambda alias: alias.quality)[:limit]
    if connection.vendor != "postgresql":
        return []
    similar = (
        aliases.annotate(similarity=TrigramWordSimilarity(parsed.loose, "loose_key"))
        .filter(similarity__gte=TRIGRAM_THRESHOLD)
        .order_by("-similarity", Length("name"), "name", "pk")[:MAX_CANDIDATES]
    )
    return _hits(similar, lambda alias: SIMILAR)[:limit]


def search_by_type(
    query: str, *, types: list[str] | None = None, limit: int = 20
) -> dict[str, list[SearchHit | TextHit]]:
    """Everything `query` finds, grouped by type in `SEARCH_TYPES` order, at most `limit`
    of each: companies, people and products by name, then records by their text."""
    chosen = [kind for kind in SEARCH_TYPES if not types or kind in types]
    groups = {
        kind: alias_search(query, kinds=[kind], limit=limit)
        for kind in chosen
        if kind in ALIAS_TARGETS
    }
    texts = [kind for kind in chosen if kind in SEARCHED]
    for hit in text_search(query, kinds=texts, limit=limit) if texts else []:
        groups.setdefault(hit.kind, []).append(hit)
    return {kind: groups.get(kind, []) for kind in chosen}
