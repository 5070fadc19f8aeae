from django.utils.translation import get_language_bidi

from core.cursors import encode_cursor
from core.views import render_page

from . import charts
from .filtersets import TimelineFilterSet, timeline_position
from .selectors import dashboard_figures, deal_latest
from .timeline import timeline_entries

TIMELINE_PAGE = 25


def home(request):
    """The dashboard: headline figures, the latest events, charts, connected companies."""
    figures = dashboard_figures()
    return render_page(
        request,
        "deals/dashboard.html",
        {
            "figures": figures,
            "events": timeline_entries(limit=8),
            "deals": deal_latest(limit=6),
            "per_year": charts.deals_per_year(figures["per_year"], rtl=get_language_bidi()),
            "largest_max": max((d["value_amount"] for d in figures["largest"]), default=0),
        },
    )


def timeline(request):
    """Every record placed in time, newest first, then the undated; filters and "more" load
    in place with htmx.

    Bad filters show their messages on the form; a mangled cursor starts over.
    """
    filterset = TimelineFilterSet(request.GET or None)
    filters = filterset.timeline_filters() if filterset.is_valid() else {}
    cursor = request.GET.get("cursor")
    after = timeline_position(cursor) if cursor else None
    entries = timeline_entries(**filters, after=after, limit=TIMELINE_PAGE + 1)
    more = len(entries) > TIMELINE_PAGE
    entries = entries[:TIMELINE_PAGE]
    next_query = None
    if more:
        query = request.GET.copy()
        query["cursor"] = encode_cursor(*entries[-1].cursor)
        next_query = query.urlencode()
    partial = "more" if cursor else "region"
    return render_page(
        request,
        "deals/timeline.html",
        {
            "form": filterset.form,
            "entries": entries,
            "next_query": next_query,
            # A "more" page inside the group of unknown dates follows its heading.
            "heading_shown": bool(after) and after[0] is None,
        },
        partial=partial,
    )
