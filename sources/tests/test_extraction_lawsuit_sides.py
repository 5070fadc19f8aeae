"""Who sues whom: the sides of a lawsuit from the sentence, in both languages."""

import pytest

from sources.extraction.pipeline import extract
from sources.models import Article

pytestmark = pytest.mark.django_db


def sides(text: str, language: str) -> list[tuple[set[str], set[str]]]:
    drafts = extract(Article(text=text, language=language)).drafts
    found = []
    for draft in drafts:
        if draft.kind != "lawsuit":
            continue
        by_side = {"plaintiff": set(), "defendant": set()}
        for party in draft.payload["parties"]:
            by_side[party["side"]].add(party["name"])
        found.append((by_side["plaintiff"], by_side["defendant"]))
    return found


@pytest.mark.parametrize(
    ("text", "language", "plaintiffs", "defendants"),
    [
        (
            "Perplexity is facing a lawsuit from Dow Jones and the New York Post over its "
            "use of news articles.",
            "en",
            {"Dow Jones", "New York Post"},
            {"Perplexity"},
        ),
        (
            "Stability AI lost part of a lawsuit brought by Getty Images in London.",
            "en",
            {"Getty Images"},
            {"Stability AI"},
        ),
        (
            "رفض القاضي طلبات شركتي OpenAI ومايكروسوفت إسقاط دعوى انتهاك حقوق النشر التي "
            "رفعتها ضدهما صحيفة The New York Times.",
            "ar",
            {"The New York Times"},
            {"OpenAI", "Microsoft"},
        ),
        (
            "رفضت المحكمة الجزء الأكبر من الدعوى التي أقامتها شركة Getty Images ضد شركة "
            "Stability AI البريطانية.",
            "ar",
            {"Getty Images"},
            {"Stability AI"},
        ),
    ],
)
def test_the_party_that_filed_is_named_after_the_suit(text, language, plaintiffs, defendants):
    assert (plaintiffs, defendants) in sides(text, language)


def test_a_clause_of_its_own_ends_the_list_of_plaintiffs():
    text = (
        "أعلنت شركة Anthropic نتائجها. ولا تقتصر متاعب الشركة على ذلك، إذ تواجه دعوى "
        "رفعتها شركات Universal Music Group و Concord تتهمها باستخدام الأغاني، كما أقامت "
        "منصة Reddit دعوى أخرى."
    )
    found = sides(text, "ar")
    assert ({"Universal Music Group", "Concord Music Group"}, {"Anthropic"}) in found


def test_it_sued_is_the_company_the_story_is_about():
    text = (
        "Reddit said its posts were scraped. In June, it sued Anthropic in California state court."
    )
    assert sides(text, "en") == [({"Reddit"}, {"Anthropic"})]


def test_an_aside_about_the_plaintiff_names_nobody_on_its_side():
    text = (
        "Elon Musk, who co-founded OpenAI with Sam Altman in 2015, sued OpenAI and Altman "
        "last year."
    )
    [(plaintiffs, defendants)] = sides(text, "en")
    assert plaintiffs == {"Elon Musk"}
    assert "OpenAI" in defendants


def test_what_the_suit_accuses_names_no_defendant_and_no_plaintiff_is_sued():
    text = (
        "Reddit has filed a lawsuit against Perplexity and SerpApi, accusing them of "
        "harvesting Reddit posts to feed Google."
    )
    assert sides(text, "en") == [({"Reddit"}, {"Perplexity", "SerpApi"})]
