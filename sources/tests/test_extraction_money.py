from decimal import Decimal

import pytest

from sources.extraction.money import money_mentions
from sources.seed import ARTICLES_DIR


def only(text):
    [mention] = money_mentions(text)
    return mention.money


@pytest.mark.parametrize(
    ("text", "amount", "currency", "qualifier", "basis"),
    [
        ("استثمار بقيمة 14 مليار دولار في شركة", "14000000000", "USD", "exact", "total"),
        ("جمعت 4 مليارات دولار", "4000000000", "USD", "exact", "total"),
        ("بقيمة 2.75 مليار دولار", "2750000000", "USD", "exact", "total"),
        ("بقيمة ٢٫٧٥ مليار دولار", "2750000000", "USD", "exact", "total"),
        ("بعقود تصل قيمتها إلى 100 مليون دولار.", "100000000", "USD", "up_to", "total"),
        ("نحو 97 مليار دولار", "97000000000", "USD", "about", "total"),
        ("حوالي ٥٠٠ مليون يورو", "500000000", "EUR", "about", "total"),
        ("تبدأ من 10 دولارات شهرياً.", "10", "USD", "exact", "per_month"),
        ("تصل إلى 120 دولاراً شهرياً.", "120", "USD", "up_to", "per_month"),
        ("إيرادات سنوية تصل إلى 200 مليون دولار", "200000000", "USD", "up_to", "total"),
        ("صفقة بقيمة 3 ملايين دولار أمريكي", "3000000", "USD", "exact", "total"),
        ("ما لا يقل عن 1.5 مليار ريال سعودي", "1500000000", "SAR", "at_least", "total"),
        # A half or a quarter of the scale, said in words.
        ("بقيمة مليار ونصف المليار دولار", "1500000000", "USD", "exact", "total"),
        ("نحو 3 مليارات ونصف المليار دولار", "3500000000", "USD", "about", "total"),
        ("صفقة بـ 2 مليون وربع دولار", "2250000", "USD", "exact", "total"),
        ("ملياري ونصف دولار", "2500000000", "USD", "exact", "total"),
        ("raised $14.3 billion from investors", "14300000000", "USD", "exact", "total"),
        ("a €500m round", "500000000", "EUR", "exact", "total"),
        ("up to $100 million per contract", "100000000", "USD", "up_to", "per_contract"),
        ("about US$97bn in cash", "97000000000", "USD", "about", "total"),
        ("plans cost $20 a month", "20", "USD", "exact", "per_month"),
        ("valued at 2 billion dollars", "2000000000", "USD", "exact", "total"),
        ("a $1,200,000 grant", "1200000", "USD", "exact", "total"),
        ("more than £3bn", "3000000000", "GBP", "at_least", "total"),
        # Wire scales, and the dollar a letter names.
        ("paid $700 mln for it", "700000000", "USD", "exact", "total"),
        ("a S$873 million deal", "873000000", "SGD", "exact", "total"),
        ("more than A$24 bln", "24000000000", "AUD", "at_least", "total"),
        ("up to C$240m", "240000000", "CAD", "up_to", "total"),
        ("a HK$5.2B plan", "5200000000", "HKD", "exact", "total"),
        ("raised $6.5B", "6500000000", "USD", "exact", "total"),
    ],
)
def test_amounts_in_arabic_and_english(text, amount, currency, qualifier, basis):
    money = only(text)
    assert (money.amount, money.currency, money.qualifier, money.basis) == (
        Decimal(amount),
        currency,
        qualifier,
        basis,
    )


@pytest.mark.parametrize(
    "text", ["في عام 2022", "أطلقت 3 نماذج", "V1 model", "page 14 of 20", "مليار مستخدم", ""]
)
def test_numbers_that_are_not_money_are_left_alone(text):
    assert money_mentions(text) == []


def test_offsets_point_into_the_original_text():
    text = "بقيمة ٢٫٧٥ مليار دولار تقريبا"
    [mention] = money_mentions(text)
    assert text[mention.start : mention.end] == mention.text == "٢٫٧٥ مليار دولار"


def test_the_first_seed_article_states_its_amounts():
    text = (ARTICLES_DIR / "000_1001d59c7aa3159d.txt").read_text(encoding="utf-8")
    found = [(m.money.amount, m.money.qualifier, m.money.basis) for m in money_mentions(text)]
    assert (Decimal("14000000000"), "exact", "total") in found
    assert (Decimal("100000000"), "up_to", "total") in found
    assert (Decimal("97000000000"), "exact", "total") in found
    assert (Decimal("200000000"), "up_to", "total") in found
    assert (Decimal("10"), "exact", "per_month") in found
    assert (Decimal("120"), "up_to", "per_month") in found
    assert len(found) == 6


@pytest.mark.parametrize(
    ("text", "amount", "qualifier"),
    [
        ("استثمار أول بقيمة مليار دولار", 10**9, "exact"),
        ("ما يصل إلى ملياري دولار", 2 * 10**9, "up_to"),
        ("جمعت أكثر من مليار دولار", 10**9, "at_least"),
        ("بنحو مليون دولار", 10**6, "about"),
    ],
)
def test_a_scale_word_without_a_number_is_its_own_number(text, amount, qualifier):
    (mention,) = money_mentions(text)
    assert (mention.money.amount, mention.money.currency, mention.money.qualifier) == (
        amount,
        "USD",
        qualifier,
    )


def test_a_number_before_the_scale_word_is_not_read_twice():
    assert [m.money.amount for m in money_mentions("4 مليارات دولار و2 مليار دولار")] == [
        4 * 10**9,
        2 * 10**9,
    ]
