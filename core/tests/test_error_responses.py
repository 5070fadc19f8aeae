"""Errors Django answers itself: JSON under /api/, pages elsewhere, never an HTML 500 to
an API client; an unreachable database is a 503 with Retry-After."""

import pytest
from django.db import OperationalError
from django.test import Client
from rest_framework.authtoken.models import Token

from core.api.views import RecordViewSet
from core.errors import RETRY_AFTER


@pytest.fixture
def plain_client():
    """A client that answers as the server does, instead of raising the view's exception."""
    return Client(raise_request_exception=False)


@pytest.fixture
def curator_plain(plain_client, curator):
    token, _ = Token.objects.get_or_create(user=curator)
    plain_client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return plain_client


def _json_detail(response) -> str:
    assert response["Content-Type"] == "application/json"
    return response.json()["detail"]


def _fail_with(monkeypatch, error: Exception) -> None:
    def fail(self, ids):
        raise error

    monkeypatch.setattr(RecordViewSet, "build", fail)


def test_an_oversized_api_body_is_a_json_413(curator_plain, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = b'{"title": "' + b"x" * 2000 + b'"}'
    response = curator_plain.post("/api/v1/deals/", body, content_type="application/json")
    assert response.status_code == 413
    assert "1000 bytes" in _json_detail(response)


@pytest.mark.parametrize("path", ["/api/v1/no-such-thing/", "/api/v1/deals/x/y/z/", "/api/nope"])
def test_an_unknown_api_url_is_a_json_404(plain_client, path):
    response = plain_client.get(path)
    assert response.status_code == 404
    assert _json_detail(response)


def test_an_unknown_page_stays_an_html_404(plain_client):
    response = plain_client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_an_unhandled_api_exception_is_a_json_500(plain_client, monkeypatch):
    _fail_with(monkeypatch, RuntimeError("boom"))
    response = plain_client.get("/api/v1/companies/")
    assert response.status_code == 500
    assert _json_detail(response)
    assert "boom" not in response.content.decode()


@pytest.mark.django_db
def test_a_lost_database_is_a_json_503_with_retry_after(plain_client, monkeypatch):
    _fail_with(monkeypatch, OperationalError("connection refused"))
    response = plain_client.get("/api/v1/companies/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
    assert "database" in _json_detail(response)


def test_a_lost_database_is_a_friendly_503_page(plain_client, monkeypatch):
    def fail(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", fail)
    response = plain_client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
    assert "try again" in response.content.decode()


def test_an_unknown_arabic_page_is_an_arabic_404_in_the_sites_chrome(plain_client):
    response = plain_client.get("/ar/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'class="site-header"' in html
    assert 'href="/ar/timeline/"' in html
    assert "الصفحة غير موجودة" in html


def test_a_failing_page_is_a_500_in_the_pages_language_without_details(plain_client, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("core.views.render", fail)
    response = plain_client.get("/ar/search/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<a class="brand" href="/ar/">' in html
    assert "حدث خطأ" in html
    assert "boom" not in html


def test_the_500_page_renders_without_a_request():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("en"):
        html = render_to_string("500.html")
    assert '<html lang="en" dir="ltr">' in html
    assert '<a class="brand" href="/">' in html
    assert "/static/css/site.css" in html


@pytest.mark.django_db
def test_browsers_asking_for_favicon_ico_get_the_sites_icon(plain_client):
    response = plain_client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.svg"
    page = plain_client.get("/search/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page


@pytest.mark.parametrize(
    ("template", "title"),
    [("400.html", "طلب غير صالح"), ("403.html", "الوصول مرفوض"), ("503.html", "غير متاح مؤقتًا")],
)
def test_the_other_error_pages_are_in_the_sites_language(template, title):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("ar"):
        html = render_to_string(template)
    assert '<html lang="ar" dir="rtl">' in html
    assert f"<h1>{title}</h1>" in html


@pytest.mark.django_db
def test_a_refused_language_switch_explains_itself_in_the_sites_chrome():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    assert response.status_code == 403
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "The form has expired" in html
