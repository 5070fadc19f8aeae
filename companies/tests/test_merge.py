"""Merging duplicate companies: every relation moves, nothing is lost or doubled."""

import pytest
from django.apps import apps
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from companies.models import Alias, Company, Product, Rivalry
from companies.services import company_merge, primary_aliases_sync
from companies.tests.factories import CompanyFactory, ProductFactory
from core.models import SlugRedirect, slug_redirect_target
from deals.models import Deal, Development, Investment, LawsuitParty
from deals.tests.factories import DealFactory, DealPartyFactory
from sources.models import Citation

pytestmark = pytest.mark.usefixtures("seeded")


def relation_rows(company) -> int:
    """Every row, in any table, that points at `company`."""
    total = 0
    for relation in Company._meta.related_objects:
        accessor = relation.get_accessor_name()
        total += getattr(company, accessor).count()
    return total


@pytest.fixture
def duplicate_of_google():
    """A second Google, as a careless import would create it, with facts of its own."""
    duplicate = CompanyFactory(name="Google Inc.", name_ar="غوغل إنك", website="https://g.co")
    primary_aliases_sync(duplicate)
    deal = DealFactory(title="Gemini licensing", kinds=["licensing"])
    DealPartyFactory(deal=deal, company=duplicate, role="licensor")
    ProductFactory(company=duplicate, name="Gemini")
    Citation.objects.create(
        article=Citation.objects.first().article, excerpt="وVeo من جوجل", company=duplicate
    )
    Investment.objects.get(slug="meta-investment-in-scale-ai").investors.add(duplicate)
    Development.objects.first().companies.add(duplicate)
    Rivalry.objects.create(company=Company.objects.get(slug="meta"), rival=duplicate)
    return duplicate


def test_merge_moves_every_relation_and_keeps_names_and_links(duplicate_of_google):
    google = Company.objects.get(slug="google")
    meta = Company.objects.get(slug="meta")
    google_rows = relation_rows(google)
    duplicate_rows = relation_rows(duplicate_of_google)

    report = company_merge(survivor=google, duplicates=[duplicate_of_google])

    assert not Company.objects.filter(slug="google-inc").exists()
    assert Deal.objects.get(title="Gemini licensing").parties.get().company == google
    assert Product.objects.get(name="Gemini").company == google
    assert google.investments_made.filter(slug="meta-investment-in-scale-ai").exists()
    names = set(Alias.objects.filter(company=google).values_list("name", flat=True))
    assert {"Google", "جوجل", "Google Inc.", "غوغل إنك", "غوغل", "قوقل"} <= names
    assert Alias.objects.get(company=google, name="Google").is_primary
    assert not Alias.objects.get(company=google, name="Google Inc.").is_primary
    assert google.website == "https://g.co"
    assert slug_redirect_target(Company, "google-inc") == "google"
    # Meta vs Google and Meta vs Google Inc. were the same rivalry: kept once.
    assert Rivalry.objects.filter(company=meta, rival=google).count() == 1
    assert relation_rows(google) == google_rows + duplicate_rows - 1
    assert report["rivalries"] == 0
    assert report["deal parties"] == 1
    latest = google.history.first()
    assert latest.history_change_reason == "Merged google-inc"


def test_merge_never_leaves_a_row_pointing_at_the_duplicate(duplicate_of_google):
    duplicate_pk = duplicate_of_google.pk
    company_merge(survivor=Company.objects.get(slug="google"), duplicates=[duplicate_of_google])
    pointing = [
        (model, field)
        for label in ("companies", "deals", "sources")
        for model in apps.get_app_config(label).get_models()
        for field in model._meta.get_fields()
        if field.concrete
        and getattr(field, "related_model", None) is Company
        and not model.__name__.startswith("Historical")
    ]
    assert pointing
    for model, field in pointing:
        assert not model.objects.filter(**{field.name: duplicate_pk}).exists(), field


def test_a_party_both_companies_had_in_the_same_role_is_kept_once():
    meta = Company.objects.get(slug="meta")
    duplicate = CompanyFactory(name="Meta Platforms Inc.")
    deal = Deal.objects.get(slug="meta-play-ai-acquisition")
    DealPartyFactory(deal=deal, company=duplicate, role="acquirer")
    company_merge(survivor=meta, duplicates=[duplicate])
    assert deal.parties.filter(company=meta, role="acquirer").count() == 1


def test_merging_a_plaintiff_into_the_defendant_keeps_one_party_per_lawsuit():
    midjourney = Company.objects.get(slug="midjourney")
    disney = Company.objects.get(slug="disney")
    company_merge(survivor=midjourney, duplicates=[disney])
    assert LawsuitParty.objects.filter(company=midjourney).count() == 1


def test_merge_action_in_the_admin(duplicate_of_google, curator_client):
    google = Company.objects.get(slug="google")
    url = reverse("admin:companies_company_changelist")
    selected = [google.pk, duplicate_of_google.pk]
    choose = curator_client.post(url, {"action": "merge_companies", ACTION_CHECKBOX_NAME: selected})
    assert choose.status_code == 200
    assert "Choose the company to keep" in choose.content.decode()
    done = curator_client.post(
        url,
        {
            "action": "merge_companies",
            ACTION_CHECKBOX_NAME: selected,
            "survivor": google.pk,
            "confirm": "yes",
        },
        follow=True,
    )
    assert "Merged 1 company into “Google”" in done.content.decode()
    assert not Company.objects.filter(pk=duplicate_of_google.pk).exists()
    assert SlugRedirect.objects.filter(old_slug="google-inc", new_slug="google").exists()
    assert google.history.first().history_user.username == "curator"


def test_merging_one_company_is_refused(curator_client):
    url = reverse("admin:companies_company_changelist")
    response = curator_client.post(
        url,
        {"action": "merge_companies", ACTION_CHECKBOX_NAME: [Company.objects.first().pk]},
        follow=True,
    )
    assert "Select at least two companies to merge." in response.content.decode()
