from decimal import Decimal

import pytest
from django.utils import translation

from core.money import Money, MoneyBasis, MoneyQualifier, compact_amount


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("14000000000"), "14B"),
        (Decimal("2750000000"), "2.75B"),
        (Decimal("100000000"), "100M"),
        (Decimal("120"), "120"),
        (Decimal("1500000000000"), "1.5T"),
    ],
)
def test_compact_amount(amount, text):
    assert compact_amount(amount) == text


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(Decimal("14000000000"), "USD"), "$14B"),
        (Money(Decimal("97000000000"), "USD", MoneyQualifier.ABOUT), "about $97B"),
        (
            Money(Decimal("100000000"), "USD", MoneyQualifier.UP_TO, basis=MoneyBasis.PER_CONTRACT),
            "up to $100M per contract",
        ),
        (Money(Decimal("500000000"), "SAR"), "500M SAR"),
        (Money(undisclosed=True), "undisclosed"),
        (Money(), ""),
    ],
)
def test_money_reads_as_the_source_states_it(money, text):
    with translation.override("en"):
        assert str(money) == text


def test_a_range_shows_both_ends():
    money = Money(Decimal("10"), "USD", basis=MoneyBasis.PER_MONTH)
    with translation.override("en"):
        assert money.text(high=Decimal("120")) == "$10 to $120 per month"
        assert money.text(high=Decimal("10")) == "$10 per month"
    with translation.override("ar"):
        text = money.text(high=Decimal("120"))
        assert text.index("10") < text.index("120")


def test_from_dict_and_as_dict_round_trip():
    money = Money(Decimal("97400000000"), "USD", "about", False, "total")
    assert money.as_dict()["amount"] == "97400000000"
    assert Money.from_dict(money.as_dict()) == money
    assert Money.from_dict({}) == Money()
    assert Money.from_dict({"amount": 120, "currency": "USD"}).amount == Decimal(120)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"amount": 5.5, "currency": "USD"}, "not a float"),
        ({"amount": "five"}, "is not a number"),
        ({"amount": True}, "is not a number"),
        ({"amount": "Infinity"}, "finite"),
        ({"qualifier": "roughly"}, "qualifier must be one of"),
        ({"undisclosed": "yes"}, "true or false"),
        ({"currency": 840}, "currency must be text"),
        ({"colour": "red"}, "Unknown keys"),
        ([], "Give an object"),
    ],
)
def test_from_dict_says_what_is_wrong(given, message):
    with pytest.raises(ValueError, match=message):
        Money.from_dict(given)
