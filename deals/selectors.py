"""Reads of deals, investments and lawsuits."""

import datetime

from django.db.models import CharField, F, Prefetch, Q, QuerySet, TextChoices, Value
from django.db.models.functions import Cast, Concat, LPad
from django.utils.translation import gettext_lazy as _

from companies.models import Company, Product

from .models import (
    Deal,
    DealKind,
    DealParty,
    Development,
    Investment,
    Lawsuit,
    LawsuitEvent,
    LawsuitParty,
)


def deal_latest(*, limit: int = 20) -> QuerySet[Deal]:
    """The most recently announced deals (undated ones last) with kinds and parties."""
    parties = DealParty.objects.select_related("company", "person").order_by("role", "id")
    return Deal.objects.prefetch_related(
        Prefetch("kinds", queryset=DealKind.objects.all()),
        Prefetch("parties", queryset=parties),
    ).order_by(F("announced_on").desc(nulls_last=True), "-id")[:limit]


class TimelineKind(TextChoices):
    DEAL = "deal", _("deal")
    INVESTMENT = "investment", _("investment")
    LAWSUIT = "lawsuit", _("lawsuit")
    LAWSUIT_EVENT = "lawsuit_event", _("lawsuit event")
    PRODUCT_LAUNCH = "product_launch", _("product launch")
    FOUNDING = "founding", _("founding")
    DEVELOPMENT = "development", _("development")


def _timeline_source(kind, queryset, date_name, title, title_ar, slug="slug", extra=None):
    """One kind of dated event, in the columns every kind shares."""
    return queryset.filter(**{f"{date_name}_on__isnull": False}).values(
        e_kind=Value(kind, output_field=CharField()),
        e_id=F("id"),
        e_slug=F(slug),
        e_title=F(title),
        e_title_ar=F(title_ar),
        e_extra=F(extra) if extra else Value("", output_field=CharField()),
        e_day=F(f"{date_name}_on"),
        e_precision=F(f"{date_name}_precision"),
        e_inferred=F(f"{date_name}_inferred"),
        e_uid=Concat(
            Value(f"{kind}:"),
            LPad(Cast("id", CharField()), 12, Value("0")),
            output_field=CharField(),
        ),
    )


def _company_condition(kind: str, slug: str) -> Q:
    deal_ids = DealParty.objects.filter(company__slug=slug).values("deal_id")
    lawsuit_ids = LawsuitParty.objects.filter(company__slug=slug).values("lawsuit_id")
    return {
        TimelineKind.DEAL: Q(pk__in=deal_ids),
        TimelineKind.INVESTMENT: Q(investee__slug=slug)
        | Q(
            pk__in=Investment.investors.through.objects.filter(company__slug=slug).values(
                "investment_id"
            )
        ),
        TimelineKind.LAWSUIT: Q(pk__in=lawsuit_ids),
        TimelineKind.LAWSUIT_EVENT: Q(lawsuit_id__in=lawsuit_ids),
        TimelineKind.PRODUCT_LAUNCH: Q(company__slug=slug),
        TimelineKind.FOUNDING: Q(pk__in=Company.objects.filter(slug=slug).values("pk")),
        TimelineKind.DEVELOPMENT: Q(
            pk__in=Development.companies.through.objects.filter(company__slug=slug).values(
                "development_id"
            )
        ),
    }[kind]


def timeline_page(
    *,
    kinds: list[str] | None = None,
    company: str | None = None,
    year: int | None = None,
    after: tuple[datetime.date, str] | None = None,
    limit: int = 50,
) -> list[dict]:
    """Dated events of every kind, newest first, keyset-paginated on (date, kind:id).

    `after` is the last (date, uid) of the previous page. Undated records are not events
    on a timeline and are left out. One query, a union of the kinds asked for.
    """
    sources = {
        TimelineKind.DEAL: (Deal.objects.all(), "announced", "title", "title_ar"),
        TimelineKind.INVESTMENT: (
            Investment.objects.all(),
            "announced",
            "investee__name",
            "investee__name_ar",
        ),
        TimelineKind.LAWSUIT: (Lawsuit.objects.all(), "filed", "title", "title_ar"),
        TimelineKind.LAWSUIT_EVENT: (
            LawsuitEvent.objects.all(),
            "occurred",
            "lawsuit__title",
            "lawsuit__title_ar",
        ),
        TimelineKind.PRODUCT_LAUNCH: (Product.objects.all(), "launched", "name", "name_ar"),
        TimelineKind.FOUNDING: (Company.objects.all(), "founded", "name", "name_ar"),
        TimelineKind.DEVELOPMENT: (Development.objects.all(), "occurred", "title", "title_ar"),
    }
    extras = {
        TimelineKind.INVESTMENT: {"slug": "slug"},
        TimelineKind.LAWSUIT_EVENT: {"slug": "lawsuit__slug", "extra": "kind"},
    }
    parts = []
    for kind, (queryset, date_name, title, title_ar) in sources.items():
        if kinds and kind not in kinds:
            continue
        if company:
            queryset = queryset.filter(_company_condition(kind, company))
        if year:
            queryset = queryset.filter(**{f"{date_name}_on__year": year})
        part = _timeline_source(kind, queryset, date_name, title, title_ar, **extras.get(kind, {}))
        if after:
            day, uid = after
            part = part.filter(Q(e_day__lt=day) | Q(e_day=day, e_uid__lt=uid))
        parts.append(part.order_by())
    if not parts:
        return []
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return list(union.order_by("-e_day", "-e_uid")[:limit])
