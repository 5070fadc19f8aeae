"""Who does what in an event: values that are not the deal's, people hired."""

import datetime

import pytest

from core.dates import DatePrecision, PartialDate
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


def roles_of(investment) -> tuple[str, set[str]]:
    payload = investment.payload
    return payload["investee"]["name"], {investor["name"] for investor in payload["investors"]}


@pytest.mark.parametrize(
    ("text", "language", "investee", "investors"),
    [
        (
            "قادت شركة ASML جولة تمويل بقيمة 1.7 مليار يورو في شركة Mistral AI الفرنسية.",
            "ar",
            "Mistral AI",
            {"ASML"},
        ),
        ("Nvidia invested $100 million in Mistral AI last year.", "en", "Mistral AI", {"Nvidia"}),
        (
            "Cohere raised $500 million led by Radical Ventures.",
            "en",
            "Cohere",
            {"Radical Ventures"},
        ),
        (
            "Anthropic, backed by Amazon, said on Tuesday it would hire more.",
            "en",
            "Anthropic",
            {"Amazon"},
        ),
    ],
)
def test_the_words_before_a_party_give_its_role_in_an_investment(
    text, language, investee, investors
):
    [investment] = drafts(text, "investment", language=language)
    assert roles_of(investment) == (investee, investors)


def test_a_role_the_sentence_does_not_give_stays_empty():
    text = "Nvidia reported record sales. Earlier, Mistral AI raised $600 million."
    [investment] = drafts(text, "investment")
    assert roles_of(investment) == ("Mistral AI", set())


def test_a_pronoun_ties_a_sentence_to_the_company_before():
    text = "Nvidia reported record sales. It also acquired Run:ai last year."
    [deal] = drafts(text, "deal")
    assert {(p["name"], p["role"]) for p in deal.payload["parties"]} == {
        ("Nvidia", "acquirer"),
        ("Run:ai", "target"),
    }


def test_a_denial_with_an_attached_conjunction_and_still_are_told_apart():
    assert not drafts("ولم تستحوذ مايكروسوفت على Inflection.", "deal", language="ar")
    assert drafts("ولا تزال غيتي إيميجز تلاحق ستابيليتي في دعوى قضائية.", "lawsuit", language="ar")


def test_a_licence_with_one_named_company_leaves_the_other_side_empty():
    [deal] = drafts("The startup signed a licensing agreement with Google last week.", "deal")
    assert [(p["name"], p["role"]) for p in deal.payload["parties"]] == [("Google", "licensor")]


def test_an_event_stated_in_full_elsewhere_is_proposed_once():
    text = (
        "Reddit sues Perplexity over scraping\n"
        "Reddit has filed a lawsuit against Perplexity, SerpApi and Oxylabs on Wednesday."
    )
    [lawsuit] = drafts(text, "lawsuit")
    defendants = {p["name"] for p in lawsuit.payload["parties"] if p["side"] == "defendant"}
    assert defendants == {"Perplexity", "SerpApi", "Oxylabs"}


def test_the_round_named_again_adds_its_lead_and_investors():
    text = (
        "Synthesia has raised $180m in a Series D round. The round was led by NEA, with new "
        "investors WiL and Atlassian Ventures joining existing backers including Accel."
    )
    [investment] = drafts(text, "investment")
    assert roles_of(investment) == ("Synthesia", {"NEA", "WiL", "Atlassian Ventures", "Accel"})
    assert investment.payload["value"]["amount"] == "180000000"


def test_an_arabic_round_led_in_a_later_sentence_adds_its_lead():
    text = (
        "جمعت شركة Mistral AI تمويلاً بقيمة 1.7 مليار يورو في جولة جديدة. "
        "وقادت الجولة شركة ASML بمشاركة شركة Bpifrance."
    )
    [investment] = drafts(text, "investment", language="ar")
    assert roles_of(investment) == ("Mistral AI", {"ASML", "Bpifrance"})


def test_the_complaint_named_again_gives_the_lawsuit_its_date():
    text = (
        "Reddit has filed a lawsuit against Perplexity. The complaint, filed on Wednesday in "
        "federal court in New York, says Perplexity took its posts."
    )
    article = Article(text=text, language="en")
    article.published = PartialDate(datetime.date(2025, 10, 23), DatePrecision.DAY)
    [lawsuit] = [d for d in extract(article).drafts if d.kind == "lawsuit"]
    assert lawsuit.payload["filed"]["date"] == "2025-10-22"


def test_the_events_own_day_outranks_the_datelines():
    text = (
        "TOKYO, March 20 (Reuters) - SoftBank Group said on Wednesday it would buy Ampere "
        "Computing for $6.5 billion."
    )
    article = Article(text=text, language="en")
    article.published = PartialDate(datetime.date(2025, 3, 20), DatePrecision.DAY)
    [deal] = [d for d in extract(article).drafts if d.kind == "deal"]
    assert deal.payload["announced"]["date"] == "2025-03-19"


def test_the_hires_of_a_licence_deal_do_not_take_its_amount():
    text = "Nvidia will license Groq's technology and hire Jonathan Ross in a $20 bln deal."
    found = drafts(text, "deal")
    hiring = [d for d in found if "hiring" in d.payload["kinds"]]
    licence = [d for d in found if "licensing" in d.payload["kinds"]]
    assert licence
    assert licence[0].payload["value"]["amount"] == "20000000000"
    assert hiring
    assert "value" not in hiring[0].payload


def test_a_bid_to_block_something_is_not_a_takeover_bid():
    text = "Judge rejects Elon Musk's bid to block OpenAI's for-profit shift."
    assert not [d for d in drafts(text, "deal") if "bid" in d.event_kinds]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "أعلنت شركة Anthropic نتائجها. كما ضخت فيها أمازون 8 مليارات دولار منذ عام 2023، "
            "فيما استثمرت غوغل نحو 3 مليارات دولار.",
            "ar",
        ),
        (
            "Anthropic reported its results. Amazon invested in it $8 billion since 2023, "
            "while Google invested about $3 billion.",
            "en",
        ),
    ],
)
def test_two_clauses_tell_two_investments_in_the_company_referred_to(text, language):
    found = {
        (d.payload["investee"]["name"], frozenset(roles_of(d)[1])): d.payload["value"]["amount"]
        for d in drafts(text, "investment", language)
    }
    assert found[("Anthropic", frozenset({"Amazon"}))] == "8000000000"
    assert found[("Anthropic", frozenset({"Google"}))] == "3000000000"


def test_an_event_takes_the_date_nearest_its_cue():
    text = (
        "Mistral AI, which its three founders started in Paris in 2023 after leaving Meta "
        "and Google DeepMind, launched the chatbot Le Chat in February 2024."
    )
    [product] = [
        d for d in extract(Article(text=text, language="en")).drafts if d.kind == "product"
    ]
    assert product.payload["launched"]["date"] == "2024-02-01"


def test_a_lawsuit_named_in_a_ruling_does_not_take_the_rulings_day():
    text = (
        "A federal judge ruled on 4 April 2025 that the lawsuit The New York Times filed "
        "against OpenAI in December 2023 could go ahead."
    )
    lawsuits = drafts(text, "lawsuit")
    assert lawsuits
    assert all(d.payload.get("filed", {}).get("date") != "2025-04-04" for d in lawsuits)


def test_an_arabic_launch_takes_the_date_beside_it_not_the_founding_year():
    text = (
        "وتأسست شركة Mistral AI في باريس عام 2023 على يد ثلاثة باحثين سابقين في غوغل "
        "وميتا، وأطلقت في فبراير 2024 روبوت المحادثة «Le Chat»."
    )
    article = Article(text=text, language="ar")
    [product] = [d for d in extract(article).drafts if d.kind == "product"]
    assert product.payload["launched"]["date"] == "2024-02-01"


def test_joining_the_round_adds_investors_not_hires():
    text = (
        "جمعت شركة Wayve 1.05 مليار دولار في جولة قادتها SoftBank. "
        "وأعلنت Wayve أن شركة Nvidia انضمت إلى الجولة كمستثمر جديد."
    )
    [investment] = drafts(text, "investment", language="ar")
    assert roles_of(investment) == ("Wayve", {"SoftBank", "Nvidia"})
    assert not [d for d in drafts(text, "deal", language="ar") if "hiring" in d.event_kinds]


def test_a_round_named_by_its_company_is_that_companys():
    text = "«إم جي إكس» الإماراتية تشارك في جولة تمويل OpenAI بقيمة 6.6 مليار دولار"
    [investment] = drafts(text, "investment", language="ar")
    assert investment.payload["investee"]["name"] == "OpenAI"
