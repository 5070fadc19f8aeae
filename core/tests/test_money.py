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
