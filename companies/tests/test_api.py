import pytest
from django.urls import reverse

from companies.models import Company
from companies.services import company_merge
from companies.tests.factories import CompanyFactory
from core.tests.admin_forms import admin_form_data

pytestmark = pytest.mark.usefixtures("seeded")


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [record["slug"] for record in response.json()["results"]]


def test_a_company_has_names_in_both_scripts_kinds_people_products_and_sources(api_client):
    midjourney = api_client.get("/api/v1/companies/midjourney/").json()
    assert (midjourney["name"], midjourney["name_ar"]) == ("Midjourney", "ميدجورني")
    assert midjourney["kinds"] == ["research_lab", "startup"]
    assert midjourney["founded"] == {
        "date": "2022-01-01",
        "precision": "year",
        "basis": "stated",
        "note": "",
        "inferred": False,
    }
    assert midjourney["status"] == "independent"
    assert [p["person"]["slug"] for p in midjourney["people"]] == ["david-holz"]
    assert [p["slug"] for p in midjourney["products"]] == ["midjourney-v1"]
    assert {a["name"] for a in midjourney["aliases"]} >= {"Midjourney", "ميدجورني"}
    assert any(c["supports"] == "founded" for c in midjourney["citations"])
    assert midjourney["html_url"] == "http://testserver/companies/midjourney/"


def test_a_company_carries_its_figures_with_both_ends_and_sources(api_client):
    metrics = api_client.get("/api/v1/companies/midjourney/").json()["metrics"]
    price = next(metric for metric in metrics if metric["kind"] == "price")
    assert price["value"]["amount"] == "10"
    assert price["value"]["basis"] == "per_month"
    assert price["value_high"] == "120"
    assert price["projected"] is False
    assert len(price["citations"]) == 2
    revenue = next(metric for metric in metrics if metric["kind"] == "revenue")
    assert revenue["value"] == {
        "amount": "200000000",
        "currency": "USD",
        "qualifier": "up_to",
        "undisclosed": False,
        "basis": "per_year",
    }
    assert revenue["value_high"] is None
    assert revenue["projected"] is True
    assert revenue["as_of"] == {
        "date": "2023-01-01",
        "precision": "year",
        "basis": "stated",
        "note": "",
        "inferred": False,
    }
    assert "200 مليون دولار" in revenue["citations"][0]["excerpt"]


def test_a_company_carries_its_statements_and_rivalries_both_ways(api_client):
    midjourney = api_client.get("/api/v1/companies/midjourney/").json()
    funding = next(s for s in midjourney["statements"] if s["kind"] == "funding")
    assert "no outside investors" in funding["summary"]
    assert funding["stated_by"]["slug"] == "david-holz"
    assert funding["via"] == "x"
    assert funding["citations"][0]["excerpt"].endswith("دون مستثمرين خارجيين")
    meta = api_client.get("/api/v1/companies/meta/").json()
    rivals = {r["rival"]["slug"]: r for r in meta["rivalries"]}
    assert set(rivals) == {"openai", "black-forest-labs", "google"}
    assert [p["slug"] for p in rivals["openai"]["products"]] == ["sora"]
    assert len(rivals["openai"]["citations"]) == 2
    openai = api_client.get("/api/v1/companies/openai/").json()
    assert [r["rival"]["slug"] for r in openai["rivalries"]] == ["meta"]


def test_lists_have_a_count(api_client):
    page = api_client.get("/api/v1/companies/").json()
    assert page["count"] == Company.objects.count()
    assert len(page["results"]) == page["count"]


@pytest.mark.parametrize(
    ("url", "params", "expected"),
    [
        ("/api/v1/companies/", {"q": "غوغل"}, ["google"]),
        ("/api/v1/companies/", {"q": "جوجل"}, ["google"]),
        ("/api/v1/companies/", {"q": "google"}, ["google"]),
        ("/api/v1/companies/", {"q": "ميدجورنى"}, ["midjourney"]),
        ("/api/v1/companies/", {"kind": "studio"}, ["disney", "universal"]),
        ("/api/v1/companies/", {"status": "independent"}, ["midjourney"]),
        ("/api/v1/companies/", {"founded_year": "2022"}, ["midjourney"]),
        ("/api/v1/people/", {"q": "وانج"}, ["alexandr-wang"]),
        ("/api/v1/people/", {"q": "وانغ"}, ["alexandr-wang"]),
        ("/api/v1/people/", {"company": "meta"}, ["alexandr-wang"]),
        ("/api/v1/products/", {"company": "meta", "kind": "video_model"}, ["movie-gen"]),
        ("/api/v1/products/", {"q": "انستقرام"}, ["instagram"]),
    ],
)
def test_filters_and_arabic_search(api_client, url, params, expected):
    assert slugs(api_client.get(url, params)) == expected


def test_a_product_links_its_maker_and_platforms(api_client):
    imagine = api_client.get("/api/v1/products/imagine/").json()
    assert imagine["company"]["slug"] == "meta"
    assert [p["slug"] for p in imagine["platforms"]] == ["facebook", "instagram", "messenger"]


def test_search_endpoint_groups_types_and_ranks(api_client):
    body = api_client.get("/api/v1/search/", {"q": "ميدجورني"}).json()
    first = body["results"][0]
    assert first.pop("id") == Company.objects.get(slug="midjourney").pk
    assert first == {
        "type": "company",
        "slug": "midjourney",
        "name": "Midjourney",
        "name_ar": "ميدجورني",
        "matched": "ميدجورني",
        "score": 100,
        "url": "http://testserver/api/v1/companies/midjourney/",
        "html_url": "http://testserver/companies/midjourney/",
        "html_url_ar": "http://testserver/ar/companies/midjourney/",
    }
    people = api_client.get("/api/v1/search/", {"q": "زوك", "type": "person"}).json()
    assert [hit["slug"] for hit in people["results"]] == ["mark-zuckerberg"]


@pytest.mark.parametrize(
    "params", [{}, {"q": "x", "type": "planet"}, {"q": "x", "limit": "0"}, {"q": "x", "z": "1"}]
)
def test_search_refuses_bad_parameters(api_client, params):
    assert api_client.get("/api/v1/search/", params).status_code == 400


def test_a_merged_companys_old_slug_redirects_permanently(api_client):
    duplicate = CompanyFactory(name="Alphabet Google")
    company_merge(survivor=Company.objects.get(slug="google"), duplicates=[duplicate])
    response = api_client.get("/api/v1/companies/alphabet-google/?format=json")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/companies/google/?format=json"


def test_curators_create_and_rename_companies_keeping_aliases(curator_api):
    created = curator_api.post(
        "/api/v1/companies/",
        {
            "name": "Anthropic",
            "name_ar": "أنثروبيك",
            "kinds": ["startup", "research_lab"],
            "founded": {"date": "2021-01-01", "precision": "year"},
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["slug"] == "anthropic"
    assert body["founded"]["precision"] == "year"
    renamed = curator_api.patch(
        "/api/v1/companies/anthropic/",
        {"name": "Anthropic PBC", "version": body["version"]},
        format="json",
    )
    assert renamed.status_code == 200
    aliases = {a["name"]: a["is_primary"] for a in renamed.json()["aliases"]}
    assert aliases == {"Anthropic PBC": True, "Anthropic": False, "أنثروبيك": True}
    found = curator_api.get("/api/v1/search/", {"q": "انثروبيك"}).json()["results"]
    assert found[0]["slug"] == "anthropic"


def test_company_write_validation(curator_api):
    response = curator_api.post(
        "/api/v1/companies/",
        {
            "name": "X",
            "founded": {"date": "2021-03-04", "precision": "sometime"},
            "kinds": ["bank"],
        },
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"founded", "kinds"}
    duplicate = curator_api.post(
        "/api/v1/companies/", {"name": "Meta", "slug": "meta"}, format="json"
    )
    assert duplicate.status_code == 400
    assert "slug" in duplicate.json()


def test_arabic_slugs_give_valid_percent_encoded_links(curator_api):
    """A name with no Latin form gets an Arabic slug; its links are still valid URIs."""
    person = curator_api.post(
        "/api/v1/people/", {"name": "٭", "name_ar": "مراد"}, format="json"
    ).json()
    assert person["slug"] == "مراد"
    assert person["url"] == "http://testserver/api/v1/people/%D9%85%D8%B1%D8%A7%D8%AF/"
    assert curator_api.get(person["url"]).json()["name_ar"] == "مراد"


def test_a_renamed_slug_keeps_answering(curator_api, curator_client):
    url = "/api/v1/companies/scale-ai/"
    version = curator_api.get(url).json()["version"]
    response = curator_api.patch(url, {"slug": "scale", "version": version}, format="json")
    assert response.status_code == 200
    assert curator_api.get(url)["Location"] == "/api/v1/companies/scale/"
    assert curator_api.get("/companies/scale-ai/")["Location"] == "/companies/scale/"
    play = Company.objects.get(slug="play-ai")
    admin_url = reverse("admin:companies_company_change", args=[play.pk])
    data = admin_form_data(curator_client.get(admin_url))
    data["slug"] = "playht"
    assert curator_client.post(admin_url, data).status_code == 302
    assert curator_client.get("/companies/play-ai/")["Location"] == "/companies/playht/"
