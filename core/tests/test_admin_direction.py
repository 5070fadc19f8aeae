"""In the admin, each text input has the direction its script needs, in both languages."""

import re

import pytest
from django.urls import reverse

from companies.models import Company
from core.admin import text_direction
from deals.models import Deal

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "field", "direction"),
    [
        (Company, "slug", "ltr"),
        (Company, "website", "ltr"),
        (Company, "headquarters_country", "ltr"),
        (Company, "name_ar", "rtl"),
        (Company, "name", "auto"),
        (Company, "description", "auto"),
        (Deal, "value_currency", "ltr"),
        (Deal, "status", None),
        (Deal, "announced_on", None),
    ],
)
def test_the_direction_of_each_kind_of_field(model, field, direction):
    assert text_direction(model._meta.get_field(field)) == direction


def input_direction(html: str, name: str) -> str | None:
    tag = re.search(rf'<(?:input|textarea)[^>]*name="{re.escape(name)}"[^>]*>', html)
    assert tag, name
    found = re.search(r'dir="(\w+)"', tag.group(0))
    return found.group(1) if found else None


def test_the_arabic_admin_keeps_latin_inputs_left_to_right(curator_client):
    html = curator_client.get(
        "/ar" + reverse("admin:companies_company_add").removeprefix("/en")
    ).content.decode()

    assert 'dir="rtl"' in html[:500]
    assert input_direction(html, "slug") == "ltr"
    assert input_direction(html, "website") == "ltr"
    assert input_direction(html, "name_ar") == "rtl"
    assert input_direction(html, "name") == "auto"
    assert input_direction(html, "aliases-0-name") == "auto"
