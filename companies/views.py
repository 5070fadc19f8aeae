from django.utils.translation import gettext_lazy as _

from core.views import record_or_redirect, render_page
from deals.charts import network
from deals.selectors import (
    company_deals,
    company_investments,
    company_lawsuits,
    company_network,
)
from deals.timeline import timeline_entries
from sources.selectors import articles_about_company

from .search import search_by_type
from .selectors import company_products, company_profile_queryset, company_roles

TABS = {
    "deals": _("Deals"),
    "investments": _("Investments"),
    "lawsuits": _("Lawsuits"),
    "products": _("Products"),
    "people": _("People"),
    "timeline": _("Timeline"),
}


def _tab_content(company, tab: str) -> dict:
    """Only the chosen tab's records are read."""
    if tab == "deals":
        return {"deals": company_deals(company)}
    if tab == "investments":
        return {"investments": company_investments(company)}
    if tab == "lawsuits":
        return {"lawsuits": company_lawsuits(company)}
    if tab == "products":
        return {"products": company_products(company)}
    if tab == "people":
        return {"roles": company_roles(company)}
    return {"entries": timeline_entries(company=company.slug, limit=50)}


def company_detail(request, slug: str):
    """A company's profile; its tabs load in place with htmx, or as plain links."""
    company, redirect = record_or_redirect(
        company_profile_queryset(), slug, "companies:company", request.META.get("QUERY_STRING", "")
    )
    if redirect:
        return redirect
    tab = request.GET.get("tab", "deals")
    if tab not in TABS:
        tab = "deals"
    partners = company_network(company)
    context = {
        "company": company,
        "tabs": TABS,
        "tab": tab,
        "network": network(
            {"slug": company.slug, "name": company.name, "name_ar": company.name_ar}, partners
        ),
        "articles": articles_about_company(company),
        **_tab_content(company, tab),
    }
    return render_page(request, "companies/company_detail.html", context, partial="tab")


#: The heading of each group of search results.
SEARCH_GROUPS = {
    "company": _("Companies"),
    "person": _("People"),
    "product": _("Products"),
    "deal": _("Deals"),
    "investment": _("Investments"),
    "lawsuit": _("Lawsuits"),
    "article": _("Articles"),
}


def search(request):
    """Names in any spelling, and the words of records' texts; results update as you type
    (htmx), or on submit."""
    query = request.GET.get("q", "").strip()[:200]
    found = search_by_type(query, limit=30) if query else {}
    groups = [(kind, SEARCH_GROUPS[kind], hits) for kind, hits in found.items() if hits]
    return render_page(
        request,
        "companies/search.html",
        {"query": query, "groups": groups, "found": bool(groups)},
        partial="results",
    )
