"""Synthetic data: reproducible, within every rule of the models, and found by search."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import transaction

from companies.models import Alias, Company
from companies.search import alias_search
from deals.models import Deal, DealParty, DealPartyRole, LawsuitParty
from deals.services.parties import EXCLUSIVE_ROLES
from sources.models import Citation
from sources.synthetic import HUBS, Sizes, synthetic_generate

pytestmark = pytest.mark.django_db

SIZES = Sizes(companies=40, deals=120, investments=30, lawsuits=12)
SAMPLE = 25
DOMAIN_APPS = ("companies", "deals", "sources")


def domain_models():
    return [
        model
        for label in DOMAIN_APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.object_name.startswith("Historical")
    ]


def snapshot() -> dict:
    """Every domain row's values but ids and timestamps, which differ between runs."""
    skipped = {"id", "created_at", "updated_at"}
    data = {}
    for model in domain_models():
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if field.attname not in skipped and not field.is_relation
        ]
        data[model._meta.label] = sorted(
            map(repr, model._default_manager.order_by().values_list(*fields))
        )
    return data


def generated_snapshot(seed: int) -> dict:
    with transaction.atomic():
        synthetic_generate(SIZES, seed=seed, batch_size=7)
        data = snapshot()
        transaction.set_rollback(True)
    return data


@pytest.fixture
def generated():
    return synthetic_generate(SIZES, seed=3, batch_size=16)


def test_the_same_seed_gives_the_same_data():
    first, second = generated_snapshot(5), generated_snapshot(5)
    assert first["deals.Deal"], "nothing was generated"
    assert first == second
    assert generated_snapshot(6)["deals.Deal"] != first["deals.Deal"]


GENERATED = (
    "companies.Company",
    "companies.Alias",
    "companies.Person",
    "companies.Role",
    "companies.Product",
    "deals.Deal",
    "deals.DealParty",
    "deals.Investment",
    "deals.Lawsuit",
    "deals.LawsuitParty",
    "deals.LawsuitEvent",
    "deals.Development",
    "sources.Article",
    "sources.Citation",
)


def test_every_generated_model_gets_rows(generated):
    empty = [label for label in GENERATED if not apps.get_model(label).objects.exists()]
    assert empty == []
    assert Deal.kinds.through.objects.exists()
    assert Company.kinds.through.objects.exists()
    assert generated.rows > SIZES.deals


def test_a_sample_of_each_model_passes_full_clean(generated):
    checked = 0
    for model in domain_models():
        for record in model._default_manager.order_by("?")[:SAMPLE]:
            record.full_clean()
            checked += 1
    assert checked > 300


def test_every_citation_quotes_its_article_verbatim(generated):
    citations = Citation.objects.select_related("article")
    assert citations.count() >= SIZES.deals + SIZES.investments + SIZES.lawsuits
    assert all(citation.excerpt in citation.article.text for citation in citations)


def test_deals_have_two_to_four_parties_in_compatible_roles(generated):
    for deal in Deal.objects.prefetch_related("parties"):
        parties = list(deal.parties.all())
        assert 2 <= len(parties) <= 4, deal
        assert deal.kinds.exists()
        for who in {(p.company_id, p.person_id) for p in parties if p.company_id or p.person_id}:
            held = {p.role for p in parties if (p.company_id, p.person_id) == who}
            assert not any(pair <= held for pair in EXCLUSIVE_ROLES), deal


def test_hub_companies_take_part_in_many_deals(generated):
    hubs = Company.objects.order_by("id")[:HUBS]
    deals_of_hubs = DealParty.objects.filter(company__in=hubs).values("deal").distinct()
    assert deals_of_hubs.count() > SIZES.deals * 0.2
    assert DealParty.objects.filter(role=DealPartyRole.HIRE, company=None, person=None).exists()


def test_lawsuits_have_a_plaintiff_and_a_defendant(generated):
    sides = set(LawsuitParty.objects.values_list("side", flat=True))
    assert {"plaintiff", "defendant"} <= sides


@pytest.mark.parametrize("script", ["latin", "arabic", "variant"])
def test_search_finds_companies_by_each_of_their_names(generated, script):
    found = 0
    for company in Company.objects.order_by("id")[:10]:
        if script == "latin":
            name = company.name
        elif script == "arabic":
            name = company.name_ar
        else:
            variant = company.aliases.filter(is_primary=False).first()
            if variant is None:
                continue
            name = variant.name
        hits = alias_search(name, kinds=["company"], limit=50)
        assert company in [hit.record for hit in hits], name
        found += 1
    assert found >= 5


def test_alias_keys_are_the_projects_own(generated):
    for alias in Alias.objects.order_by("?")[:SAMPLE]:
        key, loose = alias.key, alias.loose_key
        alias.refresh_keys()
        assert (alias.key, alias.loose_key) == (key, loose)


def test_slugs_do_not_clash_with_existing_rows(generated):
    synthetic_generate(Sizes(companies=5, deals=5, investments=0, lawsuits=0), seed=3)
    assert Deal.objects.count() == SIZES.deals + 5


def test_the_command_reports_its_speed(capsys):
    call_command("generate_synthetic", "--companies", "4", "--deals", "6", "--seed", "1")
    out = capsys.readouterr().out
    assert "rows/s" in out
    assert Deal.objects.count() == 6


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--companies", "-1", "--deals", "0"], "--companies cannot be negative"),
        (["--companies", "5", "--deals", "-3"], "--deals cannot be negative"),
        (["--companies", "5", "--deals", "1", "--lawsuits", "-1"], "--lawsuits cannot be"),
        (["--companies", "1", "--deals", "1"], "at least two companies"),
        (["--companies", "5", "--deals", "1", "--batch-size", "0"], "--batch-size must be"),
    ],
)
def test_bad_arguments_are_refused_with_a_sentence(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_synthetic", *arguments)
    assert not Company.objects.exists()
