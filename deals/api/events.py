"""Read shapes of a deal's lifecycle and of the links between events, for a page of records.

The representations of deals, investments, lawsuits and developments call these loaders
from their `get_attrs`, so a page of any size costs two queries more for each.
"""

from collections import defaultdict

from django.db.models import Q
from django.utils import translation
from rest_framework import serializers

from core.api.representations import Links, partial_date, partial_date_fields
from core.api.serializers import CitationOut, PartialDateOut
from sources.api.representations import citations_by_record, citations_by_targets

from ..models import (
    INVERSE_LABELS,
    LINKED_KINDS,
    TRANSITION_ORDER,
    DealStatus,
    DealTransition,
    EventLink,
    LinkRelation,
)


class TransitionOut(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=DealStatus.choices)
    occurred = PartialDateOut()
    note = serializers.CharField(allow_blank=True)
    note_ar = serializers.CharField(allow_blank=True)
    citations = CitationOut(many=True)


def transitions_by_deal(ids: list[int], links: Links) -> dict[int, list[dict]]:
    """Each deal's lifecycle, oldest first (the deal's status is the last), with citations."""
    rows = list(
        DealTransition.objects.filter(deal_id__in=ids)
        .order_by(*TRANSITION_ORDER)
        .values("id", "deal_id", "status", "note", "note_ar", *partial_date_fields("occurred"))
    )
    citations = citations_by_record("deal_transition", [row["id"] for row in rows], links)
    found = defaultdict(list)
    for row in rows:
        found[row["deal_id"]].append(
            {
                "id": row["id"],
                "status": row["status"],
                "occurred": partial_date(row, "occurred"),
                "note": row["note"],
                "note_ar": row["note_ar"],
                "citations": citations.get(row["id"], []),
            }
        )
    return found


class LinkedRecordOut(serializers.Serializer):
    kind = serializers.ChoiceField(choices=sorted(LINKED_KINDS))
    id = serializers.IntegerField()
    title = serializers.CharField()
    title_ar = serializers.CharField(allow_blank=True)
    url = serializers.URLField(help_text="The record in the API (a lawsuit event's lawsuit).")
    html_url = serializers.URLField(help_text="The record's page for readers.")


class RelatedEventOut(serializers.Serializer):
    id = serializers.IntegerField(help_text="The link's id.")
    relation = serializers.ChoiceField(choices=LinkRelation.choices)
    direction = serializers.ChoiceField(
        choices=["forward", "inverse"],
        help_text="forward: this record is the link's subject (it follows the other); "
        "inverse: it is the target (it is followed by the other).",
    )
    label = serializers.CharField(help_text='The relation read from this record: "follows".')
    label_ar = serializers.CharField()
    record = LinkedRecordOut(help_text="The record at the other end.")
    note = serializers.CharField(allow_blank=True)
    note_ar = serializers.CharField(allow_blank=True)
    citations = CitationOut(many=True)


#: (title, Arabic title, slug, API resource, page anchor) of each linked kind, from its row.
_ENDS = {
    "deal": ("title", "title_ar", "slug", "deals", ""),
    "investment": ("investee__name", "investee__name_ar", "slug", "investments", ""),
    "lawsuit": ("title", "title_ar", "slug", "lawsuits", ""),
    "lawsuit_event": ("lawsuit__title", "lawsuit__title_ar", "lawsuit__slug", "lawsuits", "event"),
    "development": ("title", "title_ar", "slug", "developments", ""),
}


def _columns() -> list[str]:
    columns = ["id", "relation", "note", "note_ar"]
    for end in ("from", "to"):
        for kind, (title, title_ar, slug, _resource, _anchor) in _ENDS.items():
            prefix = f"{end}_{kind}"
            columns += [f"{prefix}_id", f"{prefix}__{title}", f"{prefix}__{title_ar}"]
            columns.append(f"{prefix}__{slug}")
    return columns


def _labels(relation: str, forward: bool) -> tuple[str, str]:
    label = LinkRelation(relation).label if forward else INVERSE_LABELS[LinkRelation(relation)]
    with translation.override("en"):
        english = str(label)
    with translation.override("ar"):
        arabic = str(label)
    return english, arabic


def _other_end(row: dict, end: str, links: Links) -> dict:
    kind = next(kind for kind in _ENDS if row[f"{end}_{kind}_id"] is not None)
    title, title_ar, slug, resource, anchor = _ENDS[kind]
    prefix = f"{end}_{kind}"
    key, pk = row[f"{prefix}__{slug}"], row[f"{prefix}_id"]
    page = links.page(resource, key) + (f"#{anchor}-{pk}" if anchor else "")
    return {
        "kind": kind,
        "id": pk,
        "title": row[f"{prefix}__{title}"],
        "title_ar": row[f"{prefix}__{title_ar}"] or "",
        "url": links.url(resource, key),
        "html_url": page,
    }


def related_events_by_record(kind: str, ids: list[int], links: Links) -> dict[int, list[dict]]:
    """The links of records `ids` of one kind ("deal"), each read from the record's side,
    with the other end and the link's citations (two queries). A lawsuit's include its
    events' links."""
    wanted = Q(**{f"from_{kind}_id__in": ids}) | Q(**{f"to_{kind}_id__in": ids})
    ends = {}
    if kind == "lawsuit":
        ends = {"from": "from_lawsuit_event__lawsuit_id", "to": "to_lawsuit_event__lawsuit_id"}
        wanted |= Q(from_lawsuit_event__lawsuit_id__in=ids, from_lawsuit_id__isnull=True)
        wanted |= Q(to_lawsuit_event__lawsuit_id__in=ids, to_lawsuit_id__isnull=True)
    rows = list(EventLink.objects.filter(wanted).order_by("id").values(*_columns(), *ends.values()))
    citations = citations_by_targets({"event_link": [row["id"] for row in rows]}, links)
    found = defaultdict(list)
    wanted_ids = set(ids)
    for row in rows:
        for end, other in (("from", "to"), ("to", "from")):
            mine = row[f"{end}_{kind}_id"]
            if mine is None and ends:
                mine = row[ends[end]]
            if mine not in wanted_ids:
                continue
            label, label_ar = _labels(row["relation"], forward=end == "from")
            found[mine].append(
                {
                    "id": row["id"],
                    "relation": row["relation"],
                    "direction": "forward" if end == "from" else "inverse",
                    "label": label,
                    "label_ar": label_ar,
                    "record": _other_end(row, other, links),
                    "note": row["note"],
                    "note_ar": row["note_ar"],
                    "citations": citations["event_link"].get(row["id"], []),
                }
            )
    return found
