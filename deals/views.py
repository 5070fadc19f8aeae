from django.utils.translation import get_language_bidi

from core.cursors import encode_cursor
from core.views import record_or_redirect, render_page

from . import charts
from .filtersets import TimelineFilterSet, timeline_position
from .models import Deal, DealParty, Investment, Lawsuit, LawsuitParty
from .selectors import dashboard_figures, deal_latest, timeline_entries

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
    deals = Deal.objects.prefetch_related("kinds", "citations__article").select_related(
        "announced_by"
    )
    deal, redirect = record_or_redirect(deals, key, "deals:deal")
    if redirect:
        return redirect
    parties = DealParty.objects.filter(deal=deal).select_related("company", "person")
    return render_page(request, "deals/deal_detail.html", {"deal": deal, "parties": parties})


def investment_detail(request, key: str):
    investments = Investment.objects.select_related("investee").prefetch_related(
        "investors", "citations__article"
    )
    investment, redirect = record_or_redirect(investments, key, "deals:investment")
    if redirect:
        return redirect
    return render_page(request, "deals/investment_detail.html", {"investment": investment})


def lawsuit_detail(request, key: str):
    lawsuits = Lawsuit.objects.prefetch_related(
        "claims", "citations__article", "events__citations__article"
    )
    lawsuit, redirect = record_or_redirect(lawsuits, key, "deals:lawsuit")
    if redirect:
        return redirect
    parties = LawsuitParty.objects.filter(lawsuit=lawsuit).select_related("company", "person")
    return render_page(
        request, "deals/lawsuit_detail.html", {"lawsuit": lawsuit, "parties": parties}
    )
