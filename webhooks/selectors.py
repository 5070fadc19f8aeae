"""Reads of webhooks: what an event says about a record, and who follows it."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from core.records import CompanyLink, RecordType, record_type_of

from .models import Delivery, Subscription


def subscription_list(*, owner) -> models.QuerySet:
    return Subscription.objects.owned_by(owner)


def delivery_list(*, subscription: Subscription) -> models.QuerySet:
    return Delivery.objects.filter(subscription=subscription)


def _linked_slugs(link: CompanyLink, record: models.Model) -> set[str]:
    if not link.model:
        company = record if not link.company else getattr(record, link.company)
        return {company.slug} if company is not None else set()
    rows = apps.get_model(link.model).objects.filter(**{link.record: record})
    return set(
        rows.exclude(**{f"{link.company}__isnull": True}).values_list(
            f"{link.company}__slug", flat=True
        )
    )


def record_company_slugs(record: models.Model) -> set[str]:
    """The slugs of the companies a record involves, as the timeline links them (a record
    type off the timeline: the company it belongs to, if any)."""
    record_type = record_type_of(record)
    if record_type.timeline:
        links = record_type.timeline.companies
    elif any(field.name == "company" for field in record._meta.concrete_fields):
        links = (CompanyLink(company="company"),)
    else:
        links = ()
    slugs = set()
    for link in links:
        slugs |= _linked_slugs(link, record)
    return slugs


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _api_url(record_type: RecordType, record: models.Model) -> str | None:
    if not record_type.resource:
        return None
    key = getattr(record, "slug", None) or record.pk
    try:
        return _absolute(reverse(f"api:{record_type.resource}-detail", args=[key]))
    except NoReverseMatch:
        return None


def record_reference(record: models.Model) -> dict:
    """How an event names a record: slug, title, reader page and API address."""
    record_type = record_type_of(record)
    with translation.override("en"):
        html_url = _absolute(record_type.page.url_of(record)) if record_type.page else None
        title = str(record)
    return {
        "id": record.pk,
        "slug": getattr(record, "slug", None),
        "title": title,
        "html_url": html_url,
        "api_url": _api_url(record_type, record),
    }
