"""Profile pages of companies, people and products: every recorded fact, cited."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.models import Company
from companies.tests.factories import (
    MetricFactory,
    PersonFactory,
    ProductFactory,
    RivalryFactory,
    StatementFactory,
)
from deals.tests.factories import (
    DealFactory,
    DealPartyFactory,
    DevelopmentFactory,
    LawsuitFactory,
    LawsuitPartyFactory,
)
from sources.tests.factories import CitationFactory


def page(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        page(client, url)
    return len(queries)


@pytest.mark.usefixtures("seeded")
class TestCompanyFacts:
    def test_figures_with_range_basis_projection_date_and_sources(self, client):
        html = page(client, reverse("companies:company", args=["midjourney"]))
        assert "up to $200M per year" in html
        assert "$10 to $120 per month" in html
        assert "projected" in html
        assert "as of 2023" in html
        assert "إيرادات سنوية متوقعة تصل إلى 200 مليون دولار" in html
        assert "الباقات الأعلى سعراً تصل إلى 120 دولاراً شهرياً." in html

    def test_statements_with_who_said_them_and_sources(self, client):
        html = page(client, reverse("companies:company", args=["midjourney"]))
        assert "Midjourney will remain independent, with no outside investors." in html
        assert reverse("companies:person", args=["david-holz"]) in html
        assert "دون مستثمرين خارجيين" in html

    def test_rivals_both_ways_with_products_and_sources(self, client):
        meta = page(client, reverse("companies:company", args=["meta"]))
        assert f'href="{reverse("companies:company", args=["openai"])}"' in meta
        assert "Meta competes with OpenAI in generative models" in meta
        assert "وVeo من جوجل" in meta
        openai = page(client, reverse("companies:company", args=["openai"]))
        assert f'href="{reverse("companies:company", args=["meta"])}"' in openai

    def test_in_arabic_the_facts_are_arabic(self, client):
        html = page(client, "/ar/companies/midjourney/")
        assert "الإيرادات السنوية" in html
        assert "ستبقى ميدجورني مستقلة دون مستثمرين خارجيين." in html


@pytest.mark.usefixtures("seeded")
class TestProfileDealCards:
    def card(self, html: str, title: str) -> str:
        return re.search(rf"<li><a [^>]*>{re.escape(title)}</a>.*?</li>", html, re.S).group(0)

    def test_each_party_once_with_its_roles_and_linked(self, client):
        html = page(client, reverse("companies:company", args=["meta"]))
        card = self.card(
            html, "Meta licenses Midjourney&#x27;s image and video generation technology"
        )
        meta = reverse("companies:company", args=["meta"])
        assert card.count(f'href="{meta}"') == 1
        assert re.search(
            r"<bdi>Meta</bdi></a> <span class=\"role\">\((licensee, partner|partner, licensee)\)",
            card,
        )
        assert f'href="{reverse("companies:company", args=["midjourney"])}"' in card

    def test_people_on_cards_link_to_their_pages(self, client):
        html = page(client, reverse("companies:company", args=["openai"]))
        assert f'href="{reverse("companies:person", args=["elon-musk"])}"' in html


@pytest.mark.usefixtures("seeded")
def test_the_network_draws_people_and_links_each_counterpart(client):
    html = page(client, reverse("companies:company", args=["openai"]))
    picture = re.search(r'<svg class="network".*?</svg>', html, re.S).group(0)
    assert (
        f'<a href="{reverse("companies:person", args=["elon-musk"])}"><circle class="person"'
        in picture
    )
    assert (
        f'<a href="{reverse("companies:company", args=["meta"])}"><circle class="company"'
        in picture
    )
    assert 'class="center-label"' in picture


@pytest.mark.usefixtures("seeded")
class TestPersonPage:
    def test_deals_they_announced_as_well_as_those_they_are_party_to(self, client):
        html = page(client, reverse("companies:person", args=["alexandr-wang"]))
        assert "No deals recorded" not in html
        deal = reverse("deals:deal", args=["meta-midjourney-licensing-partnership"])
        assert f'<a href="{deal}" dir="auto">' in html
        assert "(announcer)" in html
        musk = page(client, reverse("companies:person", args=["elon-musk"]))
        assert reverse("deals:deal", args=["openai-97b-acquisition-bid"]) in musk
        assert "(bidder)" in musk

    def test_each_deal_once_with_all_their_parts(self, client):
        person = PersonFactory()
        deal = DealFactory(announced_by=person)
        DealPartyFactory(deal=deal, person=person, role="bidder")
        html = page(client, person.get_absolute_url())
        assert html.count(f'<a href="{deal.get_absolute_url()}" dir="auto">') == 1
        assert "(bidder, announcer)" in html

    def test_lawsuits_they_are_party_to(self, client):
        person = PersonFactory()
        lawsuit = LawsuitFactory(title="Doe v. Lumen")
        LawsuitPartyFactory(lawsuit=lawsuit, person=person, company=None)
        html = page(client, person.get_absolute_url())
        assert f'<a href="{lawsuit.get_absolute_url()}" dir="auto">Doe v. Lumen</a>' in html
        assert "No lawsuits recorded" in page(client, PersonFactory().get_absolute_url())

    def test_query_counts_do_not_grow(self, client, django_assert_max_num_queries):
        person = PersonFactory()

        def grow(n):
            for _ in range(n):
                DealPartyFactory(deal=DealFactory(announced_by=person), person=person)
                DealPartyFactory(deal=DealFactory(), person=person, role="bidder")
                LawsuitPartyFactory(person=person, company=None, side="defendant")

        grow(2)
        few = count_queries(client, person.get_absolute_url())
        grow(20)
        with django_assert_max_num_queries(few):
            page(client, person.get_absolute_url())


def _grow_facts(company: Company, n: int):
    for _ in range(n):
        CitationFactory(metric=MetricFactory(company=company, value_high=2_000_000))
        CitationFactory(statement=StatementFactory(company=company))
        rivalry = RivalryFactory(company=company)
        rivalry.products.add(ProductFactory(company=rivalry.rival))
        CitationFactory(rivalry=rivalry)
        CitationFactory(rivalry=RivalryFactory(rival=company))


@pytest.mark.usefixtures("seeded")
def test_a_profiles_queries_do_not_grow_with_its_facts(client, django_assert_max_num_queries):
    company = Company.objects.get(slug="meta")
    url = reverse("companies:company", args=["meta"])
    _grow_facts(company, 2)
    few = count_queries(client, url)
    _grow_facts(company, 20)
    with django_assert_max_num_queries(few):
        assert page(client, url).count('id="rivalry-') >= 44


@pytest.mark.usefixtures("seeded")
class TestProductPage:
    URL = "/products/imagine/"

    def test_name_maker_launch_description_names_platforms_and_sources(self, client):
        html = page(client, self.URL)
        assert '<h1 dir="auto">Imagine</h1>' in html
        assert "إيماجن" in html
        assert f'href="{reverse("companies:company", args=["meta"])}"' in html
        assert "Meta&#x27;s image generation tool" in html
        assert f'href="{reverse("companies:product", args=["instagram"])}"' in html
        assert "أداة توليد الصور الخاصة بها Imagine" in html

    def test_the_deals_and_developments_that_name_it(self, client):
        deal = DealFactory(title="Meta brings Imagine to WhatsApp")
        DealFactory(title="Whatever they imagine next")
        development = DevelopmentFactory(summary_ar="قيود جديدة على Imagine في أوروبا")
        html = page(client, self.URL)
        assert deal.get_absolute_url() in html
        assert "Whatever they imagine next" not in html
        assert development.get_absolute_url() in html

    def test_rivalries_that_name_it(self, client):
        html = page(client, reverse("companies:product", args=["sora"]))
        assert f'href="{reverse("companies:company", args=["openai"])}"' in html
        assert "Meta competes with OpenAI" in html

    def test_linked_from_its_company_search_and_the_api(self, client, api_client):
        assert f'href="{self.URL}"' in page(client, "/companies/meta/?tab=products")
        search = page(client, reverse("companies:search"), data={"q": "إيماجن"})
        assert f'href="{self.URL}"' in search
        body = api_client.get("/api/v1/products/imagine/").json()
        assert body["html_url"].endswith(self.URL)

    def test_old_addresses_redirect_and_unknown_ones_are_404s(self, client):
        product = ProductFactory(name="Lumen")
        response = client.get(f"/products/{product.pk}/")
        assert response.status_code == 301
        assert response["Location"] == "/products/lumen/"
        assert client.get("/products/no-such-product/").status_code == 404

    def test_query_counts_do_not_grow(self, client, django_assert_max_num_queries):
        def grow(n):
            for index in range(n):
                DealFactory(title=f"Imagine deal {index} {n}")
                DevelopmentFactory(title=f"Imagine development {index} {n}")

        grow(2)
        few = count_queries(client, self.URL)
        grow(20)
        with django_assert_max_num_queries(few):
            page(client, self.URL)
