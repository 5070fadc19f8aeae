"""The seed as loaded: idempotent, fully cited, and saying what the articles say."""

import datetime
from decimal import Decimal
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command

from companies.models import Alias, Company, Metric, Person, Product, Role
from deals.models import Deal, DealTransition, Development, EventLink, Investment, Lawsuit
from sources.models import Article, Citation
from sources.seed import seed_load

pytestmark = pytest.mark.usefixtures("seeded")

DOMAIN_APPS = ("companies", "deals", "sources")


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for label in DOMAIN_APPS
        for model in apps.get_app_config(label).get_models()
    }


def test_loading_twice_changes_nothing():
    before = row_counts()
    assert seed_load() == {}
    assert row_counts() == before


def test_the_command_says_when_nothing_changed(capsys):
    call_command("load_seed")
    assert "already loaded" in capsys.readouterr().out


def test_the_seed_is_not_empty(seeded):
    assert seeded["Articles"] == 2
    assert Deal.objects.count() >= 5
    assert Company.objects.count() >= 9


@pytest.mark.parametrize(
    "model",
    [
        Company,
        Person,
        Role,
        Product,
        Metric,
        Deal,
        Investment,
        Lawsuit,
        Development,
        DealTransition,
        EventLink,
    ],
    ids=lambda model: model.__name__,
)
def test_every_seeded_fact_has_a_citation(model):
    uncited = model.objects.filter(citations__isnull=True)
    assert not uncited.exists(), f"uncited: {list(uncited)}"
    assert model.objects.exists()


def test_every_citation_quotes_its_article():
    for citation in Citation.objects.select_related("article"):
        assert citation.excerpt in citation.article.text


def test_the_articles_are_public_attributed_and_undated():
    for article in Article.objects.all():
        assert article.text_is_public
        assert article.attribution
        assert article.published_precision == "unknown"


def test_the_meta_midjourney_deal():
    deal = Deal.objects.get(slug="meta-midjourney-licensing-partnership")
    assert set(deal.kinds.values_list("code", flat=True)) == {"partnership", "licensing"}
    assert (deal.announced_on, deal.announced_precision) == (datetime.date(2025, 8, 1), "month")
    assert deal.announced_by.slug == "alexandr-wang"
    assert deal.announced_via == "threads"
    assert deal.value_undisclosed
    assert deal.value_amount is None
    roles = set(deal.parties.values_list("company__slug", "role"))
    assert roles == {
        ("meta", "licensee"),
        ("meta", "partner"),
        ("midjourney", "licensor"),
        ("midjourney", "partner"),
    }
    assert {c.article.title for c in deal.citations.all()} >= {""}
    assert deal.citations.values("article").distinct().count() == 2


def test_meta_invested_14_billion_in_scale_ai_on_an_unknown_date():
    investment = Investment.objects.get(investee__slug="scale-ai")
    assert list(investment.investors.values_list("slug", flat=True)) == ["meta"]
    assert (investment.value_amount, investment.value_currency) == (Decimal("14000000000"), "USD")
    assert investment.announced_precision == "unknown"


def test_the_hiring_campaign_is_up_to_100_million_per_contract_for_unnamed_researchers():
    deal = Deal.objects.get(kinds="hiring")
    assert (deal.value_amount, deal.value_qualifier, deal.value_basis) == (
        Decimal("100000000"),
        "up_to",
        "per_contract",
    )
    researchers = deal.parties.get(role="hire")
    assert researchers.company is None
    assert researchers.person is None
    assert researchers.unnamed_description_ar == "عشرات الباحثين"


def test_the_openai_bid_was_rejected_and_meta_did_not_join():
    deal = Deal.objects.get(slug="openai-97b-acquisition-bid")
    assert deal.status == "rejected"
    assert (deal.value_amount, deal.value_qualifier) == (Decimal("97000000000"), "about")
    assert deal.parties.filter(company__slug="meta", role="declined").exists()
    assert deal.parties.filter(company__slug="openai", role="target").exists()


def test_the_openai_bid_was_offered_then_rejected_on_a_curators_dates():
    deal = Deal.objects.get(slug="openai-97b-acquisition-bid")
    steps = list(deal.transitions.all())
    assert [(step.status, step.occurred.isoformat()) for step in steps] == [
        ("offered", "2025-02-10"),
        ("rejected", "2025-02-14"),
    ]
    assert {step.occurred_basis for step in steps} == {"curator"}
    assert all(step.occurred_note for step in steps)
    assert deal.status == steps[-1].status
    assert "وOpenAI رفضت الصفقة" in steps[-1].citations.values_list("excerpt", flat=True)


def test_the_licence_follows_the_disney_and_universal_suit():
    link = EventLink.objects.get(
        from_deal__slug="meta-midjourney-licensing-partnership",
        to_lawsuit__slug="disney-universal-v-midjourney",
    )
    assert link.relation == "follows"
    assert "بعد شهرين" in link.citations.get().excerpt


def test_the_play_ai_acquisition_and_the_rejected_offers_for_midjourney():
    assert Deal.objects.filter(
        kinds="acquisition", parties__company__slug="play-ai", parties__role="target"
    ).exists()
    offers = Deal.objects.get(kinds="acquisition_offer", parties__company__slug="midjourney")
    assert (offers.status, offers.announced_precision) == ("rejected", "unknown")


def test_the_disney_and_universal_suit():
    lawsuit = Lawsuit.objects.get(slug="disney-universal-v-midjourney")
    sides = set(lawsuit.parties.values_list("company__slug", "side"))
    assert sides == {
        ("disney", "plaintiff"),
        ("universal", "plaintiff"),
        ("midjourney", "defendant"),
    }
    assert list(lawsuit.claims.values_list("code", flat=True)) == ["copyright"]
    assert (lawsuit.filed_on, lawsuit.filed_precision) == (datetime.date(2025, 6, 1), "month")


def test_court_rulings_are_a_development_not_an_invented_case():
    development = Development.objects.get(kind="court_rulings")
    assert development.jurisdiction == "US"
    assert not Lawsuit.objects.exclude(slug="disney-universal-v-midjourney").exists()


def test_products_and_their_makers():
    makers = dict(Product.objects.values_list("slug", "company__slug"))
    assert {
        "sora": "openai",
        "flux": "black-forest-labs",
        "veo": "google",
        "imagine": "meta",
        "movie-gen": "meta",
        "midjourney-v1": "midjourney",
    }.items() <= makers.items()
    v1 = Product.objects.get(slug="midjourney-v1")
    assert (v1.launched_on, v1.launched_precision) == (datetime.date(2025, 6, 1), "month")
    imagine = Product.objects.get(slug="imagine")
    assert set(imagine.platforms.values_list("slug", flat=True)) == {
        "facebook",
        "instagram",
        "messenger",
    }


def test_midjourney_founding_independence_revenue_and_prices():
    midjourney = Company.objects.get(slug="midjourney")
    assert set(midjourney.kinds.values_list("code", flat=True)) == {"startup", "research_lab"}
    assert (midjourney.founded_on, midjourney.founded_precision) == (
        datetime.date(2022, 1, 1),
        "year",
    )
    assert midjourney.status == "independent"
    assert midjourney.statements.filter(kind="funding", stated_by__slug="david-holz").exists()
    revenue = midjourney.metrics.get(kind="revenue")
    assert (revenue.value_amount, revenue.value_qualifier, revenue.value_basis) == (
        Decimal("200000000"),
        "up_to",
        "per_year",
    )
    assert revenue.projected
    assert revenue.as_of_on.year == 2023
    price = midjourney.metrics.get(kind="price")
    assert (price.value_amount, price.value_high, price.value_basis) == (
        Decimal("10"),
        Decimal("120"),
        "per_month",
    )


def test_roles_only_where_an_article_states_one():
    roles = set(Role.objects.values_list("person__slug", "company__slug"))
    assert roles == {("alexandr-wang", "meta"), ("david-holz", "midjourney")}


def test_both_articles_spellings_of_wang_are_aliases():
    names = set(Alias.objects.filter(person__slug="alexandr-wang").values_list("name", flat=True))
    assert {"ألكسندر وانغ", "ألكسندر وانج", "Alexandr Wang"} <= names


def test_every_company_has_names_in_both_scripts():
    for company in Company.objects.all():
        languages = set(company.aliases.values_list("language", flat=True))
        assert {"ar", "en"} <= languages, company


def test_a_loaded_seed_never_undoes_curators_work():
    from companies.services import company_merge
    from deals.models import DealParty

    company_merge(
        survivor=Company.objects.get(slug="meta"), duplicates=[Company.objects.get(slug="scale-ai")]
    )
    DealParty.objects.filter(deal__slug="meta-play-ai-acquisition", role="target").delete()
    assert seed_load() == {}
    assert not Company.objects.filter(slug="scale-ai").exists()
    assert not DealParty.objects.filter(
        deal__slug="meta-play-ai-acquisition", role="target"
    ).exists()


def test_the_two_circular_months_are_a_curators_with_a_note_saying_where_from():
    """Neither article states the deal's month or the suit's: each was once inferred from
    the other. They are a curator's, and the notes say where they come from."""
    deal = Deal.objects.get(slug="meta-midjourney-licensing-partnership")
    lawsuit = Lawsuit.objects.get(slug="disney-universal-v-midjourney")
    assert (deal.announced_basis, lawsuit.filed_basis) == ("curator", "curator")
    assert "Threads post (22 August 2025)" in deal.announced_note
    assert "Neither article states the month" in deal.announced_note
    assert "Central District of California (11 June 2025" in lawsuit.filed_note
    for record in (deal, lawsuit):
        assert "inferred" not in record.summary


def test_an_inferred_seed_date_quotes_the_words_it_rests_on():
    for development in Development.objects.filter(occurred_basis="inferred"):
        excerpts = " ".join(development.citations.values_list("excerpt", flat=True))
        assert development.occurred_note
        assert development.occurred_note in excerpts
    assert Development.objects.filter(occurred_basis="inferred").count() == 2


def test_a_database_seeded_before_gets_the_curators_months_unless_edited_since():
    """The data migration that carries the seed's curator dates to earlier databases."""
    from django.apps import apps as current_apps

    migration = import_module("sources.migrations.0009_seed_curator_dates")
    deal = Deal.objects.get(slug="meta-midjourney-licensing-partnership")
    lawsuit = Lawsuit.objects.get(slug="disney-universal-v-midjourney")
    notes = (deal.announced_note, lawsuit.filed_note)
    Deal.objects.filter(pk=deal.pk).update(announced_basis="inferred", announced_note="")
    Lawsuit.objects.filter(pk=lawsuit.pk).update(filed_basis="inferred", filed_note="Edited.")
    migration.seed_curator_dates(current_apps, None)
    deal.refresh_from_db()
    lawsuit.refresh_from_db()
    assert (deal.announced_basis, deal.announced_note) == ("curator", notes[0])
    assert (lawsuit.filed_basis, lawsuit.filed_note) == ("inferred", "Edited.")
