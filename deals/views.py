import datetime

from django.utils.translation import get_language_bidi
from rest_framework.exceptions import ValidationError

from core.api.pagination import decode_cursor, encode_cursor
from core.views import record_or_redirect, render_page

from . import charts
from .forms import TimelineFilterForm
from .models import Deal, DealParty, Development, Investment, Lawsuit, LawsuitParty
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


def _timeline_position(cursor: str):
    """The (date, kind:id) a "more" link continues from; a mangled cursor starts over."""
    try:
        day, uid = decode_cursor(cursor)
    except ValidationError:
        return None
    return (day, uid) if isinstance(day, datetime.date) and isinstance(uid, str) else None


def timeline(request):
    """Every dated event, newest first; filters and "more" load in place with htmx."""
    form = TimelineFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    cursor = request.GET.get("cursor")
    after = _timeline_position(cursor) if cursor else None
    entries = timeline_entries(
        kinds=[filters["kind"]] if filters.get("kind") else None,
        company=filters.get("company") or None,
        year=filters.get("year"),
        status=filters.get("status") or None,
        after=after,
        limit=TIMELINE_PAGE + 1,
    )
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
        {"form": form, "entries": entries, "next_query": next_query},
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


def development_detail(request, key: str):
    """A legal or market development that names no single case or deal."""
    developments = Development.objects.prefetch_related("companies", "citations__article")
    development, redirect = record_or_redirect(developments, key, "deals:development")
    if redirect:
        return redirect
    return render_page(request, "deals/development_detail.html", {"development": development})
