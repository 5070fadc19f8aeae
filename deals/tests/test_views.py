"""Reader pages: content, htmx partials, Arabic, redirects, constant query counts."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from companies.models import Alias, Company
from companies.services import company_merge
from companies.tests.factories import CompanyFactory, PersonFactory
from deals.models import DealParty
from deals.tests.factories import (
    DealFactory,
    DealPartyFactory,
    LawsuitFactory,
    LawsuitPartyFactory,
)
from sources.models import Article
from sources.tests.factories import ArticleFactory

HTMX = {"HX-Request": "true"}


def page(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.usefixtures("seeded")
class TestDashboard:
    def test_figures_events_charts_and_connected_companies(self, client):
        html = page(client, reverse("deals:home"))
        assert '<span class="number">9</span>' in html
        assert "$14B" in html
        assert "Meta licenses Midjourney" in html
        assert '<svg class="chart"' in html
        assert ">2025</text>" in html
        assert "<meter" in html
        assert "4 counterparts" in html

    def test_arabic_is_right_to_left_with_arabic_amounts_and_dates(self, client):
        html = page(client, "/ar/")
        assert '<html lang="ar" dir="rtl">' in html
        assert "97 مليار دولار" in html
        assert "أغسطس 2025" in html
        assert "ميدجورني" in html

    def test_a_strict_content_security_policy_and_a_nonced_htmx(self, client):
        response = client.get(reverse("deals:home"))
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "unsafe-inline" not in policy
        nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
        html = response.content.decode()
        assert re.search(
            rf'<script src="/static/django_htmx/htmx-2[^"]*"[^>]* nonce="{nonce}"', html
        )

    def test_figures_are_cached_until_the_data_changes(self, client):
        page(client, reverse("deals:home"))
        with CaptureQueriesContext(connection) as cached:
            page(client, reverse("deals:home"))
        Company.objects.filter(slug="meta").update(website="https://meta.com")
        with CaptureQueriesContext(connection) as fresh:
            page(client, reverse("deals:home"))
        assert len(cached) < len(fresh)


@pytest.mark.usefixtures("seeded")
class TestTimeline:
    def test_the_whole_page_and_the_htmx_partial(self, client):
        full = client.get(reverse("deals:timeline"))
        assert "<html" in full.content.decode()
        assert "HX-Request" in full["Vary"]
        partial = page(client, reverse("deals:timeline"), headers=HTMX)
        assert "<html" not in partial
        assert partial.strip().startswith('<div id="timeline-region">')
        assert '<ol class="timeline" id="entries"' in partial

    def test_the_htmx_partial_renders_the_form_with_the_urls_filters(self, client):
        """htmx keeps the region for Back and Forward: its controls must match its URL."""
        html = page(
            client,
            reverse("deals:timeline"),
            data={"company": "midjourney", "year": "2025"},
            headers=HTMX,
        )
        assert re.search(r'<option value="midjourney"[^>]* selected', html)
        assert re.search(r'<input[^>]+name="year"[^>]+value="2025"', html)
        assert 'hx-sync="this:replace"' in html

    def test_filters_by_company_kind_and_year(self, client):
        # The htmx partial: the whole page's random CSRF token could spell "V1".
        html = page(client, reverse("deals:timeline"), data={"company": "disney"}, headers=HTMX)
        assert "Disney and Universal v. Midjourney" in html
        assert "V1" not in html
        founding = page(client, reverse("deals:timeline"), data={"kind": "founding"})
        assert "Midjourney" in founding
        assert "Meta licenses" not in founding
        assert "No events match" in page(client, reverse("deals:timeline"), data={"year": "1999"})
        filed = page(client, reverse("deals:timeline"), data={"status": "filed"})
        assert "Disney and Universal v. Midjourney" in filed
        assert "Meta licenses" not in filed

    def test_several_kinds_as_the_api_takes_them(self, client):
        html = page(client, reverse("deals:timeline") + "?kind=founding&kind=lawsuit")
        assert "Disney and Universal v. Midjourney" in html
        assert "entry-founding" in html
        assert "Meta licenses" not in html

    def test_bad_filters_show_a_message_not_an_error(self, client):
        html = page(client, reverse("deals:timeline"), data={"year": "soon", "kind": "x"})
        assert 'class="error"' in html

    def test_more_loads_the_next_entries_in_place(self, client):
        for n in range(30):
            DealFactory(
                title=f"Dated deal {n}",
                announced_on=datetime.date(2024, 1, 1),
                announced_precision="year",
            )
        first = page(client, reverse("deals:timeline"))
        assert 'class="more-row"' in first
        next_href = first.split('class="more" href="')[1].split('"')[0].replace("&amp;", "&")
        more = page(client, reverse("deals:timeline") + next_href, headers=HTMX)
        assert more.strip().startswith("<li")
        assert "<ol" not in more
        assert "Midjourney" in more

    def test_a_mangled_cursor_starts_over(self, client):
        assert "Meta licenses" in page(client, reverse("deals:timeline"), data={"cursor": "@@"})


@pytest.mark.usefixtures("seeded")
class TestRecordPages:
    def test_deal_page_with_parties_and_sources(self, client):
        html = page(client, reverse("deals:deal", args=["meta-midjourney-licensing-partnership"]))
        assert "licensor" in html
        # Each party once, with all its roles.
        assert html.count('href="/companies/meta/"') == 1
        assert re.search(r'<span class="role">licensee, partner</span>', html)
        assert "undisclosed" in html
        assert "7 sources" in html
        assert "عدم الإفصاح عن الشروط المالية" in html

    def test_a_deal_by_id_redirects_to_its_slug(self, client):
        deal_id = DealParty.objects.filter(role="bidder", person__slug="elon-musk").get().deal_id
        response = client.get(reverse("deals:deal", args=[str(deal_id)]))
        assert response.status_code == 301
        assert response["Location"] == reverse("deals:deal", args=["openai-97b-acquisition-bid"])

    def test_lawsuit_investment_and_person_pages(self, client):
        lawsuit = page(client, reverse("deals:lawsuit", args=["disney-universal-v-midjourney"]))
        assert "plaintiff" in lawsuit
        assert "June 2025" in lawsuit
        investment = page(client, reverse("deals:investment", args=["meta-investment-in-scale-ai"]))
        assert "$14B" in investment
        person = page(client, reverse("companies:person", args=["alexandr-wang"]))
        assert "Head of AI" in person
        assert "ألكسندر وانج" in person

    def test_article_page_highlights_the_cited_passages(self, client):
        article = Article.objects.get(title__startswith="ميتا تتحالف")
        html = page(client, reverse("sources:article", args=[article.pk]))
        assert "<mark>" in html
        assert "Meta licenses Midjourney" in html
        assert "$10 to $120 per month" in html

    def test_news_text_is_only_for_curators(self, client, curator):
        article = ArticleFactory(text="Paywalled news text about a deal.", text_is_public=False)
        assert "Paywalled news text" not in page(
            client, reverse("sources:article", args=[article.pk])
        )
        client.force_login(curator)
        assert "Paywalled news text" in page(client, reverse("sources:article", args=[article.pk]))

    @pytest.mark.parametrize(
        ("who", "reads"),
        [(None, False), ("staff", False), ("reviewer", True), ("curator", True)],
    )
    def test_the_page_shows_news_text_to_whom_the_api_does(
        self, client, api_client, django_user_model, request, who, reads
    ):
        """Being staff is not enough: a staff account in no group reads excerpts only."""
        article = ArticleFactory(text="Paywalled news text about a deal.", text_is_public=False)
        if who == "staff":
            user = django_user_model.objects.create_user("staff", is_staff=True)
        elif who:
            user = request.getfixturevalue(who)
        if who:
            client.force_login(user)
            api_client.force_authenticate(user)
        html = page(client, reverse("sources:article", args=[article.pk]))
        api_text = api_client.get(f"/api/v1/articles/{article.pk}/").json()["text"]
        assert ("Paywalled news text" in html) is reads
        assert (api_text is not None) is reads

    def test_unknown_records_are_404s(self, client):
        assert client.get(reverse("deals:deal", args=["nothing-here"])).status_code == 404
        assert client.get("/companies/nothing-here/").status_code == 404


@pytest.mark.usefixtures("seeded")
class TestDevelopmentPage:
    SLUG = "meta-faces-similar-training-data-suits"

    def test_title_kind_date_companies_summary_and_sources(self, client):
        html = page(client, reverse("deals:development", args=[self.SLUG]))
        assert (
            '<h1 dir="auto">Meta and other companies face similar suits over training data</h1>'
            in html
        )
        assert "litigation" in html
        assert '2025 <small class="basis basis-inferred">(inferred from «فيما تواجه' in html
        assert (
            f'<a href="{reverse("companies:company", args=["meta"])}"><bdi>Meta</bdi></a>' in html
        )
        assert "several other companies face lawsuits" in html
        assert "1 source" in html
        assert "فيما تواجه ميتا وعدة شركات أخرى دعاوى مشابهة" in html

    def test_in_arabic_the_summary_and_title_are_arabic(self, client):
        with translation.override("ar"):
            url = reverse("deals:development", args=[self.SLUG])
        html = page(client, url)
        assert url.startswith("/ar/")
        assert '<h1 dir="auto">ميتا وشركات أخرى تواجه دعاوى مشابهة بشأن بيانات التدريب</h1>' in html
        assert "تواجه ميتا وعدة شركات أخرى دعاوى مشابهة للدعوى ضد ميدجورني." in html
        assert "الولاية القضائية" in html
        assert "Jurisdiction" not in html

    def test_jurisdiction_when_the_article_gives_one(self, client):
        slug = "us-courts-rule-for-tech-companies-on-training-data"
        html = page(client, reverse("deals:development", args=[slug]))
        assert "<dd>US</dd>" in html

    def test_an_unknown_development_is_a_404(self, client):
        response = client.get(reverse("deals:development", args=["nothing-here"]))
        assert response.status_code == 404

    def test_linked_from_the_timeline_the_company_and_the_article(self, client):
        link = f'href="{reverse("deals:development", args=[self.SLUG])}"'
        assert link in page(client, reverse("deals:timeline"), data={"kind": "development"})
        profile = reverse("companies:company", args=["meta"]) + "?tab=timeline"
        assert link in page(client, profile)
        article = Article.objects.get(citations__development__slug=self.SLUG)
        assert link in page(client, reverse("sources:article", args=[article.pk]))


@pytest.mark.usefixtures("seeded")
class TestCompanyProfile:
    def test_header_network_articles_and_the_default_tab(self, client):
        """The profile's header, its network and articles, and the deals tab by default."""
        html = page(client, reverse("companies:company", args=["midjourney"]))
        assert "ميدجورني" in html
        assert "research lab" in html
        assert 'class="network"' in html
        assert "Disney" in html
        assert 'data-tab="deals"' in html
        assert "Meta licenses Midjourney" in html

    @pytest.mark.parametrize(
        ("company", "tab", "text"),
        [
            ("meta", "investments", "Investment in <bdi>Scale AI</bdi>"),
            ("midjourney", "lawsuits", "Disney and Universal v. Midjourney"),
            ("meta", "products", "Movie Gen"),
            ("meta", "people", "Alexandr Wang"),
            ("meta", "timeline", "Meta licenses Midjourney"),
        ],
    )
    def test_tabs_come_as_partials_for_htmx(self, client, company, tab, text):
        url = reverse("companies:company", args=[company]) + f"?tab={tab}"
        partial = page(client, url, headers=HTMX)
        assert partial.strip().startswith('<div id="tab-region"')
        current = re.search(r'<a href="\?tab=(\w+)"[^>]*aria-current="page"', partial)
        assert current.group(1) == tab
        assert text in partial
        assert text in page(client, url)

    def test_a_merged_companys_old_address_redirects(self, client):
        duplicate = CompanyFactory(name="Google Inc")
        company_merge(survivor=Company.objects.get(slug="google"), duplicates=[duplicate])
        response = client.get("/ar/companies/google-inc/")
        assert response.status_code == 301
        assert response["Location"] == "/ar/companies/google/"


@pytest.mark.usefixtures("seeded")
class TestSearch:
    @pytest.mark.parametrize("query", ["غوغل", "جوجل", "google", "قوقل"])
    def test_any_spelling_finds_google(self, client, query):
        html = page(client, reverse("companies:search"), data={"q": query})
        assert reverse("companies:company", args=["google"]) in html

    def test_results_partial_for_htmx_and_nothing_found(self, client):
        partial = page(client, reverse("companies:search"), data={"q": "وانج"}, headers=HTMX)
        assert partial.strip().startswith('<div id="results"')
        assert "Alexandr Wang" in partial
        assert "Nothing found" in page(client, reverse("companies:search"), data={"q": "9999999"})


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        page(client, url)
    return len(queries)


def grow(n: int):
    for _ in range(n):
        deal = DealFactory(
            kinds=["bid", "licensing"],
            announced_on=datetime.date(2024, 3, 1),
            announced_precision="month",
        )
        DealPartyFactory(deal=deal, role="bidder")
        DealPartyFactory(deal=deal, role="target", company=Company.objects.get(slug="meta"))
        DealPartyFactory(deal=deal, person=PersonFactory(), role="in_talks")


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    "url",
    [
        "/timeline/",
        "/companies/meta/",
        "/companies/meta/?tab=timeline",
        "/deals/meta-midjourney-licensing-partnership/",
        "/search/?q=meta",
    ],
)
def test_page_query_counts_do_not_grow_with_rows(client, url, django_assert_max_num_queries):
    grow(3)
    few = count_queries(client, url)
    grow(40)
    with django_assert_max_num_queries(few):
        page(client, url)


@pytest.mark.django_db
class TestNamesAreIsolated:
    """A name's direction (or a stray override in an old row) stays inside the name."""

    NAME = "Evil\u202eCorp"
    ISOLATED = "<bdi>Evil\u202eCorp</bdi>"

    @pytest.fixture
    def company(self):
        company = CompanyFactory(name=self.NAME, name_ar="")
        Alias.objects.create(company=company, name=self.NAME, is_primary=True)
        deal = DealFactory(announced_on=datetime.date(2025, 3, 1), announced_precision="month")
        DealPartyFactory(deal=deal, company=company, role="licensor")
        lawsuit = LawsuitFactory(filed_on=datetime.date(2025, 4, 1), filed_precision="month")
        LawsuitPartyFactory(lawsuit=lawsuit, company=company, side="plaintiff")
        self.deal, self.lawsuit = deal, lawsuit
        return company

    def test_party_lists_of_deals_and_lawsuits(self, client, company):
        deal = page(client, self.deal.get_absolute_url())
        assert re.search(rf'{self.ISOLATED}</a>\s*<span class="role">licensor', deal)
        assert f"{self.ISOLATED}</a> <span" in page(client, self.lawsuit.get_absolute_url())

    def test_company_page_timeline_and_search(self, client, company):
        profile = page(client, company.get_absolute_url())
        assert f'{self.ISOLATED}</a> <span class="role">(licensor)' in profile
        assert f">{self.ISOLATED}</a>" in page(client, reverse("deals:timeline"))
        assert f">{self.ISOLATED}</a>" in page(
            client, reverse("companies:search"), data={"q": "evil"}
        )
