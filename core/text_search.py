"""Full-text search over what records say: titles, summaries, an article's text.

`SEARCHED` lists, per record type of `core.records`, the columns searched: titles
(weight A) and bodies (weight B), and the name a hit is shown under. On PostgreSQL each
of those tables has a stored generated `tsvector` column, `search_vector`, made by a
migration with `search_vector_sql`: every column under both the `english` and the
`arabic` text search configurations, with a GIN index. A query is read as a web search
(`websearch_to_tsquery`: words, "quoted phrases", `-excluded`) under both
configurations, either may match, and hits are ranked by `ts_rank`. On SQLite every word
of the query must appear, in any case, in one of the columns, and hits come in the
model's order (newest first). See decision 0014.

Like `core.records`, the table names models by label, so `core` imports no domain app.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_, attrgetter, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL

from .records import record_type

#: The generated column every searched table has on PostgreSQL.
VECTOR_COLUMN = "search_vector"
CONFIGURATIONS = ("english", "arabic")
MAX_QUERY_WORDS = 8


@dataclass(frozen=True)
class SearchedText:
    """The columns of one record type that full-text search reads, and how hits read."""

    titles: tuple[str, ...]
    bodies: tuple[str, ...]
    #: Value paths ("investee.name") of the hit's title in English and in Arabic.
    label: str
    label_ar: str = ""
    #: A boolean column: the bodies are searched only in rows where it is true (an
    #: article's text only where readers may read it).
    bodies_if: str = ""

    @property
    def related(self) -> list[str]:
        """The relations the labels read, to load with the hits."""
        paths = (self.label, self.label_ar)
        return [path.rsplit(".", 1)[0].replace(".", "__") for path in paths if "." in path]


SEARCHED: dict[str, SearchedText] = {
    "deal": SearchedText(
        ("title", "title_ar"), ("summary", "summary_ar"), label="title", label_ar="title_ar"
    ),
    "investment": SearchedText(
        (), ("summary", "summary_ar"), label="investee.name", label_ar="investee.name_ar"
    ),
    "lawsuit": SearchedText(
        ("title", "title_ar"), ("summary", "summary_ar"), label="title", label_ar="title_ar"
    ),
    "article": SearchedText(("title",), ("text",), label="title", bodies_if="text_is_public"),
}


@dataclass(frozen=True)
class TextHit:
    """One record whose text matches a query, with its title in both languages."""

    kind: str
    record: object
    title: str
    title_ar: str

    def get_absolute_url(self) -> str:
        return self.record.get_absolute_url()


def search_vector_sql(
    table: str, titles: tuple[str, ...], bodies: tuple[str, ...], bodies_if: str = ""
) -> tuple[list[str], list[str]]:
    """The SQL adding `table`'s generated search column and its GIN index, and undoing it.

    Migrations call it with the columns as they are at that migration, so a later change
    of `SEARCHED` needs a migration of its own.
    """
    parts = []
    for weight, columns in (("A", titles), ("B", bodies)):
        if not columns:
            continue
        text = " || ' ' || ".join(f"coalesce({column}, '')" for column in columns)
        if weight == "B" and bodies_if:
            text = f"CASE WHEN {bodies_if} THEN {text} ELSE '' END"
        parts += [
            f"setweight(to_tsvector('{config}'::regconfig, {text}), '{weight}')"
            for config in CONFIGURATIONS
        ]
    vector = " || ".join(parts)
    index = f"{table}_{VECTOR_COLUMN}"
    return (
        [
            f"ALTER TABLE {table} ADD COLUMN {VECTOR_COLUMN} tsvector "
            f"GENERATED ALWAYS AS ({vector}) STORED",
            f"CREATE INDEX {index} ON {table} USING gin ({VECTOR_COLUMN})",
        ],
        [f"DROP INDEX {index}", f"ALTER TABLE {table} DROP COLUMN {VECTOR_COLUMN}"],
    )


def _postgresql_matches(queryset, query: str):
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    vector = RawSQL(f"{table}.{VECTOR_COLUMN}", (), output_field=SearchVectorField())
    parsed = reduce(
        or_,
        (SearchQuery(query, config=config, search_type="websearch") for config in CONFIGURATIONS),
    )
    return (
        queryset.alias(searched=vector)
        .filter(searched=parsed)
        .annotate(rank=SearchRank(F("searched"), parsed))
        .order_by("-rank", "-pk")
    )


def _plain_matches(queryset, query: str, searched: SearchedText):
    def word_in_text(word: str) -> Q:
        found = [Q(**{f"{column}__icontains": word}) for column in searched.titles]
        in_bodies = [Q(**{f"{column}__icontains": word}) for column in searched.bodies]
        if in_bodies and searched.bodies_if:
            in_bodies = [Q(**{searched.bodies_if: True}) & reduce(or_, in_bodies)]
        return reduce(or_, found + in_bodies)

    words = query.split()[:MAX_QUERY_WORDS]
    return queryset.filter(reduce(and_, map(word_in_text, words)))


def text_search(query: str, *, kinds: list[str] | None = None, limit: int = 10) -> list[TextHit]:
    """Records of `kinds` (default: every searched kind) whose text matches `query`: at
    most `limit` of each kind, best first, kind by kind in `SEARCHED`'s order."""
    query = query.replace("\x00", "").strip()
    if not query.replace('"', "").replace("-", "").strip():
        return []
    hits = []
    for kind, searched in SEARCHED.items():
        if kinds and kind not in kinds:
            continue
        records = record_type(kind).model._default_manager.all()
        if searched.related:
            records = records.select_related(*searched.related)
        if connection.vendor == "postgresql":
            records = _postgresql_matches(records, query)
        else:
            records = _plain_matches(records, query, searched)
        hits += [_hit(kind, record, searched) for record in records[:limit]]
    return hits


def _hit(kind: str, record, searched: SearchedText) -> TextHit:
    title = attrgetter(searched.label)(record) or str(record)
    title_ar = attrgetter(searched.label_ar)(record) if searched.label_ar else ""
    return TextHit(kind, record, title, title_ar)
