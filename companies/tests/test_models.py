import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from companies.models import Alias, CompanyKind, Metric, MetricKind, Rivalry
from companies.tests.factories import CompanyFactory, PersonFactory, RoleFactory
from core.dates import DatePrecision, PartialDate

pytestmark = pytest.mark.django_db


def test_every_company_kind_exists_as_a_row():
    assert set(CompanyKind.objects.values_list("code", flat=True)) == set(CompanyKind.Code.values)


def test_a_company_can_be_a_startup_and_a_lab_at_once():
    company = CompanyFactory(kinds=["startup", "research_lab"])
    assert set(company.kinds.values_list("code", flat=True)) == {"startup", "research_lab"}


def test_founded_month_is_stored_with_its_precision():
    company = CompanyFactory()
    company.founded = PartialDate(datetime.date(2022, 7, 12), DatePrecision.MONTH)
    company.full_clean()
    company.save()
    company.refresh_from_db()
    assert (company.founded_on, company.founded_precision) == (datetime.date(2022, 7, 1), "month")


def test_a_date_without_precision_is_refused_with_a_field_message():
    company = CompanyFactory.build(founded_on=datetime.date(2022, 1, 1))
    with pytest.raises(ValidationError) as error:
        company.full_clean()
    assert "founded_precision" in error.value.message_dict


def test_a_role_cannot_end_before_it_starts():
    role = RoleFactory.build(
        person=PersonFactory(),
        company=CompanyFactory(),
        started=PartialDate.parse("2024-05"),
        ended=PartialDate.parse("2023"),
    )
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert error.value.message_dict["ended_on"] == ["A role cannot end before it starts."]


def test_a_role_ending_in_its_starting_year_is_fine_across_precisions():
    role = RoleFactory.build(
        person=PersonFactory(),
        company=CompanyFactory(),
        started=PartialDate.parse("2024-05"),
        ended=PartialDate.parse("2024"),
    )
    role.full_clean()


def test_the_database_refuses_a_role_ending_years_before_it_starts():
    role = RoleFactory(started=PartialDate.parse("2024"))
    role.ended = PartialDate.parse("2020")
    with pytest.raises(IntegrityError):
        role.save()


def test_metric_range_and_money_rules():
    company = CompanyFactory()
    metric = Metric(
        company=company,
        kind=MetricKind.PRICE,
        value_amount=Decimal("120"),
        value_currency="USD",
        value_high=Decimal("10"),
    )
    with pytest.raises(ValidationError) as error:
        metric.full_clean()
    assert "value_high" in error.value.message_dict


def test_a_metric_reads_with_both_ends_of_its_range():
    metric = Metric(
        company=CompanyFactory(name="Lumen"),
        kind=MetricKind.PRICE,
        value_amount=Decimal("10"),
        value_currency="USD",
        value_basis="per_month",
        value_high=Decimal("120"),
        projected=True,
    )
    with translation.override("en"):
        assert metric.figure == "$10 to $120 per month"
        assert str(metric) == "Lumen: price $10 to $120 per month (projected)"


def test_a_metric_amount_needs_a_currency():
    metric = Metric(company=CompanyFactory(), kind=MetricKind.REVENUE, value_amount=Decimal(5))
    with pytest.raises(ValidationError) as error:
        metric.full_clean()
    assert error.value.message_dict["value_currency"] == [
        "An amount needs its currency (an ISO 4217 code such as USD)."
    ]


def test_a_metric_needs_a_figure():
    with pytest.raises(IntegrityError):
        Metric.objects.create(company=CompanyFactory(), kind=MetricKind.USERS)


def test_a_company_is_not_its_own_rival():
    company = CompanyFactory()
    with pytest.raises(ValidationError, match="not its own rival"):
        Rivalry(company=company, rival=company).full_clean()


def test_alias_keys_are_computed_on_save():
    alias = Alias.objects.create(company=CompanyFactory(), name="غُوغِل")
    assert (alias.key, alias.loose_key) == ("غوغل", "kl")


def test_an_alias_names_exactly_one_record():
    with pytest.raises(IntegrityError):
        Alias.objects.create(company=CompanyFactory(), person=PersonFactory(), name="Both")
