from django.shortcuts import render

from companies.selectors import company_list

from .selectors import deal_latest


def home(request):
    """The front page: the latest deals and every company the tracker knows."""
    return render(
        request,
        "deals/home.html",
        {"deals": deal_latest(limit=20), "companies": company_list()},
    )
