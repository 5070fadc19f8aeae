from django.utils.translation import get_language_bidi

from core.cursors import encode_cursor
from core.views import record_or_redirect, render_page

from . import charts
from .filtersets import TimelineFilterSet, timeline_position
from .selectors import (
    dashboard_figures,
    deal_latest,
    deal_page_queryset,
    deal_parties,
    development_page_queryset,
    investment_page_queryset,
    lawsuit_page_queryset,
    lawsuit_parties,
    timeline_entries,
)

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
    """Every dated event, newest first; filters and "more" load in place with htmx.

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
    partial = "more" if cursor else "entries"
    return render_page(
        request,
        "deals/timeline.html",
        {"form": filterset.form, "entries": entries, "next_query": next_query},
        partial=partial,
    )


def deal_detail(request, key: str):
    deal, redirect = record_or_redirect(deal_page_queryset(), key, "deals:deal")
    if redirect:
        return redirect
    context = {"deal": deal, "parties": deal_parties(deal)}
    return render_page(request, "deals/deal_detail.html", context)


def investment_detail(request, key: str):
    investment, redirect = record_or_redirect(investment_page_queryset(), key, "deals:investment")
    if redirect:
        return redirect
    return render_page(request, "deals/investment_detail.html", {"investment": investment})


def lawsuit_detail(request, key: str):
    lawsuit, redirect = record_or_redirect(lawsuit_page_queryset(), key, "deals:lawsuit")
    if redirect:
        return redirect
    context = {"lawsuit": lawsuit, "parties": lawsuit_parties(lawsuit)}
    return render_page(request, "deals/lawsuit_detail.html", context)


def development_detail(request, key: str):
    """A legal or market development that names no single case or deal."""
    development, redirect = record_or_redirect(
        development_page_queryset(), key, "deals:development"
    )
    if redirect:
        return redirect
    return render_page(request, "deals/development_detail.html", {"development": development})
