"""Every seed deal, investment and lawsuit on the timeline page in a real browser, under
each filter that should keep it: chosen with the page's controls, or given in the URL."""

import re
from urllib.parse import urlencode

import pytest

from deals.models import Deal, Investment, Lawsuit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

#: The seed's records by English title: their page, Arabic title and every filter that
#: must keep them (kind, status, each company involved in any role, the year if dated,
#: and some of these together).
RECORDS = {
    "Meta licenses Midjourney's image and video generation technology": {
        "page": "/deals/meta-midjourney-licensing-partnership/",
        "title_ar": "شراكة ميتا وميدجورني لترخيص تقنيات توليد الصور والفيديو",
        "filters": [
            {"kind": "deal"},
            {"status": "announced"},
            {"company": "meta"},
            {"company": "midjourney"},
            {"year": "2025"},
            {"company": "midjourney", "kind": "deal", "status": "announced", "year": "2025"},
        ],
    },
    "Meta acquires Play AI": {
        "page": "/deals/meta-play-ai-acquisition/",
        "title_ar": "استحواذ ميتا على بلاي إيه آي",
        "filters": [
            {"kind": "deal"},
            {"status": "announced"},
            {"company": "meta"},
            {"company": "play-ai"},
            {"company": "play-ai", "kind": "deal", "status": "announced"},
        ],
    },
    "Meta's hiring campaign for AI researchers": {
        "page": "/deals/meta-ai-researcher-hiring-campaign/",
        "title_ar": "حملة ميتا لتوظيف باحثي الذكاء الاصطناعي",
        "filters": [
            {"kind": "deal"},
            {"status": "announced"},
            {"company": "meta"},
            {"company": "meta", "kind": "deal", "status": "announced"},
        ],
    },
    "The $97B bid to acquire OpenAI": {
        "page": "/deals/openai-97b-acquisition-bid/",
        "title_ar": "محاولة الاستحواذ على OpenAI بقيمة 97 مليار دولار",
        "filters": [
            {"kind": "deal"},
            {"status": "rejected"},
            {"company": "openai"},
            # Meta declined to join the bid: a party all the same.
            {"company": "meta"},
            {"company": "openai", "kind": "deal", "status": "rejected"},
        ],
    },
    "Meta's earlier acquisition offers for Midjourney": {
        "page": "/deals/meta-midjourney-acquisition-offers/",
        "title_ar": "عروض ميتا السابقة للاستحواذ على ميدجورني",
        "filters": [
            {"kind": "deal"},
            {"status": "rejected"},
            {"company": "meta"},
            {"company": "midjourney"},
            {"company": "midjourney", "kind": "deal", "status": "rejected"},
        ],
    },
    "Investment in Scale AI": {
        "page": "/investments/meta-investment-in-scale-ai/",
        "title_ar": "استثمار في سكيل إيه آي",
        "filters": [
            {"kind": "investment"},
            {"status": "announced"},
            {"company": "scale-ai"},
            {"company": "meta"},
            {"company": "meta", "kind": "investment", "status": "announced"},
        ],
    },
    "Disney and Universal v. Midjourney": {
        "page": "/lawsuits/disney-universal-v-midjourney/",
        "title_ar": "ديزني ويونيفرسال ضد ميدجورني",
        "filters": [
            {"kind": "lawsuit"},
            {"status": "filed"},
            {"company": "disney"},
            {"company": "universal"},
            {"company": "midjourney"},
            {"year": "2025"},
            {"company": "disney", "kind": "lawsuit", "status": "filed", "year": "2025"},
        ],
    },
}


def seed_titles() -> set[str]:
    """The English titles the timeline gives the seed's deals, investments and lawsuits."""
    deals = Deal.objects.values_list("title", flat=True)
    lawsuits = Lawsuit.objects.values_list("title", flat=True)
    investments = (
        f"Investment in {name}"
        for name in Investment.objects.values_list("investee__name", flat=True)
    )
    return {*deals, *lawsuits, *investments}


def assert_listed(page, title: str, record_page: str, where: str) -> None:
    """The filtered timeline shows the entry's title, linking to its page, and no
    "no events" line."""
    link = page.locator("#entries .entry > a", has_text=re.compile(f"^{re.escape(title)}$"))
    assert link.count() == 1, f"{title!r} not on {where}"
    assert link.is_visible(), f"{title!r} hidden on {where}"
    assert link.get_attribute("href") == record_page, where
    assert page.locator("#entries li.muted").count() == 0, f"'No events match' on {where}"
    assert page.get_by_text("No events match").count() == 0, where


def choose(page, control: str, value: str, query: str) -> None:
    """Choose `value` in a timeline control and wait for the list it brings.

    htmx pushes the URL before it swaps the region in, form included: the old region is
    marked, so the wait ends once the new one is there for the next choice.
    """
    page.eval_on_selector("#timeline-region", "region => { region.dataset.replaced = 'no'; }")
    page.select_option(control, value)
    page.wait_for_url(re.compile(query))
    page.wait_for_selector("#timeline-region:not([data-replaced])", state="attached")
    assert page.input_value(control) == value


def test_the_cases_cover_every_seed_deal_investment_and_lawsuit(seeded_live):
    assert seed_titles() == set(RECORDS)


def test_the_controls_find_the_scale_ai_investment(seeded_live, browser_page):
    page = browser_page
    page.goto("/timeline/")
    choose(page, "#id_company", "scale-ai", r"company=scale-ai")
    choose(page, "#id_kind", "investment", r"kind=investment")
    choose(page, "#id_status", "announced", r"status=announced")
    assert_listed(
        page, "Investment in Scale AI", "/investments/meta-investment-in-scale-ai/", page.url
    )
    assert page.locator("#entries .entry").count() == 1
    page.locator("#entries .entry > a").click()
    page.wait_for_url("**/investments/meta-investment-in-scale-ai/")
    assert "Scale AI" in page.inner_text("h1")


def test_the_arabic_controls_find_both_rejected_offers(seeded_live, browser_page):
    page = browser_page
    page.goto("/ar/timeline/")
    assert page.get_attribute("html", "dir") == "rtl"
    choose(page, "#id_status", "rejected", r"/ar/timeline/\?.*status=rejected")
    for title in (
        "The $97B bid to acquire OpenAI",
        "Meta's earlier acquisition offers for Midjourney",
    ):
        record = RECORDS[title]
        assert_listed(page, record["title_ar"], f"/ar{record['page']}", page.url)
    assert page.locator("#entries .entry").count() == 2


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_record_is_on_the_timeline_under_each_matching_filter(
    seeded_live, browser_page, language
):
    page = browser_page
    prefix = "" if language == "en" else "/ar"
    for title, record in RECORDS.items():
        shown = title if language == "en" else record["title_ar"]
        for filters in record["filters"]:
            url = f"{prefix}/timeline/?{urlencode(filters)}"
            page.goto(url)
            assert_listed(page, shown, f"{prefix}{record['page']}", url)
            for name, value in filters.items():
                assert page.input_value(f"#id_{name}") == value, (url, name)
