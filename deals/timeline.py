"""The timeline: every record of the record types' table placed in time, as one stream.

Reads only, like `selectors`; kept apart because the union of seven kinds of record and
its keyset are a subject of their own.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import CharField, F, Q, QuerySet, TextChoices, Value
from django.db.models.functions import Cast, Concat, LPad
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.dates import PartialDate
from core.records import RECORD_TYPES, CompanyLink, RecordType, TimelineSource, timeline_type

from .models import LawsuitEventKind

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


def _timeline_rows(record_type: RecordType, queryset: QuerySet) -> QuerySet:
    """One kind of dated event, in the columns every kind shares."""
    source = record_type.timeline
    return queryset.filter(**{f"{source.date}_on__isnull": False}).values(
        e_kind=Value(source.kind, output_field=CharField()),
        e_id=F("id"),
        e_slug=F(source.slug),
        e_page=F(record_type.page_key_path),
        e_title=F(source.title),
        e_title_ar=F(source.title_ar),
        e_extra=F(source.extra) if source.extra else Value("", output_field=CharField()),
        e_day=F(f"{source.date}_on"),
        e_precision=F(f"{source.date}_precision"),
        e_inferred=F(f"{source.date}_inferred"),
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


def timeline_page(
    *,
    kinds: list[str] | None = None,
    company: str | None = None,
    year: int | None = None,
    status: str | None = None,
    after: tuple[datetime.date, str] | None = None,
    limit: int = 50,
) -> list[dict]:
    """Dated events of every kind, newest first, keyset-paginated on (date, kind:id).

    `after` is the last (date, uid) of the previous page. Undated records are not events
    on a timeline and are left out. A `status` keeps only deals, investments and lawsuits
    in that status. One query, a union of the kinds asked for.
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
        if company:
            queryset = queryset.filter(_company_condition(source, company))
        if year:
            queryset = queryset.filter(**{f"{source.date}_on__year": year})
        part = _timeline_rows(record_type, queryset)
        if after:
            day, uid = after
            part = part.filter(Q(e_day__lt=day) | Q(e_day=day, e_uid__lt=uid))
        parts.append(part.order_by())
    if not parts:
        return []
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return list(union.order_by("-e_day", "-e_uid")[:limit])


@dataclass(frozen=True)
class TimelineEntry:
    """One dated event, ready to show or serialize."""

    kind: str
    id: int
    slug: str
    title: str
    title_ar: str
    date: PartialDate
    #: (slug, name, name_ar) of every company involved.
    companies: list[tuple[str, str, str]]
    #: The API resource it links to: "deals", "lawsuits", ...; "" for none.
    resource: str
    #: Its reader page.
    url: str
    cursor: tuple[datetime.date, str]

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


def _entry_titles(row: dict) -> tuple[str, str]:
    """English and Arabic titles; investments and lawsuit events are titled from their parent."""
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
    return row["e_title"], row["e_title_ar"]


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
                date=PartialDate(row["e_day"], row["e_precision"], row["e_inferred"]),
                companies=companies.get((row["e_kind"], row["e_id"]), []),
                resource=record_type.resource if resource is None else resource,
                url=record_type.page.url(row["e_page"], row["e_id"]),
                cursor=(row["e_day"], row["e_uid"]),
            )
        )
    return entries
