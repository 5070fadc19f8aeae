"""Curators' work on deals through the admin, driven with Django's test client."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from companies.models import Company
from companies.services import company_merge
from core.tests.admin_forms import admin_form_data, errors_of
from deals.models import Deal, Investment
from deals.tests.factories import DealFactory, DealPartyFactory
from sources.models import Article

CHANGELIST = reverse("admin:deals_deal_changelist")
ADD = reverse("admin:deals_deal_add")


def change_url(deal):
    return reverse("admin:deals_deal_change", args=[deal.pk])


def listed(response) -> list[str]:
    return [deal.title for deal in response.context["cl"].result_list]


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def google_deal(seeded):
    google = Company.objects.get(slug="google")
    deal = DealFactory(title="Google licenses a video model", kinds=["licensing"])
    DealPartyFactory(deal=deal, company=google, role="licensee")
    return deal


class TestList:
    def test_the_list_shows_the_columns_a_curator_needs(self, seeded, curator_client):
        response = curator_client.get(CHANGELIST)
        page = response.content.decode()
        assert response.status_code == 200
        assert "Meta licenses Midjourney" in page
        assert "August 2025" in page
        assert "about $97B" in page
        assert "Meta (licensee)" in page

    @pytest.mark.parametrize("query", ["غوغل", "جوجل", "قوقل", "google"])
    def test_search_finds_a_companys_deals_from_any_spelling(
        self, google_deal, curator_client, query
    ):
        assert listed(curator_client.get(CHANGELIST, {"q": query})) == [google_deal.title]

    def test_search_by_person_and_by_title(self, seeded, curator_client):
        by_person = listed(curator_client.get(CHANGELIST, {"q": "ماسك"}))
        assert by_person == ["The $97B bid to acquire OpenAI"]
        by_title = listed(curator_client.get(CHANGELIST, {"q": "hiring campaign"}))
        assert by_title == ["Meta's hiring campaign for AI researchers"]

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"kinds__code__exact": "licensing"}, {"meta-midjourney-licensing-partnership"}),
            (
                {"status__exact": "rejected"},
                {"openai-97b-acquisition-bid", "meta-midjourney-acquisition-offers"},
            ),
            ({"year": "2025"}, {"meta-midjourney-licensing-partnership"}),
            ({"company": "play-ai"}, {"meta-play-ai-acquisition"}),
            ({"has_citation": "no"}, set()),
        ],
    )
    def test_filters(self, seeded, curator_client, params, expected):
        response = curator_client.get(CHANGELIST, params)
        assert {deal.slug for deal in response.context["cl"].result_list} == expected

    def test_a_deal_without_citation_is_found_by_the_filter(self, seeded, curator_client):
        uncited = DealFactory(title="Uncited deal")
        response = curator_client.get(CHANGELIST, {"has_citation": "no"})
        assert list(response.context["cl"].result_list) == [uncited]


class TestAddAndEdit:
    def test_add_a_deal_with_parties_and_a_citation_inline(self, seeded, curator_client):
        data = admin_form_data(curator_client.get(ADD))
        article = Article.objects.get(title__startswith="ميتا تتحالف")
        data.update(
            {
                "title": "Meta acquires Play AI (again)",
                "kinds": ["acquisition"],
                "status": "completed",
                "announced_on": "2025-07-01",
                "announced_precision": "month",
                "value_undisclosed": "on",
                "parties-0-company": str(Company.objects.get(slug="meta").pk),
                "parties-0-role": "acquirer",
                "parties-1-company": str(Company.objects.get(slug="play-ai").pk),
                "parties-1-role": "target",
                "citations-0-article": str(article.pk),
                "citations-0-excerpt": "الاستحواذ على شركة Play AI",
            }
        )
        response = curator_client.post(ADD, data)
        assert response.status_code == 302, errors_of(response)
        deal = Deal.objects.get(title="Meta acquires Play AI (again)")
        assert deal.slug == "meta-acquires-play-ai-again"
        assert set(deal.parties.values_list("company__slug", "role")) == {
            ("meta", "acquirer"),
            ("play-ai", "target"),
        }
        assert deal.citations.get().excerpt == "الاستحواذ على شركة Play AI"
        assert str(deal.announced) == "July 2025"
        assert deal.history.first().history_user.username == "curator"

    def test_an_acquirer_is_not_its_own_target(self, seeded, curator_client):
        data = admin_form_data(curator_client.get(ADD))
        meta = str(Company.objects.get(slug="meta").pk)
        data.update(
            {
                "title": "Meta acquires itself",
                "kinds": ["acquisition"],
                "status": "announced",
                "parties-0-company": meta,
                "parties-0-role": "acquirer",
                "parties-1-company": meta,
                "parties-1-role": "target",
            }
        )
        response = curator_client.post(ADD, data)
        assert response.status_code == 200
        assert any("cannot be both acquirer and target" in e for e in errors_of(response))
        assert not Deal.objects.filter(title="Meta acquires itself").exists()

    def test_a_misquoted_citation_and_a_bad_value_are_refused_with_messages(
        self, seeded, curator_client
    ):
        data = admin_form_data(curator_client.get(ADD))
        data.update(
            {
                "title": "Bad deal",
                "kinds": ["bid"],
                "status": "offered",
                "value_amount": "-3",
                "citations-0-article": str(Article.objects.first().pk),
                "citations-0-excerpt": "words the article never says",
            }
        )
        response = curator_client.post(ADD, data)
        assert response.status_code == 200
        errors = errors_of(response)
        assert "An amount cannot be negative." in errors
        assert "The excerpt must be quoted verbatim from the article's text." in errors
        assert not Deal.objects.filter(title="Bad deal").exists()

    def test_saving_without_a_citation_warns_but_saves(self, db, curator_client):
        data = admin_form_data(curator_client.get(ADD))
        data.update({"title": "Rumoured merger", "kinds": ["merger"], "status": "rumored"})
        response = curator_client.post(ADD, data, follow=True)
        assert Deal.objects.filter(title="Rumoured merger").exists()
        assert any("has no citation yet" in message for message in messages_of(response))

    def test_edit_increments_the_version_and_records_history(self, seeded, curator_client):
        deal = Deal.objects.get(slug="meta-play-ai-acquisition")
        data = admin_form_data(curator_client.get(change_url(deal)))
        data["status"] = "completed"
        response = curator_client.post(change_url(deal), data)
        assert response.status_code == 302, errors_of(response)
        deal.refresh_from_db()
        assert (deal.status, deal.version) == ("completed", 2)
        history = curator_client.get(reverse("admin:deals_deal_history", args=[deal.pk]))
        page = history.content.decode()
        assert "curator" in page
        assert "completed" in page


class TestConcurrentEdits:
    def test_the_second_of_two_simultaneous_edits_is_refused_and_says_what_changed(
        self, seeded, curator_client, client, django_user_model
    ):
        deal = Deal.objects.get(slug="meta-play-ai-acquisition")
        first_page = admin_form_data(curator_client.get(change_url(deal)))
        second_page = dict(first_page)

        first_page["status"] = "completed"
        assert curator_client.post(change_url(deal), first_page).status_code == 302

        other = django_user_model.objects.create_superuser("other", "o@example.org", "pw")
        client.force_login(other)
        second_page["summary"] = "An edit based on the old version."
        response = client.post(change_url(deal), second_page)

        assert response.status_code == 200
        [error] = errors_of(response)
        assert "changed by someone else while you were editing it" in error
        assert "curator at" in error
        assert "status: announced → completed" in error
        deal.refresh_from_db()
        assert (deal.status, deal.version) == ("completed", 2)
        assert deal.summary != "An edit based on the old version."


class TestRevert:
    def test_revert_restores_fields_parties_and_citations(self, seeded, curator_client):
        deal = Deal.objects.get(slug="meta-midjourney-licensing-partnership")
        original = deal.history.earliest("history_date")
        parties_before = set(deal.parties.values_list("company__slug", "role"))
        citations_before = deal.citations.count()

        data = admin_form_data(curator_client.get(change_url(deal)))
        data["title"] = "A wrong title"
        data["parties-0-DELETE"] = "on"
        data["citations-0-DELETE"] = "on"
        assert curator_client.post(change_url(deal), data).status_code == 302
        deal.refresh_from_db()
        assert deal.title == "A wrong title"
        assert deal.parties.count() == len(parties_before) - 1
        assert deal.citations.count() == citations_before - 1

        revert_url = reverse("admin:deals_deal_simple_history", args=[deal.pk, original.history_id])
        confirmation = curator_client.get(revert_url)
        assert "A wrong title" in confirmation.content.decode()
        response = curator_client.post(revert_url, {"version": deal.version})
        assert response.status_code == 302
        deal.refresh_from_db()
        assert deal.title == "Meta licenses Midjourney's image and video generation technology"
        assert set(deal.parties.values_list("company__slug", "role")) == parties_before
        assert deal.citations.count() == citations_before
        assert deal.version == 3
        assert deal.history.first().history_change_reason.startswith("Reverted")

    def test_a_revert_based_on_an_old_page_is_refused(self, seeded, curator_client):
        deal = Deal.objects.get(slug="meta-play-ai-acquisition")
        original = deal.history.earliest("history_date")
        revert_url = reverse("admin:deals_deal_simple_history", args=[deal.pk, original.history_id])
        response = curator_client.post(revert_url, {"version": deal.version + 5}, follow=True)
        assert any("changed by someone else" in m for m in messages_of(response))

    def test_a_revert_without_a_version_or_with_a_bad_id_is_refused(self, seeded, curator_client):
        deal = Deal.objects.get(slug="meta-play-ai-acquisition")
        first = deal.history.earliest("history_date")
        url = reverse("admin:deals_deal_simple_history", args=[deal.pk, first.history_id])
        response = curator_client.post(url, {}, follow=True)
        assert "out of date" in response.content.decode()
        assert curator_client.get(f"/admin/deals/deal/{deal.pk}/history/abc/").status_code == 404
        assert curator_client.get("/admin/deals/deal/?year=²").status_code == 200

    def test_a_revert_that_cannot_be_restored_says_so(self, seeded, curator_client, curator_api):
        url = "/api/v1/investments/meta-investment-in-scale-ai/"
        investment = curator_api.get(url).json()
        investment_id = investment["id"]

        first = Investment.history.filter(id=investment_id).earliest("history_date")
        company_merge(
            survivor=Company.objects.get(slug="meta"),
            duplicates=[Company.objects.get(slug="scale-ai")],
        )
        record = Investment.objects.get(pk=investment_id)
        revert = reverse(
            "admin:deals_investment_simple_history", args=[investment_id, first.history_id]
        )
        response = curator_client.post(revert, {"version": record.version}, follow=True)
        assert response.status_code == 200
        assert "cannot be restored" in response.content.decode()
        assert Investment.objects.get(pk=investment_id).investee.slug == "meta"


class TestPermissions:
    def test_anonymous_users_are_sent_to_the_login_page(self, seeded, client):
        deal = Deal.objects.first()
        for url in (CHANGELIST, change_url(deal)):
            response = client.get(url)
            assert response.status_code == 302
            assert response.url.startswith(reverse("admin:login"))
        assert client.post(change_url(deal), {"title": "x"}).status_code == 302
        assert Deal.objects.get(pk=deal.pk).title == deal.title

    def test_a_reviewer_can_read_but_not_change(self, seeded, client, reviewer):
        client.force_login(reviewer)
        deal = Deal.objects.get(slug="meta-play-ai-acquisition")
        assert client.get(CHANGELIST).status_code == 200
        page = client.get(change_url(deal))
        assert page.status_code == 200
        assert 'name="_save"' not in page.content.decode()
        data = {"title": "Changed by a reviewer", "status": "completed", "kinds": ["bid"]}
        assert client.post(change_url(deal), data).status_code == 403
        assert client.get(ADD).status_code == 403
        assert Deal.objects.get(pk=deal.pk).title == deal.title

    def test_a_curator_cannot_manage_users(self, curator_client):
        assert curator_client.get(reverse("admin:auth_user_changelist")).status_code == 403


class TestArabicAdmin:
    def test_the_admin_speaks_arabic_right_to_left(self, seeded, curator_client):
        response = curator_client.get("/ar" + CHANGELIST)
        page = response.content.decode()
        assert 'dir="rtl"' in page
        assert "الصفقات" in page
        assert "مُعلنة" in page
        assert "غير مُفصح عنها" in page

    def test_the_language_switcher_leads_to_the_arabic_admin(self, seeded, curator_client):
        response = curator_client.post(
            reverse("set_language"), {"language": "ar", "next": CHANGELIST}
        )
        assert response["Location"] == "/ar" + CHANGELIST
        assert 'lang="ar"' in curator_client.get(response["Location"]).content.decode()
