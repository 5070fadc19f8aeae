"""When a reported event is one the tracker already holds."""

from decimal import Decimal

import pytest

from companies.tests.factories import CompanyFactory
from core.dates import PartialDate
from core.money import Money
from deals.matching import (
    amounts_agree,
    dates_agree,
    deal_matching,
    investment_matching,
    lawsuit_matching,
)
from deals.services import Party, deal_create, investment_create, lawsuit_create

pytestmark = pytest.mark.django_db

JUNE = PartialDate.parse("2025-06")


@pytest.mark.parametrize(
    ("recorded", "reported", "agree"),
    [
        ("2025-06", "2025-06-13", True),
        ("2025", "2025-06", True),
        ("2025-06", "2025-08", False),
        ("", "2025-06", True),
    ],
)
def test_dates_agree_when_their_periods_overlap(recorded, reported, agree):
    assert dates_agree(PartialDate.parse(recorded), PartialDate.parse(reported)) is agree


@pytest.mark.parametrize(
    ("recorded", "reported", "agree"),
    [
        (("14000000000", "USD"), ("14300000000", "USD"), True),
        (("14000000000", "USD"), ("10000000000", "USD"), False),
        (("14000000000", "USD"), ("14000000000", "EUR"), False),
        ((None, ""), ("14000000000", "USD"), True),
    ],
)
def test_amounts_agree_within_a_tenth_in_one_currency(recorded, reported, agree):
    def money(amount, currency):
        return Money(Decimal(amount) if amount else None, currency)

    assert amounts_agree(money(*recorded), money(*reported)) is agree


def test_a_deal_with_the_same_kind_parties_and_a_compatible_date_matches():
    meta, scale = CompanyFactory(name="Meta"), CompanyFactory(name="Scale AI")
    deal = deal_create(
        title="Meta and Scale",
        kinds=["partnership"],
        status="announced",
        announced=JUNE,
        parties=[Party(role="partner", company=meta), Party(role="partner", company=scale)],
    )
    found = deal_matching(
        kinds=["partnership", "licensing"],
        companies={meta.pk, scale.pk},
        people=set(),
        announced=PartialDate.parse("2025-06-13"),
        value=Money(),
    )
    assert found == deal
    other_month = PartialDate.parse("2025-09")
    assert not deal_matching(
        kinds=["partnership"],
        companies={meta.pk},
        people=set(),
        announced=other_month,
        value=Money(),
    )
    assert not deal_matching(
        kinds=["acquisition"], companies={meta.pk}, people=set(), announced=JUNE, value=Money()
    )


def test_an_investment_matches_by_investee_investors_and_amount():
    meta, scale = CompanyFactory(name="Meta"), CompanyFactory(name="Scale AI")
    value = Money(Decimal("14000000000"), "USD")
    investment = investment_create(
        investee=scale, investors=[meta], status="announced", value=value
    )
    about = Money(Decimal("14300000000"), "USD", "about")
    assert (
        investment_matching(investee=scale.pk, investors={meta.pk}, announced=JUNE, value=about)
        == investment
    )
    much_less = Money(Decimal("1000000000"), "USD")
    assert not investment_matching(
        investee=scale.pk, investors={meta.pk}, announced=JUNE, value=much_less
    )


def test_a_lawsuit_matches_by_its_parties():
    disney, midjourney = CompanyFactory(name="Disney"), CompanyFactory(name="Midjourney")
    lawsuit = lawsuit_create(
        title="Disney v. Midjourney",
        status="filed",
        filed=JUNE,
        parties=[
            Party(role="plaintiff", company=disney),
            Party(role="defendant", company=midjourney),
        ],
    )
    assert (
        lawsuit_matching(companies={disney.pk, midjourney.pk}, people=set(), filed=JUNE) == lawsuit
    )
    assert not lawsuit_matching(companies=set(), people=set(), filed=JUNE)
