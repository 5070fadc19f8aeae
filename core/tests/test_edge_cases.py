"""Inputs and sequences that once went wrong: each gets a clear answer, never a 500."""

import base64

import orjson
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from companies.models import Company
from deals.models import Deal

pytestmark = pytest.mark.usefixtures("seeded")


def cursor(key, pk) -> str:
    return base64.urlsafe_b64encode(orjson.dumps([key, pk])).decode().rstrip("=")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/deals/?page_size=²",
        "/api/v1/search/?q=meta&limit=²",
        "/api/v1/timeline/?year=²",
        "/api/v1/articles/²/",
        "/companies/²/",
        "/deals/²/",
        "/people/٣/",
    ],
)
def test_non_ascii_digits_are_refused_not_a_server_error(client, url):
    assert client.get(url).status_code in (400, 404)


@pytest.mark.parametrize(
    ("url", "position"),
    [
        ("/api/v1/deals/", [None, 1]),
        ("/api/v1/deals/", [[1], 1]),
        ("/api/v1/deals/", [{"n": "5"}, 1]),
        ("/api/v1/deals/?ordering=-value", [{"d": "2020-01-01"}, 1]),
        ("/api/v1/articles/", [{"d": "2020-01-01"}, 1]),
        ("/api/v1/articles/", ["abc", 1]),
        ("/api/v1/articles/", [True, 1]),
    ],
)
def test_hand_made_cursors_are_a_400(api_client, url, position):
    separator = "&" if "?" in url else "?"
    response = api_client.get(f"{url}{separator}cursor={cursor(*position)}")
    assert response.status_code == 400
    assert "cursor" in response.json()


def test_the_detail_etag_works_as_if_match(curator_api):
    url = "/api/v1/deals/meta-play-ai-acquisition/"
    etag = curator_api.get(url)["ETag"]
    assert etag.startswith('W/"1.')
    updated = curator_api.patch(url, {"status": "completed"}, format="json", HTTP_IF_MATCH=etag)
    assert updated.status_code == 200
    stale = curator_api.patch(url, {"status": "rejected"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    fresh = curator_api.get(url)["ETag"]
    assert curator_api.get(url, HTTP_IF_NONE_MATCH=fresh).status_code == 304


def test_csv_lists_name_parties_and_roles(api_client):
    deals = api_client.get("/api/v1/deals/", {"format": "csv"}).content.decode()
    assert "meta (licensee) | midjourney (licensor)" in deals
    people = api_client.get("/api/v1/people/", {"format": "csv"}).content.decode()
    assert "meta (Head of AI)" in people


def test_merging_needs_the_delete_permission(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(codename__in=["view_company", "change_company"])
    )
    client.force_login(editor)
    companies = list(Company.objects.values_list("pk", flat=True)[:2])
    client.post(
        reverse("admin:companies_company_changelist"),
        {
            "action": "merge_companies",
            "_selected_action": companies,
            "survivor": companies[0],
            "confirm": "yes",
        },
    )
    assert Company.objects.filter(pk__in=companies).count() == 2


def test_a_revert_that_cannot_be_restored_says_so(curator_client, curator_api):
    from companies.services import company_merge

    url = "/api/v1/investments/meta-investment-in-scale-ai/"
    investment = curator_api.get(url).json()
    investment_id = investment["id"]
    from deals.models import Investment

    first = Investment.history.filter(id=investment_id).earliest("history_date")
    company_merge(
        survivor=Company.objects.get(slug="meta"), duplicates=[Company.objects.get(slug="scale-ai")]
    )
    record = Investment.objects.get(pk=investment_id)
    revert = reverse(
        "admin:deals_investment_simple_history", args=[investment_id, first.history_id]
    )
    response = curator_client.post(revert, {"version": record.version}, follow=True)
    assert response.status_code == 200
    assert "cannot be restored" in response.content.decode()
    assert Investment.objects.get(pk=investment_id).investee.slug == "meta"


def test_a_revert_without_a_version_or_with_a_bad_id_is_refused(curator_client):
    deal = Deal.objects.get(slug="meta-play-ai-acquisition")
    first = deal.history.earliest("history_date")
    url = reverse("admin:deals_deal_simple_history", args=[deal.pk, first.history_id])
    response = curator_client.post(url, {}, follow=True)
    assert "out of date" in response.content.decode()
    assert curator_client.get(f"/admin/deals/deal/{deal.pk}/history/abc/").status_code == 404
    assert curator_client.get("/admin/deals/deal/?year=²").status_code == 200
