"""Readers' pages in headless Chromium: htmx filters, tabs, search as you type, Arabic."""

import re

import pytest

from conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_dashboard_shows_figures_events_and_charts(seeded_live, browser_page):
    page = browser_page
    page.goto("/")
    assert page.locator(".figure .number").first.inner_text() == "9"
    assert page.locator("svg.chart rect").count() >= 2
    assert page.get_by_role(
        "link", name="Meta licenses Midjourney's image and video generation technology"
    ).first.is_visible()
    screenshot(page, "dashboard-en")


def test_filtering_the_timeline_updates_it_in_place_and_the_url(seeded_live, browser_page):
    page = browser_page
    page.goto("/timeline/")
    assert page.get_by_text("Meta and other companies face similar suits").is_visible()
    page.select_option("#id_company", "midjourney")
    page.wait_for_url(re.compile(r"company=midjourney"))
    page.wait_for_selector("#entries >> text=V1")
    assert page.get_by_text("Meta and other companies face similar suits").count() == 0
    screenshot(page, "timeline-filtered")
    page.go_back()
    page.wait_for_url(re.compile(r"/timeline/$"))


def test_company_profile_tabs_switch_without_a_reload(seeded_live, browser_page):
    page = browser_page
    page.goto("/companies/meta/")
    page.evaluate("window.notReloaded = true")
    page.click(".tabs >> text=Investments")
    page.wait_for_selector('#tab-panel[data-tab="investments"]')
    assert "Investment in Scale AI" in page.inner_text("#tab-panel")
    assert page.evaluate("window.notReloaded") is True
    assert page.url.endswith("?tab=investments")
    assert page.get_attribute(".tabs [aria-current=page]", "href") == "?tab=investments"
    screenshot(page, "company-tabs")


def test_search_as_you_type_reaches_google(seeded_live, browser_page):
    page = browser_page
    page.goto("/search/")
    page.fill("#search-q", "غوغل")
    page.wait_for_selector("#results a[href='/companies/google/']")
    screenshot(page, "search-arabic-spelling")
    page.click("#results a[href='/companies/google/']")
    page.wait_for_url("**/companies/google/")
    assert page.inner_text("h1") == "Google"


def test_switching_to_arabic_turns_the_page_right_to_left(seeded_live, browser_page):
    page = browser_page
    page.goto("/companies/midjourney/")
    page.select_option("#language", "ar")
    page.click(".language-switcher button")
    page.wait_for_url("**/ar/companies/midjourney/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    assert page.inner_text("h1") == "ميدجورني"
    screenshot(page, "company-ar")
    page.goto("/ar/")
    screenshot(page, "dashboard-ar")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/ar/",
        "/timeline/",
        "/companies/meta/",
        "/ar/deals/meta-midjourney-licensing-partnership/",
    ],
)
def test_pages_fit_a_phone_screen(seeded_live, browser_page, path):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(path)
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
    if path == "/ar/":
        screenshot(page, "dashboard-ar-phone")


def test_back_and_forward_restore_the_timeline_controls(seeded_live, browser_page):
    page = browser_page
    page.goto("/timeline/")
    page.select_option("#id_company", "midjourney")
    page.wait_for_url(re.compile(r"company=midjourney"))
    # The swap replaces the form too: choose the next filter on the new one, as a reader
    # would once the list has changed.
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("#entries >> text=V1")
    page.select_option("#id_kind", "deal")
    page.wait_for_url(re.compile(r"kind=deal"))
    page.wait_for_selector("#entries >> text=Meta's earlier acquisition offers")
    page.go_back()
    page.wait_for_url(re.compile(r"company=midjourney&kind=&"))
    page.wait_for_selector("#entries >> text=V1")
    assert page.input_value("#id_company") == "midjourney"
    assert page.input_value("#id_kind") == ""
    page.go_back()
    page.wait_for_url(re.compile(r"/timeline/$"))
    page.wait_for_selector("#entries >> text=Meta and other companies face similar suits")
    assert page.input_value("#id_company") == ""
    page.go_forward()
    page.wait_for_url(re.compile(r"company=midjourney&kind=&"))
    page.wait_for_selector("#entries >> text=V1")
    assert page.input_value("#id_company") == "midjourney"


def test_enter_in_year_adds_one_history_entry(seeded_live, browser_page):
    page = browser_page
    page.goto("/timeline/")
    before = page.evaluate("history.length")
    page.locator("#id_year").press_sequentially("2025")
    page.press("#id_year", "Enter")
    page.wait_for_url(re.compile(r"year=2025"))
    page.wait_for_load_state("networkidle")
    assert page.input_value("#id_year") == "2025"
    assert page.evaluate("history.length") == before + 1


def test_search_as_you_type_replaces_its_history_entry(seeded_live, browser_page):
    page = browser_page
    page.goto("/")
    page.goto("/search/")
    before = page.evaluate("history.length")
    page.locator("#search-q").press_sequentially("Midjourney", delay=350)
    page.wait_for_url(re.compile(r"q=Midjourney$"))
    page.wait_for_selector("#results a[href='/companies/midjourney/']")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("history.length") == before
    page.go_back()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator(".figure").count() == 4
