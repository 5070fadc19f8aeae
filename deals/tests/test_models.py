from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from companies.tests.factories import CompanyFactory, PersonFactory
from deals.models import (
    Deal,
    DealKind,
    DealParty,
    Investment,
    InvestmentStatus,
    LawsuitParty,
    LawsuitSide,
)
from deals.tests.factories import (
    DealFactory,
    DealPartyFactory,
    LawsuitFactory,
    LawsuitPartyFactory,
)

pytestmark = pytest.mark.django_db


def test_every_deal_kind_exists_as_a_row():
    assert set(DealKind.objects.values_list("code", flat=True)) == set(DealKind.Code.values)


def test_a_deal_of_two_kinds_is_found_by_either():
    deal = DealFactory(kinds=["partnership", "licensing"])
    DealFactory(kinds=["acquisition"])
    assert list(Deal.objects.filter(kinds="licensing")) == [deal]
    assert list(Deal.objects.filter(kinds="partnership")) == [deal]


def test_a_negative_amount_is_refused():
    deal = DealFactory.build(value_amount=Decimal("-5"), value_currency="USD")
    with pytest.raises(ValidationError) as error:
        deal.full_clean()
    assert "An amount cannot be negative." in error.value.message_dict["value_amount"]


def test_an_amount_without_currency_is_refused():
    deal = DealFactory.build(value_amount=Decimal("14000000000"))
    with pytest.raises(ValidationError) as error:
        deal.full_clean()
    assert error.value.message_dict["value_currency"] == [
        "An amount needs its currency (an ISO 4217 code such as USD)."
    ]


def test_the_database_also_refuses_an_amount_without_currency():
    with pytest.raises(IntegrityError):
        DealFactory(value_amount=Decimal(1))


def test_a_value_cannot_be_both_undisclosed_and_given():
    deal = DealFactory.build(value_amount=Decimal(1), value_currency="USD", value_undisclosed=True)
    with pytest.raises(ValidationError) as error:
        deal.full_clean()
    assert "value_undisclosed" in error.value.message_dict


def test_a_currency_is_an_iso_code():
    deal = DealFactory.build(value_amount=Decimal(1), value_currency="dollars")
    with pytest.raises(ValidationError) as error:
        deal.full_clean()
    assert "value_currency" in error.value.message_dict


def test_a_party_has_a_role_once_per_deal():
    party = DealPartyFactory()
    duplicate = DealParty(deal=party.deal, company=party.company, role=party.role)
    with pytest.raises(ValidationError, match="already has this role"):
        duplicate.full_clean()
    DealParty(deal=party.deal, company=party.company, role="licensee").full_clean()


def test_a_party_is_a_company_a_person_or_a_described_group():
    deal = DealFactory()
    with pytest.raises(ValidationError, match="not both"):
        DealParty(
            deal=deal, company=CompanyFactory(), person=PersonFactory(), role="partner"
        ).clean()
    with pytest.raises(ValidationError, match="describe the unnamed party"):
        DealParty(deal=deal, role="hire").clean()
    group = DealParty(deal=deal, unnamed_description="dozens of researchers", role="hire")
    group.full_clean()
    group.save()
    with pytest.raises(IntegrityError):
        DealParty.objects.create(deal=deal, role="hire")


def test_a_plaintiff_cannot_also_be_the_defendant():
    lawsuit = LawsuitFactory()
    company = CompanyFactory()
    LawsuitPartyFactory(lawsuit=lawsuit, company=company, side=LawsuitSide.PLAINTIFF)
    defendant = LawsuitParty(lawsuit=lawsuit, company=company, side=LawsuitSide.DEFENDANT)
    with pytest.raises(ValidationError) as error:
        defendant.full_clean()
    assert "cannot be both plaintiff and defendant" in str(error.value)


def test_a_stake_is_a_percentage():
    investment = Investment(
        investee=CompanyFactory(), status=InvestmentStatus.ANNOUNCED, stake_percent=Decimal(120)
    )
    with pytest.raises(ValidationError) as error:
        investment.full_clean()
    assert "stake_percent" in error.value.message_dict
