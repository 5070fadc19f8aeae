"""The timeline: every record of the record types' table placed in time, as one stream.

Reads only, like `selectors`; kept apart because the union of eight kinds of record and
its keyset are a subject of their own.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import (
    Case,
    CharField,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextChoices,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, LPad
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.dates import PartialDate
from core.models import ReviewLevel
from core.records import RECORD_TYPES, CompanyLink, RecordType, TimelineSource, timeline_type

from .models import DealStatus, LawsuitEventKind

#: The timeline's kinds of event, from the record types' table, in its order.
TIMELINE_TYPES = [record_type for record_type in RECORD_TYPES if record_type.timeline]
TimelineKind = TextChoices(
    "TimelineKind",
    [
        (source.kind.upper(), (source.kind, source.label))
        for source in (record_type.timeline for record_type in TIMELINE_TYPES)
    ],
)


def timeline_statuses() -> list[tuple[str, str]]:
    """Every status a record with one (deal, investment, lawsuit) can have, once each."""
    statuses = {}
    for record_type in TIMELINE_TYPES:
        if record_type.timeline.has_status:
            for value, label in record_type.model._meta.get_field("status").choices:
                statuses.setdefault(value, label)
    return list(statuses.items())


class PlacedBy(TextChoices):
    """How an entry is placed in time."""

    DATE = "date", _("its own date")
    REPORTED = "reported", _("the earliest dated article that reports it")
    UNKNOWN = "unknown", _("not placed: date not known")


def _reported(record_type: RecordType, column: str) -> Subquery:
    """The `published_<column>` of the earliest dated article citing the record.

    Citations are reached through the reverse relation, so this app does not import
    `sources`.
    """
    citation = record_type.model._meta.get_field("citations").related_model
    earliest = citation.objects.filter(
        **{record_type.citation_field: OuterRef("pk"), "article__published_on__isnull": False}
    ).order_by("article__published_on", "article_id")
    return Subquery(earliest.values(f"article__published_{column}")[:1])


def _timeline_rows(record_type: RecordType, queryset: QuerySet) -> QuerySet:
    """One kind of record, placed in time, in the columns every kind shares.

    `e_day` is the record's own date, else the publication date of the earliest dated
    article that cites it (`e_placed` says which); `e_group` is 1 for records placed by
    neither, which come after every placed one.
    """
    source = record_type.timeline
    own_day = f"{source.date}_on"
    if not source.undated:
        queryset = queryset.filter(**{f"{own_day}__isnull": False})
    dated = Q(**{f"{own_day}__isnull": False})
    queryset = queryset.annotate(
        r_day=_reported(record_type, "on"), r_precision=_reported(record_type, "precision")
    )
    return queryset.values(
        e_kind=Value(source.kind, output_field=CharField()),
        e_id=F("id"),
        e_slug=F(source.slug),
        e_page=F(record_type.page_key_path),
        e_title=F(source.title),
        e_title_ar=F(source.title_ar),
        e_extra=F(source.extra) if source.extra else Value("", output_field=CharField()),
        e_day=Coalesce(F(own_day), F("r_day")),
        e_precision=Case(
            When(dated, then=F(f"{source.date}_precision")),
            default=F("r_precision"),
            output_field=CharField(),
        ),
        e_basis=F(f"{source.date}_basis"),
        e_note=F(f"{source.date}_note"),
        e_placed=Case(
            When(dated, then=Value(PlacedBy.DATE)),
            When(r_day__isnull=False, then=Value(PlacedBy.REPORTED)),
            default=Value(PlacedBy.UNKNOWN),
            output_field=CharField(),
        ),
        e_group=Case(
            When(dated | Q(r_day__isnull=False), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ),
        e_uid=Concat(
            Value(f"{source.kind}:"),
            LPad(Cast("id", CharField()), 12, Value("0")),
            output_field=CharField(),
        ),
    )


def _linked_company(link: CompanyLink, slug: str) -> Q:
    """Records whose `link` leads to the company `slug`."""
    company_slug = f"{link.company}__slug" if link.company else "slug"
    if not link.model:
        return Q(**{company_slug: slug})
    rows = apps.get_model(link.model).objects.filter(**{company_slug: slug})
    return Q(pk__in=rows.values(link.record))


def _company_condition(source: TimelineSource, slug: str) -> Q:
    return reduce(or_, (_linked_company(link, slug) for link in source.companies))


#: Where a page of the timeline continues: the last entry's (placing date, kind:id); the
#: date is None in the group of records whose date is not known.
Position = tuple[datetime.date | None, str]


def _after(position: Position) -> Q:
    """Rows after `position` in the timeline's order: placed ones newest first, then the rest."""
    day, uid = position
    if day is None:
        return Q(e_group=1, e_uid__lt=uid)
    return Q(e_group=0) & (Q(e_day__lt=day) | Q(e_day=day, e_uid__lt=uid)) | Q(e_group=1)


def _with_person(model, source: TimelineSource, slug: str):
    """The ids of records a person takes part in, each once whatever the roles."""
    condition = reduce(or_, (Q(**{path: slug}) for path in source.people))
    return model.objects.filter(condition).values("pk")


def timeline_page(
    *,
    kinds: list[str] | None = None,
    company: str | None = None,
    person: str | None = None,
    year: int | None = None,
    status: str | None = None,
    review: str | None = None,
    after: Position | None = None,
    limit: int = 50,
) -> list[dict]:
    """Records of every kind placed in time, newest first, then those whose date is not known.

    A record without a date of its own is placed by the earliest dated article that cites
    it; one with neither comes in a last group, ordered by kind and id. Companies and
    products without a founding or launch date are left out (`TimelineSource.undated`).
    Keyset-paginated on (group, date, kind:id); `after` is the last `Position` of the
    previous page. A `status` keeps only deals, investments and lawsuits in that status; a
    `review` level only records reviewed at least that far (a lawsuit's events and a deal's
    steps by their lawsuit's or deal's level; kinds without a level are left out); a
    `year` only records placed in that year; a `person` only deals and lawsuits that person
    takes part in (as a party or the one who announced it). One query, a union of the
    kinds asked for.
    """
    parts = []
    for record_type in TIMELINE_TYPES:
        source = record_type.timeline
        if kinds and source.kind not in kinds:
            continue
        queryset = record_type.model.objects.all()
        if status:
            if not source.has_status:
                continue
            queryset = queryset.filter(status=status)
        if review:
            if not source.review:
                continue
            queryset = queryset.filter(**{f"{source.review}__in": ReviewLevel.at_least(review)})
        if company:
            queryset = queryset.filter(_company_condition(source, company))
        if person:
            if not source.people:
                continue
            queryset = queryset.filter(pk__in=_with_person(record_type.model, source, person))
        part = _timeline_rows(record_type, queryset)
        if year:
            part = part.filter(e_day__year=year)
        if after:
            part = part.filter(_after(after))
        parts.append(part.order_by())
    if not parts:
        return []
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return list(union.order_by("e_group", "-e_day", "-e_uid")[:limit])


@dataclass(frozen=True)
class TimelineEntry:
    """One record placed in time, ready to show or serialize."""

    kind: str
    id: int
    slug: str
    title: str
    title_ar: str
    #: Its own date; unknown when it has none.
    date: PartialDate
    #: How it is placed in time (a `PlacedBy` value).
    placed_by: str
    #: The publication date of the earliest dated article citing it, when that places it.
    reported: PartialDate | None
    #: (slug, name, name_ar) of every company involved.
    companies: list[tuple[str, str, str]]
    #: The API resource it links to: "deals", "lawsuits", ...; "" for none.
    resource: str
    #: Its reader page.
    url: str
    cursor: Position

    @property
    def kind_label(self) -> str:
        return str(TimelineKind(self.kind).label)


def _companies_by_link(link: CompanyLink, model, ids: list[int]):
    """(record id, slug, name, name_ar) of the companies `link` leads to from `ids`."""
    names = [f"{link.company}__{name}" for name in ("slug", "name", "name_ar")]
    if not link.model:
        return model.objects.filter(pk__in=ids).values_list("id", *names)
    return (
        apps.get_model(link.model)
        .objects.filter(**{f"{link.record}__in": ids, f"{link.company}__isnull": False})
        .values_list(link.record, *names)
    )


def _entry_companies(rows: list[dict]) -> dict[tuple[str, int], list[tuple[str, str, str]]]:
    """The companies involved in each entry: one query per kind and link present."""
    ids = defaultdict(list)
    for row in rows:
        ids[row["e_kind"]].append(row["e_id"])
    found = defaultdict(list)
    for record_type in TIMELINE_TYPES:
        kind = record_type.timeline.kind
        for link in record_type.timeline.companies:
            if not ids[kind] or not link.company:
                continue
            for record_id, *company in _companies_by_link(link, record_type.model, ids[kind]):
                if tuple(company) not in found[(kind, record_id)]:
                    found[(kind, record_id)].append(tuple(company))
    for row in rows:
        if CompanyLink() in timeline_type(row["e_kind"]).timeline.companies:
            # The record is the company: its slug and name are the entry's.
            found[(row["e_kind"], row["e_id"])] = [
                (row["e_slug"], row["e_title"], row["e_title_ar"])
            ]
    return found


def _step_title(label, title: str) -> str:
    """A step's title in the active language: "Rejected: The $97B bid to acquire OpenAI"."""
    return _("%(status)s: %(deal)s") % {"status": str(label).capitalize(), "deal": title}


def _entry_titles(row: dict) -> tuple[str, str]:
    """English and Arabic titles; investments, lawsuit events and the steps of a deal's
    lifecycle are titled from their parent."""
    if row["e_kind"] == TimelineKind.INVESTMENT:
        with translation.override("en"):
            english = _("Investment in %(name)s") % {"name": row["e_title"]}
        with translation.override("ar"):
            arabic = _("Investment in %(name)s") % {"name": row["e_title_ar"] or row["e_title"]}
        return english, arabic
    if row["e_kind"] == TimelineKind.LAWSUIT_EVENT:
        label = LawsuitEventKind(row["e_extra"]).label
        with translation.override("en"):
            english = f"{str(label).capitalize()}: {row['e_title']}"
        with translation.override("ar"):
            arabic = f"{label}: {row['e_title_ar'] or row['e_title']}"
        return english, arabic
    if row["e_kind"] == TimelineKind.DEAL_TRANSITION:
        label = DealStatus(row["e_extra"]).label
        with translation.override("en"):
            english = _step_title(label, row["e_title"])
        with translation.override("ar"):
            arabic = _step_title(label, row["e_title_ar"] or row["e_title"])
        return english, arabic
    return row["e_title"], row["e_title_ar"]


def _placing(row: dict) -> dict:
    """The entry's own date, how it is placed, and the reported date that places it."""
    placed_by = row["e_placed"]
    if placed_by == PlacedBy.DATE:
        date = PartialDate(row["e_day"], row["e_precision"], row["e_basis"], row["e_note"])
        return {"date": date, "placed_by": placed_by, "reported": None}
    reported = (
        PartialDate(row["e_day"], row["e_precision"]) if placed_by == PlacedBy.REPORTED else None
    )
    return {"date": PartialDate(), "placed_by": placed_by, "reported": reported}


def timeline_entries(**filters) -> list[TimelineEntry]:
    """`timeline_page` rows with their titles and companies, in a constant number of queries."""
    rows = timeline_page(**filters)
    companies = _entry_companies(rows)
    entries = []
    for row in rows:
        title, title_ar = _entry_titles(row)
        record_type = timeline_type(row["e_kind"])
        resource = record_type.timeline.resource
        entries.append(
            TimelineEntry(
                kind=row["e_kind"],
                id=row["e_id"],
                slug=row["e_slug"],
                title=title,
                title_ar=title_ar,
                **_placing(row),
                companies=companies.get((row["e_kind"], row["e_id"]), []),
                resource=record_type.resource if resource is None else resource,
                url=record_type.page.url(row["e_page"], row["e_id"]),
                cursor=(row["e_day"] if row["e_group"] == 0 else None, row["e_uid"]),
            )
        )
    return entries
