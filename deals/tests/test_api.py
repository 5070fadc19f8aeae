"""The deals, investments, lawsuits and timeline endpoints: shapes, filters, pages, writes."""

import datetime

import pytest

from companies.models import Company
from deals.models import Deal, Development, Lawsuit
from deals.tests.factories import DevelopmentFactory

pytestmark = pytest.mark.usefixtures("seeded")

DEALS = "/api/v1/deals/"
MM = "/api/v1/deals/meta-midjourney-licensing-partnership/"


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [record["slug"] for record in response.json()["results"]]


class TestDealShape:
    def test_a_deal_carries_kinds_dates_money_parties_and_citations(self, api_client):
        deal = api_client.get(MM).json()
        assert deal["kinds"] == ["licensing", "partnership"]
        assert deal["announced"] == {
            "date": "2025-08-01",
            "precision": "month",
            "basis": "curator",
            "note": Deal.objects.get(slug=MM.rstrip("/").rsplit("/", 1)[-1]).announced_note,
            "inferred": False,
        }
        assert deal["announced_by"]["slug"] == "alexandr-wang"
        assert deal["announced_by"]["url"].endswith("/api/v1/people/alexandr-wang/")
        assert deal["value"] == {
            "amount": None,
            "currency": "",
            "qualifier": "exact",
            "undisclosed": True,
            "basis": "total",
        }
        assert {(p["company"]["slug"], p["role"]) for p in deal["parties"]} == {
            ("meta", "licensee"),
            ("meta", "partner"),
            ("midjourney", "licensor"),
            ("midjourney", "partner"),
        }
        citation = deal["citations"][0]
        assert set(citation) == {"article", "excerpt", "supports"}
        assert set(citation["article"]) == {"id", "title", "url"}
        assert len({c["article"]["id"] for c in deal["citations"]}) == 2
        assert deal["url"].endswith(MM)
        assert deal["html_url"] == "http://testserver/deals/meta-midjourney-licensing-partnership/"

    def test_amounts_are_decimal_strings(self, api_client):
        bid = api_client.get("/api/v1/deals/openai-97b-acquisition-bid/").json()
        assert bid["value"]["amount"] == "97000000000"
        assert bid["value"]["qualifier"] == "about"
        investment = api_client.get("/api/v1/investments/meta-investment-in-scale-ai/").json()
        assert investment["value"]["amount"] == "14000000000"
        assert investment["investors"][0]["slug"] == "meta"

    def test_unnamed_parties_are_described_not_invented(self, api_client):
        hiring = api_client.get("/api/v1/deals/meta-ai-researcher-hiring-campaign/").json()
        [group] = [p for p in hiring["parties"] if p["unnamed"]]
        assert group["unnamed"]["description_ar"] == "عشرات الباحثين"
        assert group["company"] is None
        assert group["person"] is None

    def test_a_lawsuit_has_sides_claims_and_events(self, api_client):
        lawsuit = api_client.get("/api/v1/lawsuits/disney-universal-v-midjourney/").json()
        assert lawsuit["claims"] == ["copyright"]
        assert {(p["company"]["slug"], p["side"]) for p in lawsuit["parties"]} == {
            ("disney", "plaintiff"),
            ("universal", "plaintiff"),
            ("midjourney", "defendant"),
        }
        assert lawsuit["filed"]["precision"] == "month"
        assert lawsuit["events"] == []

    def test_unknown_slug_is_a_404_with_a_sentence(self, api_client):
        response = api_client.get("/api/v1/deals/no-such-deal/")
        assert response.status_code == 404
        assert "No deal with slug 'no-such-deal'" in response.json()["detail"]


class TestDealFilters:
    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"kind": "licensing"}, {"meta-midjourney-licensing-partnership"}),
            ({"kind": "partnership"}, {"meta-midjourney-licensing-partnership"}),
            (
                {"status": "rejected"},
                {"openai-97b-acquisition-bid", "meta-midjourney-acquisition-offers"},
            ),
            ({"company": "openai"}, {"openai-97b-acquisition-bid"}),
            ({"company": "play-ai"}, {"meta-play-ai-acquisition"}),
            ({"year": "2025"}, {"meta-midjourney-licensing-partnership"}),
            ({"date_after": "2025-07-01"}, {"meta-midjourney-licensing-partnership"}),
            ({"date_before": "2025-07-01"}, set()),
            (
                {"currency": "usd"},
                {"openai-97b-acquisition-bid", "meta-ai-researcher-hiring-campaign"},
            ),
            (
                {"has_value": "true"},
                {"openai-97b-acquisition-bid", "meta-ai-researcher-hiring-campaign"},
            ),
            ({"q": "ماسك"}, {"openai-97b-acquisition-bid"}),
            (
                {"q": "ميدجورنى"},
                {"meta-midjourney-licensing-partnership", "meta-midjourney-acquisition-offers"},
            ),
            ({"q": "hiring"}, {"meta-ai-researcher-hiring-campaign"}),
        ],
    )
    def test_filters(self, api_client, params, expected):
        assert set(slugs(api_client.get(DEALS, params))) == expected

    def test_a_company_in_several_roles_lists_the_deal_once(self, api_client):
        assert slugs(api_client.get(DEALS, {"company": "meta", "kind": "licensing"})) == [
            "meta-midjourney-licensing-partnership"
        ]

    @pytest.mark.parametrize(
        "params",
        [
            {"stauts": "completed"},
            {"status": "finished"},
            {"year": "twenty"},
            {"ordering": "title"},
        ],
    )
    def test_bad_parameters_are_a_400_naming_them(self, api_client, params):
        response = api_client.get(DEALS, params)
        assert response.status_code == 400
        assert set(params) <= set(response.json())

    def test_ordering_by_value(self, api_client):
        largest_first = slugs(api_client.get(DEALS, {"ordering": "-value"}))
        assert largest_first[:2] == [
            "openai-97b-acquisition-bid",
            "meta-ai-researcher-hiring-campaign",
        ]
        smallest_first = slugs(api_client.get(DEALS, {"ordering": "value"}))
        assert smallest_first[:2] == [
            "meta-ai-researcher-hiring-campaign",
            "openai-97b-acquisition-bid",
        ]

    def test_lawsuits_and_investments_filter_by_company(self, api_client):
        assert slugs(api_client.get("/api/v1/lawsuits/", {"company": "disney"})) == [
            "disney-universal-v-midjourney"
        ]
        assert slugs(api_client.get("/api/v1/lawsuits/", {"claim": "patent"})) == []
        assert slugs(api_client.get("/api/v1/investments/", {"company": "meta"})) == [
            "meta-investment-in-scale-ai"
        ]
        assert slugs(api_client.get("/api/v1/investments/", {"q": "سكيل"})) == [
            "meta-investment-in-scale-ai"
        ]


class TestPagination:
    def test_keyset_pages_cover_every_deal_once(self, api_client):
        seen, url = [], f"{DEALS}?page_size=2"
        while url:
            page = api_client.get(url).json()
            seen += [deal["slug"] for deal in page["results"]]
            url = page["next"]
        assert sorted(seen) == sorted(Deal.objects.values_list("slug", flat=True))
        assert seen[0] == "meta-midjourney-licensing-partnership"

    @pytest.mark.parametrize(
        "params", [{"cursor": "garbage"}, {"page_size": "0"}, {"page_size": "500"}]
    )
    def test_bad_cursor_or_page_size_is_a_400(self, api_client, params):
        assert api_client.get(DEALS, params).status_code == 400


class TestTimeline:
    def test_events_newest_first_with_their_companies(self, api_client):
        entries = api_client.get("/api/v1/timeline/").json()["results"]
        dated = [entry for entry in entries if entry["placed_by"] == "date"]
        dates = [entry["date"]["date"] for entry in dated]
        assert dates == sorted(dates, reverse=True)
        assert entries[: len(dated)] == dated
        kinds = {entry["kind"] for entry in entries}
        assert {"deal", "lawsuit", "product_launch", "founding", "development"} <= kinds
        first = entries[0]
        assert first["kind"] == "deal"
        assert {c["slug"] for c in first["companies"]} == {"meta", "midjourney"}

    def test_filter_by_company_kind_and_year(self, api_client):
        midjourney = api_client.get("/api/v1/timeline/", {"company": "midjourney"}).json()[
            "results"
        ]
        assert all("midjourney" in {c["slug"] for c in entry["companies"]} for entry in midjourney)
        assert {e["kind"] for e in midjourney} == {"deal", "lawsuit", "product_launch", "founding"}
        assert "Meta's earlier acquisition offers for Midjourney" in {
            e["title"] for e in midjourney
        }
        foundings = api_client.get("/api/v1/timeline/", {"kind": "founding"}).json()["results"]
        assert [(e["title"], e["date"]["date"]) for e in foundings] == [
            ("Midjourney", "2022-01-01")
        ]
        in_2022 = api_client.get("/api/v1/timeline/", {"year": "2022"}).json()["results"]
        assert [e["kind"] for e in in_2022] == ["founding"]
        announced = api_client.get("/api/v1/timeline/", {"status": "announced"}).json()["results"]
        assert [e["placed_by"] for e in announced] == ["date", *["unknown"] * 3]
        assert {e["kind"] for e in announced} == {"deal", "investment"}

    def test_pages_chain_without_gaps(self, api_client):
        everything = api_client.get("/api/v1/timeline/").json()["results"]
        chained, url = [], "/api/v1/timeline/?page_size=2"
        while url:
            page = api_client.get(url).json()
            chained += page["results"]
            url = page["next"]
        assert chained == everything

    @pytest.mark.parametrize(
        "params",
        [{"kind": "wedding"}, {"year": "x"}, {"foo": "1"}, {"cursor": "x"}, {"status": "won"}],
    )
    def test_bad_parameters(self, api_client, params):
        response = api_client.get("/api/v1/timeline/", params)
        assert response.status_code == 400
        assert set(params) <= set(response.json())

    def test_the_schema_lists_the_filters_the_page_has(self, api_client):
        schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()
        operation = schema["paths"]["/api/v1/timeline/"]["get"]
        parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
        assert {"company", "kind", "status", "year", "cursor", "page_size"} <= set(parameters)
        assert {"filed", "completed"} <= set(parameters["status"]["schema"]["enum"])
        assert parameters["kind"]["schema"]["type"] == "array"


DEVELOPMENTS = "/api/v1/developments/"
SUITS = "meta-faces-similar-training-data-suits"
RULINGS = "us-courts-rule-for-tech-companies-on-training-data"


class TestDevelopments:
    def test_a_development_has_companies_a_date_kind_and_citations(self, api_client):
        body = api_client.get(f"{DEVELOPMENTS}{SUITS}/").json()
        record = Development.objects.get(slug=SUITS)
        assert (body["title"], body["title_ar"]) == (record.title, record.title_ar)
        assert (body["summary"], body["summary_ar"]) == (record.summary, record.summary_ar)
        assert body["kind"] == "litigation"
        assert body["occurred"] == {
            "date": "2025-01-01",
            "precision": "year",
            "basis": "inferred",
            "note": "فيما تواجه ميتا وعدة شركات أخرى دعاوى مشابهة",
            "inferred": True,
        }
        assert [company["slug"] for company in body["companies"]] == ["meta"]
        assert body["companies"][0]["url"].endswith("/api/v1/companies/meta/")
        assert [citation["excerpt"] for citation in body["citations"]] == list(
            record.citations.values_list("excerpt", flat=True)
        )
        assert body["version"] == record.version
        assert body["url"] == f"http://testserver{DEVELOPMENTS}{SUITS}/"
        assert body["html_url"] == f"http://testserver/developments/{SUITS}/"
        rulings = api_client.get(f"{DEVELOPMENTS}{RULINGS}/").json()
        assert (rulings["jurisdiction"], rulings["companies"]) == ("US", [])

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"company": "meta"}, [SUITS]),
            ({"kind": "court_rulings"}, [RULINGS]),
            ({"kind": ["court_rulings", "litigation"]}, [SUITS, RULINGS]),
            ({"year": "2025"}, [SUITS, RULINGS]),
            ({"year": "2024"}, []),
            ({"q": "ميتا"}, [SUITS]),
            ({"q": "courts"}, [RULINGS]),
        ],
    )
    def test_filters(self, api_client, params, expected):
        assert slugs(api_client.get(DEVELOPMENTS, params)) == expected

    @pytest.mark.parametrize(
        "params", [{"stauts": "x"}, {"kind": "wedding"}, {"year": "soon"}, {"ordering": "title"}]
    )
    def test_bad_parameters_are_a_400_naming_them(self, api_client, params):
        response = api_client.get(DEVELOPMENTS, params)
        assert response.status_code == 400
        assert set(params) <= set(response.json())

    def test_keyset_pages_run_newest_first_and_undated_last_either_way(self, api_client):
        older = DevelopmentFactory(
            occurred_on=datetime.date(2024, 3, 1), occurred_precision="month"
        )
        undated = DevelopmentFactory()
        seen, url = [], f"{DEVELOPMENTS}?page_size=1"
        while url:
            page = api_client.get(url).json()
            seen += [record["slug"] for record in page["results"]]
            url = page["next"]
        assert seen == [SUITS, RULINGS, older.slug, undated.slug]
        oldest_first = slugs(api_client.get(DEVELOPMENTS, {"ordering": "occurred"}))
        assert oldest_first == [older.slug, RULINGS, SUITS, undated.slug]

    def test_unknown_slugs_are_404s(self, curator_api):
        assert curator_api.get(f"{DEVELOPMENTS}nothing-here/").status_code == 404

    def test_a_curator_writes_a_development_through_its_service(self, curator_api, reviewer):
        article = api_client_article_id()
        payload = {
            "title": "Courts side with AI firms on training data",
            "kind": "court_rulings",
            "jurisdiction": "US",
            "occurred": {"date": "2025-06"},
            "companies": ["meta"],
            "summary": "Two rulings found training on books fair use.",
            "citations": [{"article": article, "excerpt": "وVeo من جوجل"}],
        }
        created = curator_api.post(DEVELOPMENTS, payload, format="json")
        assert created.status_code == 201, created.json()
        body = created.json()
        assert body["occurred"] == {
            "date": "2025-06-01",
            "precision": "month",
            "basis": "stated",
            "note": "",
            "inferred": False,
        }
        assert [company["slug"] for company in body["companies"]] == ["meta"]
        url = f"{DEVELOPMENTS}{body['slug']}/"
        changed = curator_api.patch(
            url, {"jurisdiction": "GB", "version": body["version"]}, format="json"
        )
        assert (changed.status_code, changed.json()["version"]) == (200, 2)
        stale = curator_api.patch(url, {"jurisdiction": "FR", "version": 1}, format="json")
        assert stale.status_code == 409
        bad = curator_api.post(DEVELOPMENTS, {**payload, "kind": "weather"}, format="json")
        assert bad.status_code == 400
        assert "kind" in bad.json()
        curator_api.force_authenticate(reviewer)
        assert curator_api.post(DEVELOPMENTS, payload, format="json").status_code == 403

    def test_timeline_entries_link_to_the_resource(self, api_client):
        entries = api_client.get("/api/v1/timeline/", {"kind": "development"}).json()["results"]
        urls = {entry["url"] for entry in entries}
        assert f"http://testserver{DEVELOPMENTS}{SUITS}/" in urls
        assert f"http://testserver{DEVELOPMENTS}{RULINGS}/" in urls


class TestWrites:
    def deal_payload(self, **changes):
        article = api_client_article_id()
        payload = {
            "title": "Google licenses Midjourney's video model",
            "kinds": ["licensing"],
            "status": "announced",
            "announced": {"date": "2025-09-01", "precision": "month"},
            "value": {"amount": "250000000", "currency": "USD", "qualifier": "about"},
            "parties": [
                {"company": "google", "role": "licensee"},
                {"company": "midjourney", "role": "licensor"},
            ],
            "citations": [{"article": article, "excerpt": "وVeo من جوجل"}],
        }
        payload.update(changes)
        return payload

    def test_an_acquirer_is_not_its_own_target(self, curator_api):
        parties = [
            {"company": "meta", "role": "acquirer"},
            {"company": "meta", "role": "target"},
        ]
        payload = self.deal_payload(kinds=["acquisition"], parties=parties, citations=[])
        response = curator_api.post(DEALS, payload, format="json")
        assert response.status_code == 400
        assert "cannot be both acquirer and target" in str(response.json()["parties"])
        assert not Deal.objects.filter(title=payload["title"]).exists()

    def test_anonymous_and_reviewers_cannot_write(self, api_client, reviewer):
        assert api_client.post(DEALS, self.deal_payload(), format="json").status_code == 401
        api_client.force_authenticate(reviewer)
        assert api_client.post(DEALS, self.deal_payload(), format="json").status_code == 403
        assert api_client.delete(MM).status_code == 403
        assert Deal.objects.filter(slug="meta-midjourney-licensing-partnership").exists()

    def test_a_curator_creates_a_deal_with_parties_and_citations(self, curator_api):
        response = curator_api.post(DEALS, self.deal_payload(), format="json")
        assert response.status_code == 201, response.json()
        body = response.json()
        assert body["slug"] == "google-licenses-midjourneys-video-model"
        assert body["value"]["amount"] == "250000000"
        assert {p["role"] for p in body["parties"]} == {"licensee", "licensor"}
        deal = Deal.objects.get(slug=body["slug"])
        assert deal.history.first().history_user.username == "curator"
        assert deal.citations.count() == 1

    @pytest.mark.parametrize(
        ("changes", "field", "message"),
        [
            (
                {"value": {"amount": "-5", "currency": "USD"}},
                "value",
                "An amount cannot be negative.",
            ),
            ({"value": {"amount": "5"}}, "value", "An amount needs its currency"),
            ({"value": {"amount": 5.5, "currency": "USD"}}, "value", "not a float"),
            ({"kinds": ["teleportation"]}, "kinds", "teleportation"),
            ({"announced": {"date": "2025-13-01"}}, "announced", "YYYY-MM-DD"),
            ({"citations": [{"excerpt": "never said"}]}, "citations", "verbatim"),
            ({"parties": [{"role": "licensee"}]}, "parties", "Choose a company or a person"),
            ({"parties": [{"company": "nobody", "role": "licensee"}]}, "parties", "nobody"),
            ({"title": ""}, "title", "blank"),
        ],
    )
    def test_bad_writes_are_400s_with_field_messages(self, curator_api, changes, field, message):
        for citation in changes.get("citations", []):
            citation["article"] = api_client_article_id()
        deals_before = Deal.objects.count()
        response = curator_api.post(DEALS, self.deal_payload(**changes), format="json")
        assert response.status_code == 400
        assert message in str(response.json()[field])
        assert Deal.objects.count() == deals_before

    def test_update_with_the_current_version(self, curator_api):
        deal = curator_api.get(MM).json()
        response = curator_api.patch(
            MM, {"status": "completed", "version": deal["version"]}, format="json"
        )
        assert response.status_code == 200, response.json()
        assert response.json()["status"] == "completed"
        assert response.json()["version"] == deal["version"] + 1

    def test_a_stale_version_is_a_409_saying_what_changed(self, curator_api):
        version = curator_api.get(MM).json()["version"]
        curator_api.patch(MM, {"status": "completed", "version": version}, format="json")
        stale = curator_api.patch(MM, {"summary": "Overwrite", "version": version}, format="json")
        assert stale.status_code == 409
        assert "status: announced → completed" in stale.json()["detail"]
        assert Deal.objects.get(slug="meta-midjourney-licensing-partnership").summary != "Overwrite"

    def test_if_match_must_match(self, curator_api):
        etag = curator_api.get(MM).json()["version"]
        ok = curator_api.patch(
            MM, {"status": "completed"}, format="json", HTTP_IF_MATCH=f'"{etag}"'
        )
        assert ok.status_code == 200
        stale = curator_api.patch(
            MM, {"status": "rejected"}, format="json", HTTP_IF_MATCH=f'"{etag}"'
        )
        assert stale.status_code == 412

    def test_an_update_without_a_version_is_refused(self, curator_api):
        response = curator_api.patch(MM, {"status": "completed"}, format="json")
        assert response.status_code == 400
        assert "version" in response.json()

    def test_delete_and_a_protected_delete(self, curator_api):
        assert curator_api.delete("/api/v1/deals/meta-play-ai-acquisition/").status_code == 204
        assert not Deal.objects.filter(slug="meta-play-ai-acquisition").exists()
        protected = curator_api.delete("/api/v1/companies/midjourney/")
        assert protected.status_code == 409
        assert "Still referenced by" in protected.json()["detail"]
        assert Company.objects.filter(slug="midjourney").exists()

    def test_lawsuit_writes_refuse_a_plaintiff_who_is_also_defendant(self, curator_api):
        response = curator_api.post(
            "/api/v1/lawsuits/",
            {
                "title": "Meta v. Meta",
                "status": "filed",
                "parties": [
                    {"company": "meta", "side": "plaintiff"},
                    {"company": "meta", "side": "defendant"},
                ],
            },
            format="json",
        )
        assert response.status_code == 400
        assert not Lawsuit.objects.filter(title="Meta v. Meta").exists()


def api_client_article_id() -> int:
    from sources.models import Article

    return Article.objects.get(title__startswith="ميتا تتحالف").pk


@pytest.mark.parametrize(
    ("ordering", "first"),
    [
        ("announced", "meta-midjourney-licensing-partnership"),
        ("value", "meta-ai-researcher-hiring-campaign"),
    ],
)
def test_ascending_orders_keep_undated_and_undisclosed_last(api_client, ordering, first):
    assert slugs(api_client.get(DEALS, {"ordering": ordering}))[0] == first
