"""FilterSets read off a record type's model (`record_filterset`)."""

import pytest

from companies.services import alias_add
from companies.tests.factories import CompanyFactory
from deals.filtersets import record_filterset
from deals.models import Development, DevelopmentKind, Investment, InvestmentStatus

from .factories import DevelopmentFactory, InvestmentFactory

pytestmark = pytest.mark.django_db


def filtered(model, date: str, **params) -> list:
    filterset = record_filterset(model, date)(params, queryset=model.objects.all())
    assert filterset.is_valid(), filterset.errors
    return sorted(record.pk for record in filterset.qs)


def test_its_filters_are_the_models_choices_value_and_links():
    investment_filters = set(record_filterset(Investment, "announced").base_filters)
    development_filters = set(record_filterset(Development, "occurred").base_filters)

    shared = {"company", "year", "date_after", "date_before", "q", "review"}
    assert investment_filters == shared | {"status", "round", "currency", "has_value"}
    assert development_filters == shared | {"kind"}


def test_a_company_is_found_through_a_foreign_key_or_a_many_to_many_link():
    maker, backer = CompanyFactory(slug="maker"), CompanyFactory(slug="backer")
    received = InvestmentFactory(investee=maker)
    made = InvestmentFactory(investors=[backer])
    InvestmentFactory()

    assert filtered(Investment, "announced", company="maker") == [received.pk]
    assert filtered(Investment, "announced", company="backer") == [made.pk]


def test_free_text_matches_a_title_or_a_linked_companys_other_spelling():
    google = CompanyFactory(name="Google")
    alias_add(target=google, name="غوغل")
    named = DevelopmentFactory(title="Courts rule on training data")
    linked = DevelopmentFactory(companies=[google])

    assert filtered(Development, "occurred", q="training data") == [named.pk]
    assert filtered(Development, "occurred", q="غوغل") == [linked.pk]


def test_choices_take_several_values_and_refuse_unknown_ones():
    announced = InvestmentFactory(status=InvestmentStatus.ANNOUNCED)
    completed = InvestmentFactory(status=InvestmentStatus.COMPLETED)
    DevelopmentFactory(kind=DevelopmentKind.MARKET)

    both = filtered(Investment, "announced", status=["announced", "completed"])
    assert both == sorted([announced.pk, completed.pk])
    refused = record_filterset(Development, "occurred")(
        {"kind": "rumour"}, queryset=Development.objects.all()
    )
    assert not refused.is_valid()
    assert "kind" in refused.errors
