"""Who does what in an event: values that are not the deal's, people hired."""

import pytest

from sources.extraction.pipeline import extract
from sources.models import Article

pytestmark = pytest.mark.django_db


def drafts(text: str, kind: str, language: str = "en"):
    return [d for d in extract(Article(text=text, language=language)).drafts if d.kind == kind]


def test_a_valuation_is_not_the_rounds_amount():
    [investment] = drafts(
        "At a valuation of $6.8 billion, Cohere raised $500 million led by Radical Ventures.",
        "investment",
    )
    assert investment.payload["value"]["amount"] == "500000000"


def test_a_deal_valued_at_an_amount_keeps_it():
    [deal] = drafts("SoftBank will buy Ampere Computing in a deal valued at $6.5 billion.", "deal")
    assert deal.payload["value"]["amount"] == "6500000000"


def test_an_arabic_valuation_is_not_the_rounds_amount():
    [investment] = drafts(
        "جمعت شركة Anthropic بتقييم 183 مليار دولار تمويلاً بقيمة 13 مليار دولار من ICONIQ.",
        "investment",
        language="ar",
    )
    assert investment.payload["value"]["amount"] == "13000000000"


def test_hiring_names_the_people_hired():
    [deal] = drafts("Microsoft hired Mustafa Suleyman and Karen Simonyan from Inflection.", "deal")
    roles = {(party["name"], party["role"]) for party in deal.payload["parties"]}
    assert ("Microsoft", "employer") in roles
    assert ("Mustafa Suleyman", "hire") in roles
