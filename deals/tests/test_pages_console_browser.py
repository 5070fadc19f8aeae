"""Readers' pages in headless Chromium log nothing: no script error, no failed request, no
Content Security Policy violation, on load or after an htmx swap, in either language."""

import re

import pytest

from sources.models import Article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

#: Logs every CSP violation, including those Chromium reports only as an event.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => console.error(
    `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`));
"""

PAGES = [
    "/",
    "/timeline/",
    "/companies/meta/",
    "/deals/meta-midjourney-licensing-partnership/",
    "/articles/{article}/",
    "/search/?q=meta",
    "/people/alexandr-wang/",
]


@pytest.fixture
def logged(browser_page):
    """The browser page, and the list its console errors and uncaught exceptions go to."""
    problems = []
    browser_page.on(
        "console",
        lambda message: (
            problems.append(f"{browser_page.url}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    browser_page.on("pageerror", lambda error: problems.append(f"{browser_page.url}: {error}"))
    browser_page.add_init_script(REPORT_VIOLATIONS)
    return browser_page, problems


def visit(page, path: str) -> None:
    page.goto(path)
    page.wait_for_load_state("networkidle")


def _article_id() -> int:
    return Article.objects.get(title__startswith="ميتا تتحالف").pk


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_main_pages_log_nothing(seeded_live, logged, prefix):
    page, problems = logged
    article = _article_id()
    for path in PAGES:
        visit(page, prefix + path.format(article=article))
        assert page.locator("h1").count() >= 1, path
    assert problems == []


def test_the_api_docs_log_nothing_when_used(seeded_live, logged):
    page, problems = logged
    visit(page, "/api/v1/docs/")
    page.locator(".opblock-summary").first.click()
    page.get_by_role("button", name="Try it out").first.click()
    page.locator(".execute").first.click()
    page.wait_for_selector(".live-responses-table .response-col_status")
    assert problems == []


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_htmx_swaps_log_nothing(seeded_live, logged, prefix):
    page, problems = logged
    visit(page, f"{prefix}/timeline/")
    page.select_option("#id_company", "midjourney")
    page.wait_for_url(re.compile(r"company=midjourney"))
    page.wait_for_selector("#entries >> text=V1")
    page.go_back()
    page.wait_for_url(re.compile(r"/timeline/$"))
    page.wait_for_load_state("networkidle")

    visit(page, f"{prefix}/search/")
    page.locator("#search-q").press_sequentially("غوغل", delay=50)
    page.wait_for_selector(f"#results a[href='{prefix}/companies/google/']")
    page.wait_for_load_state("networkidle")

    visit(page, f"{prefix}/companies/meta/")
    page.click(".tabs a[href='?tab=investments']")
    page.wait_for_selector('#tab-panel[data-tab="investments"]')
    page.wait_for_load_state("networkidle")
    assert problems == []


def test_an_arabic_404_shows_the_sites_chrome(seeded_live, logged):
    page, problems = logged
    response = page.goto("/ar/no-such-page/")
    assert response.status == 404
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("h1") == "الصفحة غير موجودة"
    assert page.locator(".site-header nav a[href='/ar/timeline/']").is_visible()
    assert page.locator("#site-search-q").is_visible()
    # The failed request itself is the only thing logged.
    assert [problem for problem in problems if "404" not in problem] == []
