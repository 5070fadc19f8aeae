"""Reads of companies, people and products."""

from django.db.models import Count, Prefetch, QuerySet

from .models import Company, CompanyKind


def company_list() -> QuerySet[Company]:
    """Companies with their kinds and how many deals they take part in, by name."""
    return (
        Company.objects.annotate(deal_count=Count("deal_parties__deal", distinct=True))
        .prefetch_related(Prefetch("kinds", queryset=CompanyKind.objects.all()))
        .order_by("name")
    )
