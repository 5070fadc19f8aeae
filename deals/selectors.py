"""Reads of deals, investments and lawsuits."""

from django.db.models import F, Prefetch, QuerySet

from .models import Deal, DealKind, DealParty


def deal_latest(*, limit: int = 20) -> QuerySet[Deal]:
    """The most recently announced deals (undated ones last) with kinds and parties."""
    parties = DealParty.objects.select_related("company", "person").order_by("role", "id")
    return Deal.objects.prefetch_related(
        Prefetch("kinds", queryset=DealKind.objects.all()),
        Prefetch("parties", queryset=parties),
    ).order_by(F("announced_on").desc(nulls_last=True), "-id")[:limit]
