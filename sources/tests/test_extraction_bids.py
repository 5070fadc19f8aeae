"""Offers to buy: who bids, with whom, and what is not a bid."""

import pytest

from sources.extraction.events import EventKind, event_mentions
from sources.extraction.not_names import is_not_a_name
from sources.extraction.pipeline import extract
from sources.models import Article

pytestmark = pytest.mark.django_db


def bids(text: str, language: str):
    drafts = extract(Article(text=text, language=language)).drafts
    return [d for d in drafts if d.kind == "deal" and EventKind.BID in d.event_kinds]


def by_role(draft) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for party in draft.payload["parties"]:
        roles.setdefault(party["role"], set()).add(party["name"])
    return roles


def test_an_amount_with_a_decimal_point_does_not_cut_the_offer_in_two():
    kinds = [m.kind for m in event_mentions("Musk offered $97.4 billion to buy OpenAI.")]
    assert kinds == [EventKind.BID]


def test_an_arabic_offer_led_by_a_person_names_him_bidder():
    text = (
        "رفض مجلس إدارة شركة OpenAI عرضاً قدّمه تحالف من المستثمرين يقوده إيلون ماسك لشراء "
        "المؤسسة مقابل 97.4 مليار دولار."
    )
    [bid] = bids(text, "ar")
    assert by_role(bid) == {"bidder": {"Elon Musk"}, "target": {"OpenAI"}}


def test_a_consortium_of_investors_is_not_an_alliance():
    text = "تقدم تحالف من المستثمرين بعرض لشراء شركة OpenAI."
    kinds = {m.kind for m in event_mentions(text)}
    assert EventKind.PARTNERSHIP not in kinds


def test_the_offer_told_again_adds_the_consortiums_members():
    text = (
        "رفض مجلس إدارة شركة OpenAI عرضاً قدّمه تحالف من المستثمرين يقوده إيلون ماسك لشراء "
        "المؤسسة. وكان ماسك قد تقدم بعرضه يوم الاثنين مع Baron Capital Group و Vy Capital."
    )
    [bid] = bids(text, "ar")
    assert by_role(bid)["bidder"] == {"Elon Musk", "Baron Capital Group", "Vy Capital"}


@pytest.mark.parametrize("name", ["British AI", "London AI", "Saudi Tech", "Global AI"])
def test_a_place_or_its_adjective_before_ai_is_not_a_name(name):
    assert is_not_a_name(name)


@pytest.mark.parametrize("name", ["Scale AI", "Mistral AI", "Stability AI"])
def test_a_real_name_before_ai_is_a_name(name):
    assert not is_not_a_name(name)


def test_a_known_persons_surname_alone_is_the_same_person():
    text = "قال إيلون ماسك إن العرض جاد. وأضاف ماسك أن الشركة رفضته."
    entities = extract(Article(text=text, language="ar")).entities
    [musk] = [entity for entity in entities if entity.name == "Elon Musk"]
    assert (text.rindex("ماسك"), text.rindex("ماسك") + len("ماسك")) in musk.spans
