"""Parties that a sentence names but that play no role, or another one: names that are
cue words, names that describe the next one, sellers."""

import pytest

from sources.extraction.events import EventKind
from sources.extraction.pipeline import extract
from sources.models import Article

pytestmark = pytest.mark.django_db


def drafts(text: str, kind: str, language: str = "en"):
    return [d for d in extract(Article(text=text, language=language)).drafts if d.kind == kind]


def roles(draft) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for party in draft.payload["parties"]:
        found.setdefault(party["role"], set()).add(party["name"])
    return found


def test_a_cue_word_inside_a_name_tells_no_event():
    text = "Blackstone and CPP Investments agreed to buy AirTrunk for A$24 billion."
    assert drafts(text, "investment") == []
    [deal] = drafts(text, "deal")
    assert EventKind.ACQUISITION in deal.event_kinds


def test_a_company_that_backs_another_is_no_party_to_its_deal():
    text = "Nvidia-backed CoreWeave said it would acquire Core Scientific for $9 billion."
    [deal] = drafts(text, "deal")
    assert roles(deal) == {"acquirer": {"CoreWeave"}, "target": {"Core Scientific"}}


def test_the_company_that_led_a_round_invested_in_it():
    [investment] = drafts("UK's Nscale raises $1.1 bln in Nvidia-led round", "investment")
    assert investment.payload["investee"]["name"] == "Nscale"
    assert [i["name"] for i in investment.payload["investors"]] == ["Nvidia"]


def test_taking_part_in_the_round_adds_investors():
    text = (
        "Cohere raised $500 million in a round led by Radical Ventures. Existing investors "
        "Nvidia and Salesforce Ventures also took part in the round."
    )
    [investment] = drafts(text, "investment")
    investors = {i["name"] for i in investment.payload["investors"]}
    assert investors == {"Radical Ventures", "Nvidia", "Salesforce Ventures"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Blackstone agreed to buy AirTrunk from Macquarie Asset Management.", "en"),
        ("استحوذت Blackstone على شركة AirTrunk من Macquarie Asset Management.", "ar"),
    ],
)
def test_the_company_bought_from_is_the_seller(text, language):
    [deal] = drafts(text, "deal", language)
    assert roles(deal) == {
        "acquirer": {"Blackstone"},
        "target": {"AirTrunk"},
        "seller": {"Macquarie Asset Management"},
    }


def test_an_amount_goes_to_the_event_it_is_told_with():
    text = (
        "وأعلنت Nvidia أنها ستستثمر 5 مليارات دولار في شركة Intel، إلى جانب شراكة لتطوير "
        "رقائق مشتركة."
    )
    [investment] = drafts(text, "investment", "ar")
    assert investment.payload["value"]["amount"] == "5000000000"
    [deal] = drafts(text, "deal", "ar")
    assert "value" not in deal.payload
