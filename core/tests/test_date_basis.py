"""Where each date comes from: the rule on basis and note, on every model with a date."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from companies.tests.factories import (
    CompanyFactory,
    MetricFactory,
    ProductFactory,
    RoleFactory,
    StatementFactory,
)
from core.dates import DateBasis, PartialDate
from core.models import partial_date_names
from deals.services import deal_create, lawsuit_event_add
from deals.tests.factories import (
    DealFactory,
    DealTransitionFactory,
    DevelopmentFactory,
    InvestmentFactory,
    LawsuitEventFactory,
    LawsuitFactory,
)
from sources.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2025, 6, 1)

FACTORIES = {
    "companies.Company": CompanyFactory,
    "companies.Metric": MetricFactory,
    "companies.Product": ProductFactory,
    "companies.Role": RoleFactory,
    "companies.Statement": StatementFactory,
    "deals.Deal": DealFactory,
    "deals.Investment": InvestmentFactory,
    "deals.Lawsuit": LawsuitFactory,
    "deals.LawsuitEvent": LawsuitEventFactory,
    "deals.Development": DevelopmentFactory,
    "deals.DealTransition": DealTransitionFactory,
    "sources.Article": ArticleFactory,
}

DATED = [(label, name) for label in FACTORIES for name in partial_date_names(apps.get_model(label))]


def test_every_model_with_a_date_is_covered_here():
    dated = {
        model._meta.label
        for model in apps.get_models()
        if partial_date_names(model)
        and not model._meta.label.split(".")[1].startswith("Historical")
    }
    assert dated == set(FACTORIES)


@pytest.mark.parametrize(("label", "name"), DATED)
def test_a_curators_date_needs_a_note(label, name):
    record = FACTORIES[label]()
    setattr(record, name, PartialDate(JUNE, "month", DateBasis.CURATOR))
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "needs a note saying where it comes from" in str(
        error.value.message_dict[f"{name}_note"]
    )
    setattr(record, name, PartialDate(JUNE, "month", DateBasis.CURATOR, "The court's docket."))
    record.full_clean()
    record.save()
    record.refresh_from_db()
    assert getattr(record, name) == PartialDate(JUNE, "month", "curator", "The court's docket.")


@pytest.mark.parametrize(("label", "name"), DATED)
def test_the_database_refuses_a_curators_date_without_a_note(label, name):
    record = FACTORIES[label]()
    rows = type(record)._base_manager.filter(pk=record.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(
            **{f"{name}_on": JUNE, f"{name}_precision": "month", f"{name}_basis": "curator"}
        )


@pytest.mark.parametrize(("label", "name"), DATED)
def test_an_inferred_date_may_quote_its_excerpt_and_an_unknown_date_has_no_basis(label, name):
    record = FACTORIES[label]()
    setattr(record, name, PartialDate(JUNE, "month", DateBasis.INFERRED, "last June"))
    record.full_clean()
    record.save()
    record.refresh_from_db()
    assert (getattr(record, name).inferred, getattr(record, name).note) == (True, "last June")
    setattr(record, f"{name}_on", None)
    setattr(record, f"{name}_precision", "unknown")
    record.full_clean()
    assert (getattr(record, f"{name}_basis"), getattr(record, f"{name}_note")) == ("stated", "")


def test_the_services_refuse_a_curators_date_without_a_note():
    curator_date = {"date": "2025-06", "basis": "curator"}
    with pytest.raises(ValueError, match="needs a note"):
        PartialDate.from_dict(curator_date)
    with pytest.raises(ValidationError) as error:
        deal_create(
            title="Quiet deal",
            kinds=["partnership"],
            status="announced",
            announced=PartialDate(JUNE, "month", DateBasis.CURATOR),
        )
    assert "announced_note" in error.value.message_dict
    deal = deal_create(
        title="Quiet deal",
        kinds=["partnership"],
        status="announced",
        announced=PartialDate.from_dict({**curator_date, "note": "The companies' filing."}),
    )
    assert (deal.announced_basis, deal.announced_note) == ("curator", "The companies' filing.")
    event = lawsuit_event_add(
        lawsuit=LawsuitFactory(),
        kind="ruling",
        summary="A ruling",
        occurred=PartialDate(JUNE, "month", DateBasis.INFERRED, "last month"),
    )
    assert (event.occurred_basis, event.occurred_note) == ("inferred", "last month")
