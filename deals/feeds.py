"""Atom feeds of the timeline: all of it, any of its filters, one company's.

An entry is a timeline event: its title in the feed's language, its date, the record's
summary and the excerpt of the first article that states it, with a link to that
article. Readers follow `/timeline/feed/?company=…&kind=…` (the timeline page's own
filters) or `/companies/<slug>/feed/`; a bad filter is a 400 with the reason.
"""

import datetime
from collections import defaultdict

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from companies.models import Company, Person
from core.records import timeline_type
from sources.models import Citation

from .filtersets import TimelineFilterSet
from .timeline import TimelineEntry, timeline_entries

#: Entries in a feed: the newest events; readers poll for more.
FEED_ENTRIES = 50


def _in_language(latin: str, arabic: str) -> str:
    if get_language() == "ar":
        return arabic or latin
    return latin or arabic


def _ids_by_kind(entries: list[TimelineEntry]) -> dict[str, list[int]]:
    ids = defaultdict(list)
    for entry in entries:
        ids[entry.kind].append(entry.id)
    return ids


def _summaries(entries: list[TimelineEntry]) -> dict[tuple[str, int], tuple[str, str]]:
    """(summary, summary_ar) of each entry's record, in one query per kind of record."""
    found = {}
    for kind, kind_ids in _ids_by_kind(entries).items():
        model = timeline_type(kind).model
        names = {field.name for field in model._meta.fields}
        text = next((name for name in ("summary", "description", "note") if name in names), None)
        if text is None:
            continue
        columns = [text, f"{text}_ar"] if f"{text}_ar" in names else [text, text]
        for pk, latin, arabic in model.objects.filter(pk__in=kind_ids).values_list("pk", *columns):
            found[(kind, pk)] = (latin, arabic)
    return found


def _first_citations(entries: list[TimelineEntry]) -> dict[tuple[str, int], Citation]:
    """The first citation of each entry's record, with its article."""
    found = {}
    for kind, kind_ids in _ids_by_kind(entries).items():
        field = timeline_type(kind).citation_field
        if not field:
            continue
        citations = (
            Citation.objects.filter(**{f"{field}__in": kind_ids})
            .select_related("article")
            .order_by("pk")
        )
        for citation in citations:
            found.setdefault((kind, getattr(citation, f"{field}_id")), citation)
    return found


class TimelineFeed(Feed):
    """The timeline, newest first, as Atom; the query string filters it as on the page."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except BadRequest as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")

    def get_object(self, request, *args, **kwargs):
        filterset = TimelineFilterSet(request.GET)
        if not filterset.is_valid():
            reasons = "; ".join(
                f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()
            )
            raise BadRequest(reasons)
        self.request = request
        return {"filters": filterset.timeline_filters(), "query": request.GET.urlencode()}

    def title(self, obj):
        return _("AI deals tracker: timeline")

    def subtitle(self, obj):
        return _("Deals, investments, lawsuits and other events, newest first.")

    def link(self, obj):
        url = reverse("deals:timeline")
        return f"{url}?{obj['query']}" if obj["query"] else url

    def items(self, obj):
        entries = timeline_entries(**obj["filters"], limit=FEED_ENTRIES)
        self.summaries = _summaries(entries)
        self.citations = _first_citations(entries)
        return entries

    def item_title(self, entry: TimelineEntry):
        title = _in_language(entry.title, entry.title_ar)
        return f"{entry.kind_label}: {title}"

    def item_link(self, entry: TimelineEntry):
        return entry.url

    def item_guid(self, entry: TimelineEntry):
        return self.request.build_absolute_uri(entry.url) + f"#{entry.kind}-{entry.id}"

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry: TimelineEntry):
        """Its own date, else the date of the article that reported it."""
        placed = entry.date if entry.date.date else entry.reported
        if placed is None or placed.date is None:
            return None
        day = datetime.datetime.combine(placed.date, datetime.time())
        return timezone.make_aware(day, datetime.UTC)

    def item_updateddate(self, entry: TimelineEntry):
        return self.item_pubdate(entry) or timezone.now()

    def item_categories(self, entry: TimelineEntry):
        return [entry.kind_label]

    def item_description(self, entry: TimelineEntry):
        if entry.date.date:
            parts = [str(entry.date)]
        elif entry.reported is not None and entry.reported.date:
            parts = [_("reported %(date)s") % {"date": entry.reported}]
        else:
            parts = [_("date not known")]
        summary = self.summaries.get((entry.kind, entry.id))
        if summary:
            parts.append(_in_language(*summary))
        citation = self.citations.get((entry.kind, entry.id))
        if citation is not None:
            source = citation.article.outlet or citation.article.title
            parts.append(f"«{citation.excerpt}» — {source} {citation.article.get_absolute_url()}")
        return "\n\n".join(part for part in parts if part)


class CompanyFeed(TimelineFeed):
    """One company's events: its deals, investments, suits, launches and developments."""

    def get_object(self, request, slug):
        company = get_object_or_404(Company, slug=slug)
        obj = super().get_object(request)
        obj["filters"]["company"] = company.slug
        obj["company"] = company
        return obj

    def title(self, obj):
        name = _in_language(obj["company"].name, obj["company"].name_ar)
        return _("AI deals tracker: %(company)s") % {"company": name}

    def link(self, obj):
        return obj["company"].get_absolute_url()


class PersonFeed(TimelineFeed):
    """One person's events: the deals and lawsuits they take part in or announced."""

    def get_object(self, request, slug):
        person = get_object_or_404(Person, slug=slug)
        obj = super().get_object(request)
        obj["filters"]["person"] = person.slug
        obj["person"] = person
        return obj

    def title(self, obj):
        name = _in_language(obj["person"].name, obj["person"].name_ar)
        return _("AI deals tracker: %(person)s") % {"person": name}

    def link(self, obj):
        return obj["person"].get_absolute_url()
