"""Curators set where each date comes from in the admin, on every record with a date."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from core.models import partial_date_names
from deals.models import Lawsuit

DATED = sorted(model._meta.label for model in admin.site._registry if partial_date_names(model))


def test_every_dated_model_has_an_admin():
    assert set(DATED) >= {"deals.Deal", "deals.Lawsuit", "companies.Company", "sources.Article"}


@pytest.mark.parametrize("label", DATED)
def test_the_add_form_has_each_dates_basis_and_note(curator_client, label):
    model = apps.get_model(label)
    response = curator_client.get(
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    )
    html = response.content.decode()
    for name in partial_date_names(model):
        assert f'name="{name}_basis"' in html, name
        assert f'name="{name}_note"' in html, name
    assert '<option value="curator">added by a curator</option>' in html


def test_a_lawsuits_events_inline_has_their_basis_and_note(curator_client):
    lawsuit = Lawsuit.objects.create(title="A v. B", status="filed")
    html = curator_client.get(reverse("admin:deals_lawsuit_change", args=[lawsuit.pk])).content
    assert b'name="events-__prefix__-occurred_basis"' in html
    assert b'name="events-__prefix__-occurred_note"' in html
