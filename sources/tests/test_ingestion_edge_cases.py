"""Bad input at every door of ingestion and review is a clear error, never a 500."""

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.urls import reverse

from companies.models import Alias, Company
from companies.tests.factories import CompanyFactory
from sources.models import ProposalStatus

from .factories import ArticleFactory, ProposalFactory

pytestmark = pytest.mark.django_db

DEAL = {"title": "T", "kinds": ["acquisition"], "status": "announced"}


def accept(client, proposal, payload):
    return client.post(
        f"/api/v1/proposals/{proposal.pk}/accept/", {"payload": payload}, format="json"
    )


def nested(depth):
    value = "x"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("kind", "payload", "field"),
    [
        (
            "deal",
            {**DEAL, "parties": [{"type": ["x"], "name": "N", "role": "acquirer"}]},
            "parties[0]",
        ),
        ("deal", {**DEAL, "parties": [{"name": {"x": 1}, "role": "acquirer"}]}, "parties[0]"),
        ("deal", {**DEAL, "parties": [{"name": "!!!", "role": "acquirer"}]}, "parties[0]"),
        ("deal", {**DEAL, "parties": [{"name": "N", "slug": 5, "role": "acquirer"}]}, "parties[0]"),
        ("company", {"name": "Nimbus", "spellings": 5}, "spellings"),
        ("company", {"name": "Nimbus", "spellings": "Lumen"}, "spellings"),
        ("company", {"name": "Nimbus", "note": "a\x00b"}, "payload"),
        ("company", {"name": "Nimbus", "junk": nested(50)}, "payload"),
        ("company", {"name": "Nimbus", "spellings": ["a" * 300]}, "name"),
        ("product", {"name": "Eye", "kind": "app", "company": {"type": ["company"]}}, "company"),
        ("alias", {"name": ["Nimbo"], "target": {"type": "company", "slug": "lumen"}}, "name"),
        ("alias", {"name": "x", "target": {"type": ["company"], "slug": "lumen"}}, "target"),
        ("alias", {"name": "???", "target": {"type": "company", "slug": "lumen"}}, "name"),
        (
            "development",
            {
                "title": "D",
                "kind": "court_rulings",
                "summary": "s",
                "companies": [{"type": "person", "name": "Jane Roe"}],
            },
            "companies[0]",
        ),
        ("development", {"title": ["D"], "kind": "court_rulings", "summary": "s"}, "title"),
    ],
)
def test_malformed_payloads_are_400s_naming_the_field(curator_api, kind, payload, field):
    CompanyFactory(name="Lumen", slug="lumen")
    proposal = ProposalFactory(kind=kind, payload={})

    response = accept(curator_api, proposal, payload)

    assert response.status_code == 400, response.content
    assert field in " ".join(response.json()), response.json()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING
    assert Company.objects.count() == 1


def test_a_body_nested_beyond_the_parser_is_a_400(curator_api):
    proposal = ProposalFactory()
    body = "[" * 100_000 + "]" * 100_000
    response = curator_api.post(
        f"/api/v1/proposals/{proposal.pk}/accept/", body, content_type="application/json"
    )
    assert response.status_code == 400


def test_a_new_name_already_recorded_is_a_merge_not_a_second_record(curator_api):
    lumen = CompanyFactory(name="Lumen Vision")
    Alias.objects.get_or_create(company=lumen, name="Lumen Vision", key="lumen vision")
    proposal = ProposalFactory(payload={"name": "Lumen Vision"})

    response = accept(curator_api, proposal, proposal.payload)

    assert response.status_code == 400
    assert lumen.slug in response.json()["name"][0]
    assert Company.objects.count() == 1


@pytest.mark.parametrize("value", ["1.5", "99999999999999999999999", "-1", "abc"])
def test_the_article_filter_takes_a_whole_id(curator_api, value):
    assert curator_api.get("/api/v1/proposals/", {"article": value}).status_code == 400


def test_staff_without_the_curators_permissions_see_no_full_text(api_client, django_user_model):
    staff = django_user_model.objects.create_user("staff", is_staff=True)
    article = ArticleFactory(text="Copyrighted news text.")
    api_client.force_authenticate(staff)
    body = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    assert (body["text"], body["ingestion"]) == (None, None)


def test_deciding_checks_permissions_before_reading_the_body(api_client, reviewer):
    proposal = ProposalFactory()
    api_client.force_authenticate(reviewer)
    for action, body in (("accept", {"payload": 1}), ("merge", {}), ("reject", {"note": 5})):
        response = api_client.post(
            f"/api/v1/proposals/{proposal.pk}/{action}/", body, format="json"
        )
        assert response.status_code == 403, action


def test_accepting_needs_the_right_to_create_what_the_proposal_names(api_client, django_user_model):
    user = django_user_model.objects.create_user("narrow", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=[
                "view_article",
                "view_proposal",
                "change_proposal",
                "add_citation",
                "add_deal",
            ]
        )
    )
    proposal = ProposalFactory(kind="deal", payload={**DEAL, "parties": []})
    api_client.force_authenticate(user)
    response = accept(api_client, proposal, proposal.payload)
    assert response.status_code == 403


def test_the_admin_shows_model_rules_as_form_errors(curator_client):
    proposal = ProposalFactory(payload={"name": "Lumen"})
    url = reverse("admin:sources_proposal_accept", args=[proposal.pk])
    response = curator_client.post(
        url, {"payload": '{"name": "Lumen", "spellings": ["' + "a" * 300 + '"]}'}
    )
    assert response.status_code == 200
    assert "name" in response.content.decode()
    assert not Company.objects.exists()


def test_an_unknown_record_in_the_merge_form_is_a_form_error(curator_client):
    proposal = ProposalFactory()
    url = reverse("admin:sources_proposal_merge", args=[proposal.pk])
    response = curator_client.post(url, {"into": "abc"})
    assert response.status_code == 200
    assert response.context["form"].errors["into"]


def test_a_decided_proposal_cannot_be_reverted_to_pending(curator_client, curator):
    from sources.services import proposal_reject

    proposal = ProposalFactory()
    proposal_reject(proposal=proposal, user=curator)
    first = proposal.history.order_by("history_id").first()
    url = reverse("admin:sources_proposal_simple_history", args=[proposal.pk, first.history_id])
    assert curator_client.post(url, {"version": proposal.version + 1}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not = [toml", "not valid TOML"),
        ("[[known]]\nname = 'x'\n", "missing or unknown 'articles'"),
        (
            "[[articles]]\nkey = 'a'\nlanguage = 'en'\ntext = 'x'\nknown = ['Nobody']\n",
            "missing or unknown 'Nobody'",
        ),
    ],
)
def test_a_broken_labelled_set_is_a_command_error(tmp_path, monkeypatch, content, message):
    import contextlib

    from sources.management.commands import eval_ingest

    monkeypatch.setattr(eval_ingest, "throwaway_database", contextlib.nullcontext)
    path = tmp_path / "labels.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("eval_ingest", "--labels", str(path))
