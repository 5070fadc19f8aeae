"""The read shape of the timeline's entries and pages."""

from rest_framework import serializers

from core.api.representations import Links, reference
from core.api.serializers import PartialDateOut, ReferenceOut

from ..timeline import PlacedBy, TimelineEntry


class TimelineEntryOut(serializers.Serializer):
    kind = serializers.CharField()
    id = serializers.IntegerField()
    title = serializers.CharField()
    title_ar = serializers.CharField(allow_blank=True)
    date = PartialDateOut(help_text="The record's own date; unknown when it has none.")
    placed_by = serializers.ChoiceField(
        choices=PlacedBy.choices,
        help_text="date: by its own date; reported: by the publication date of the earliest "
        "dated article citing it (`reported`); unknown: in the group after every placed "
        "entry.",
    )
    reported = PartialDateOut(
        allow_null=True,
        help_text="When placed_by is reported, the publication date that places it; else null.",
    )
    url = serializers.URLField(allow_null=True)
    companies = ReferenceOut(many=True)


class TimelinePageOut(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    first = serializers.URLField()
    results = TimelineEntryOut(many=True)


def timeline_entry(entry: TimelineEntry, links: Links) -> dict:
    """One timeline entry (already loaded with its companies by the selector)."""
    return {
        "kind": entry.kind,
        "id": entry.id,
        "title": entry.title,
        "title_ar": entry.title_ar,
        "date": entry.date.as_dict(),
        "placed_by": entry.placed_by,
        "reported": entry.reported.as_dict() if entry.reported else None,
        "url": links.url(entry.resource, entry.slug) if entry.resource else None,
        "companies": [reference(links, "companies", *company) for company in entry.companies],
    }
