"""Reads of articles and citations."""

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Q, QuerySet

from core.dates import DatePrecision
from core.models import money_names, partial_date_names

from .extraction.dates import date_mentions
from .extraction.money import money_mentions
from .models import CITATION_TARGETS, Article, ArticleLanguage


def articles_about_company(company) -> QuerySet[Article]:
    """Articles citing the company or any deal, investment, lawsuit or product it is in."""
    mentions = (
        Q(citations__company=company)
        | Q(citations__deal__parties__company=company)
        | Q(citations__investment__investee=company)
        | Q(citations__investment__investors=company)
        | Q(citations__lawsuit__parties__company=company)
        | Q(citations__product__company=company)
        | Q(citations__statement__company=company)
    )
    return (
        Article.objects.filter(mentions)
        .distinct()
        .annotate(citation_count=Count("citations", distinct=True))
        .order_by("-published_on", "-id")
    )


def article_cited_records(article) -> list:
    """Every record that cites `article`, with the excerpt, in the order of the text."""
    # A product's and a lawsuit event's pages are their company's and lawsuit's; the
    # records without a name of their own are labelled by the names they link.
    citations = list(
        article.citations.select_related(
            *CITATION_TARGETS,
            "product__company",
            "lawsuit_event__lawsuit",
            "role__person",
            "role__company",
            "statement__company",
            "rivalry__company",
            "rivalry__rival",
            "metric__company",
            "deal_transition__deal",
            *(
                f"event_link__{end}_{kind}"
                for end in ("from", "to")
                for kind in ("deal", "lawsuit", "development")
            ),
            *(f"event_link__{end}_investment__investee" for end in ("from", "to")),
            *(f"event_link__{end}_lawsuit_event__lawsuit" for end in ("from", "to")),
        )
    )
    return sorted(citations, key=lambda citation: article.text.find(citation.excerpt))


# Corroboration: how many articles and outlets support a record, and where they disagree.
# Computed from citations already fetched with their articles (a page's prefetch or the
# API's batched rows), so it adds no query.


@dataclass(frozen=True)
class Cited:
    """What corroboration reads of one citation and its article."""

    citation_id: int
    article_id: int
    language: str
    outlet: str
    supports: str
    excerpt: str
    #: The article's publication day, when known to the day (for relative dates).
    published: datetime.date | None
    resolved: bool

    @classmethod
    def of(cls, citation) -> "Cited":
        """From a `Citation` whose article is loaded."""
        article = citation.article
        return cls(
            citation.pk,
            citation.article_id,
            article.language,
            article.outlet,
            citation.supports,
            citation.excerpt,
            _day(article.published_on, article.published_precision),
            citation.conflict_resolved_at is not None,
        )

    @classmethod
    def from_row(cls, row: dict) -> "Cited":
        """From a `values()` row with the columns of `CITED_COLUMNS`."""
        return cls(
            row["id"],
            row["article_id"],
            row["article__language"],
            row["article__outlet"],
            row["supports"],
            row["excerpt"],
            _day(row["article__published_on"], row["article__published_precision"]),
            row["conflict_resolved_at"] is not None,
        )


#: The citation columns `Cited.from_row` reads.
CITED_COLUMNS = (
    "id",
    "article_id",
    "article__language",
    "article__outlet",
    "article__published_on",
    "article__published_precision",
    "supports",
    "excerpt",
    "conflict_resolved_at",
)


def _day(day: datetime.date | None, precision: str) -> datetime.date | None:
    return day if precision == DatePrecision.DAY else None


@dataclass(frozen=True)
class Support:
    """The distinct articles and outlets behind a record or one of its fields."""

    articles: int
    #: Distinct named outlets (an article whose outlet is not recorded adds none).
    outlets: int
    #: Articles by language code, in the order of `ArticleLanguage`.
    languages: dict[str, int]

    @property
    def single_source(self) -> bool:
        """One article (and so one outlet) supports it."""
        return self.articles == 1

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "outlets": self.outlets,
            "languages": self.languages,
            "single_source": self.single_source,
        }


@dataclass(frozen=True)
class Conflict:
    """Two citations of one field, from different articles, that state different values."""

    field: str
    kind: str  # "money" or "date"
    first: Cited
    second: Cited


@dataclass(frozen=True)
class Corroboration:
    """A record's support as a whole and per cited field, and its unresolved conflicts."""

    whole: Support
    fields: dict[str, Support]
    conflicts: list[Conflict]


def support_of(cited: Iterable[Cited]) -> Support:
    """The distinct articles, named outlets and languages of `cited`."""
    articles = {}
    for one in cited:
        articles.setdefault(one.article_id, one)
    outlets = {" ".join(one.outlet.casefold().split()) for one in articles.values()}
    outlets.discard("")
    languages = Counter(one.language for one in articles.values())
    ordered = {code: languages[code] for code in ArticleLanguage.values if languages[code]}
    return Support(len(articles), len(outlets), ordered)


def corroboration(cited: Iterable[Cited], model: type[models.Model] | None = None) -> Corroboration:
    """A record's support as a whole and per cited field, and its unresolved conflicts.

    `model` is the record's model: it tells which cited fields are amounts or dates, the
    fields whose citations are compared for conflicts.
    """
    cited = list(cited)
    by_field = defaultdict(list)
    for one in cited:
        if one.supports:
            by_field[one.supports].append(one)
    conflicts = []
    for name, field_cited in by_field.items():
        kind = field_kind(model, name)
        if kind:
            conflict = field_conflict(name, kind, field_cited)
            if conflict:
                conflicts.append(conflict)
    return Corroboration(
        whole=support_of(cited),
        fields={name: support_of(group) for name, group in sorted(by_field.items())},
        conflicts=conflicts,
    )


def corroboration_of(citations, record: models.Model | None = None) -> Corroboration:
    """The corroboration of `record` from its prefetched `Citation`s (articles loaded)."""
    model = type(record) if record is not None else None
    return corroboration((Cited.of(citation) for citation in citations), model)


def field_kind(model: type[models.Model] | None, name: str) -> str:
    """ "money" or "date" when `name` is a money value or a partial date of `model`."""
    if model is None:
        return ""
    if name in money_names(model):
        return "money"
    if name in partial_date_names(model):
        return "date"
    return ""


def field_conflict(name: str, kind: str, cited: list[Cited]) -> Conflict | None:
    """The first pair of `cited` from different articles whose excerpts state values that
    disagree, unless a curator resolved both; None when they agree or state none."""
    if len({one.article_id for one in cited}) < 2:
        return None  # one article is never read against itself
    read = _money_values if kind == "money" else _date_values
    agree = _same_money if kind == "money" else _same_period
    values = [(one, read(one)) for one in cited]
    for index, (first, first_values) in enumerate(values):
        for second, second_values in values[index + 1 :]:
            if first.article_id == second.article_id or (first.resolved and second.resolved):
                continue
            if not first_values or not second_values:
                continue
            if not any(agree(a, b) for a in first_values for b in second_values):
                return Conflict(name, kind, first, second)
    return None


def _money_values(cited: Cited) -> list:
    found = money_mentions(cited.excerpt)
    return [mention.money for mention in found if mention.money.amount is not None]


def _same_money(first, second) -> bool:
    currencies = {first.currency, second.currency} - {""}
    return first.amount == second.amount and len(currencies) <= 1


def _date_values(cited: Cited) -> list:
    found = date_mentions(cited.excerpt, published=cited.published)
    return [mention.date for mention in found if mention.date.date is not None]


def _same_period(first, second) -> bool:
    """Two partial dates agree when their periods overlap ("June 2025" and 12 June 2025)."""
    return first.date <= second.last_day and second.date <= first.last_day
