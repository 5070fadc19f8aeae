"""Every admin list answers bad filter values with a message or ignores them, never a 500."""

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.test import Client, RequestFactory
from django.urls import reverse

#: Years no date can have, and a NUL, which PostgreSQL refuses in any text.
BAD_VALUES = ["0", "99999999999", "-5", "\x00", "2024\x00"]


def filter_parameters(model_admin, user) -> list[str]:
    """The query parameters the list's filters read, and `year` (a filter on most lists)."""
    request = RequestFactory().get("/")
    request.user = user
    changelist = model_admin.get_changelist_instance(request)
    names = [name for spec in changelist.filter_specs for name in spec.expected_parameters()]
    return ["year", *names]


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("boss", password="boss-pass")


@pytest.mark.parametrize(
    "model",
    list(admin.site._registry),
    ids=lambda model: f"{model._meta.app_label}.{model.__name__}",
)
def test_bad_filter_values_never_fail_a_list(model, superuser):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    model_admin = admin.site._registry[model]
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    failures = []
    for name in filter_parameters(model_admin, superuser):
        for value in BAD_VALUES:
            response = client.get(url, {name: value}, follow=True)
            if response.status_code != 200:
                failures.append((name, value, response.status_code))
    assert failures == []


def shown_messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("value", ["0", "99999999999", "-5", "10000"])
def test_a_year_no_date_can_have_is_reported_and_ignored(admin_client, value):
    response = admin_client.get(reverse("admin:deals_deal_changelist"), {"year": value})
    assert response.status_code == 200
    assert shown_messages(response) == [
        f"“{value}” is not a year from 1 to 9999: the filter was ignored."
    ]


def test_a_nul_drops_its_parameter_and_keeps_the_others(admin_client):
    url = reverse("admin:deals_deal_changelist")
    response = admin_client.get(url, {"status__exact": "\x00", "year": "2024"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?year=2024"
    assert "NUL" in shown_messages(admin_client.get(response["Location"]))[0]
