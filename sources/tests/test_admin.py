"""Curators in the admin: pasting an article, and the proposal review queue."""

import json

import pytest
from django.urls import reverse

from companies.models import Company
from companies.tests.factories import CompanyFactory
from deals.models import Deal
from sources.models import Article, IngestionStatus, Proposal, ProposalStatus
from sources.services import proposal_reject

from .factories import ArticleFactory, ProposalFactory

pytestmark = pytest.mark.django_db

ARTICLE_ADD = reverse("admin:sources_article_add")
QUEUE = reverse("admin:sources_proposal_changelist")
TEXT = "Nimbus Robotics agreed to acquire Lumen Vision Inc. for $120 million in March 2024."


def paste(client, text=TEXT, capture=None):
    form = {
        "title": "Nimbus buys Lumen",
        "language": "en",
        "outlet": "Example News",
        "url": "",
        "text": text,
        "published_on": "",
        "published_precision": "unknown",
        "published_basis": "stated",
        "published_note": "",
        "attribution": "",
        "version": "",
        "ingestion_runs-TOTAL_FORMS": "0",
        "ingestion_runs-INITIAL_FORMS": "0",
    }
    with capture(execute=True):
        return client.post(ARTICLE_ADD, form)


def test_a_pasted_article_is_ingested_and_its_status_shown(
    curator_client, django_capture_on_commit_callbacks
):
    response = paste(curator_client, capture=django_capture_on_commit_callbacks)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    run = article.ingestion_runs.get()
    assert run.status == IngestionStatus.DONE
    assert run.requested_by.username == "curator"
    page = curator_client.get(reverse("admin:sources_article_change", args=[article.pk]))
    assert "Review this article&#x27;s proposals" in page.content.decode()
    listing = curator_client.get(reverse("admin:sources_article_changelist")).content.decode()
    assert "done" in listing


def test_pasting_the_same_text_again_points_to_the_existing_article(
    curator_client, django_capture_on_commit_callbacks
):
    paste(curator_client, capture=django_capture_on_commit_callbacks)
    response = paste(curator_client, TEXT + "\n\n", capture=django_capture_on_commit_callbacks)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["text"]
    assert "already in the tracker" in errors[0]
    existing = Article.objects.get()
    assert reverse("admin:sources_article_change", args=[existing.pk]) in errors[0]


@pytest.mark.parametrize("text", ["   ", "nul\x00"])
def test_an_empty_or_malformed_paste_is_a_form_error(
    curator_client, django_capture_on_commit_callbacks, text
):
    response = paste(curator_client, text, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["text"]
    assert not Article.objects.exists()


def test_ingest_again_action_queues_a_new_run(curator_client, django_capture_on_commit_callbacks):
    article = ArticleFactory(text=TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(
            reverse("admin:sources_article_changelist"),
            {"action": "ingest_again", "_selected_action": [article.pk]},
        )
    assert article.ingestion_runs.get().status == IngestionStatus.DONE


def test_the_queue_lists_and_filters_proposals(curator_client):
    ProposalFactory(summary="New company: Lumen Vision")
    ProposalFactory(summary="Old one", status="rejected", decided_at="2024-01-01T00:00Z")
    page = curator_client.get(QUEUE, {"status__exact": "pending"})
    assert [p.summary for p in page.context["cl"].result_list] == ["New company: Lumen Vision"]
    assert "70%" in page.content.decode()


def test_the_queue_hides_unlikely_proposals_unless_asked(curator_client):
    ProposalFactory(summary="Likely", confidence=0.5)
    ProposalFactory(summary="Unlikely", confidence=0.35)

    def listed(**query):
        page = curator_client.get(QUEUE, query)
        return sorted(p.summary for p in page.context["cl"].result_list)

    assert listed() == ["Likely"]
    assert listed(likely="no") == ["Unlikely"]
    assert listed(likely="all") == ["Likely", "Unlikely"]
    assert "likely (50% or more)" in curator_client.get(QUEUE).content.decode()


def test_the_change_page_offers_the_decisions(curator_client):
    proposal = ProposalFactory()
    page = curator_client.get(reverse("admin:sources_proposal_change", args=[proposal.pk]))
    html = page.content.decode()
    for name in ("accept", "merge", "reject"):
        assert reverse(f"admin:sources_proposal_{name}", args=[proposal.pk]) in html


def test_a_decided_proposal_offers_no_more_decisions(curator_client, curator):
    proposal = ProposalFactory()
    proposal_reject(proposal=proposal, user=curator)
    page = curator_client.get(reverse("admin:sources_proposal_change", args=[proposal.pk]))
    html = page.content.decode()
    for name in ("accept", "merge", "reject"):
        assert reverse(f"admin:sources_proposal_{name}", args=[proposal.pk]) not in html


def test_a_new_spelling_is_not_offered_a_merge(curator_client):
    proposal = ProposalFactory(kind="alias", payload={"name": "Mydjourney"})
    html = curator_client.get(
        reverse("admin:sources_proposal_change", args=[proposal.pk])
    ).content.decode()
    assert reverse("admin:sources_proposal_accept", args=[proposal.pk]) in html
    assert reverse("admin:sources_proposal_merge", args=[proposal.pk]) not in html


def test_edit_then_accept(curator_client):
    proposal = ProposalFactory(payload={"name": "Lumen Vision", "name_ar": ""})
    url = reverse("admin:sources_proposal_accept", args=[proposal.pk])
    form = curator_client.get(url)
    assert json.loads(form.context["form"]["payload"].value()) == proposal.payload

    edited = {"name": "Lumen Vision Inc", "name_ar": "لومن فيجن", "kinds": ["startup"]}
    response = curator_client.post(url, {"payload": json.dumps(edited, ensure_ascii=False)})

    assert response.status_code == 302
    company = Company.objects.get()
    assert (company.name, company.name_ar) == ("Lumen Vision Inc", "لومن فيجن")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.company) == (ProposalStatus.ACCEPTED, company)
    assert company.history.first().history_user.username == "curator"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{not json", "Enter a valid JSON"),
        (json.dumps({"name": ""}), "name"),
    ],
)
def test_an_invalid_edit_is_shown_and_nothing_is_created(curator_client, payload, message):
    proposal = ProposalFactory()
    url = reverse("admin:sources_proposal_accept", args=[proposal.pk])
    response = curator_client.post(url, {"payload": payload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Company.objects.exists()


def test_merge_into_an_existing_record(curator_client):
    lumen = CompanyFactory(name="Lumen Vision")
    proposal = ProposalFactory(payload={"name": "Lumen Vision Inc.", "spellings": []})
    url = reverse("admin:sources_proposal_merge", args=[proposal.pk])
    assert curator_client.get(url).status_code == 200

    response = curator_client.post(url, {"into": lumen.pk, "note": "same"})

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.company) == (ProposalStatus.MERGED, lumen)


def test_reject_with_a_note(curator_client):
    proposal = ProposalFactory()
    url = reverse("admin:sources_proposal_reject", args=[proposal.pk])
    curator_client.post(url, {"note": "a typo"})
    proposal.refresh_from_db()
    assert (proposal.status, proposal.note) == (ProposalStatus.REJECTED, "a typo")


def test_bulk_accept_reports_what_failed_and_bulk_reject(curator_client):
    good = ProposalFactory(payload={"name": "Lumen Vision"})
    bad = ProposalFactory(kind="deal", payload={"title": "x", "kinds": ["nope"], "parties": []})
    response = curator_client.post(
        QUEUE, {"action": "accept_selected", "_selected_action": [good.pk, bad.pk]}, follow=True
    )
    messages = [str(m) for m in response.context["messages"]]
    assert "1 proposal accepted." in messages
    assert any(m.startswith(f"{bad}: kinds") for m in messages)
    assert not Deal.objects.exists()

    curator_client.post(QUEUE, {"action": "reject_selected", "_selected_action": [bad.pk]})
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses == {good.pk: ProposalStatus.ACCEPTED, bad.pk: ProposalStatus.REJECTED}


def test_a_reviewer_cannot_decide_and_is_offered_no_decision(client, reviewer):
    client.force_login(reviewer)
    proposal = ProposalFactory()
    assert client.get(QUEUE).status_code == 200
    page = client.get(reverse("admin:sources_proposal_change", args=[proposal.pk]))
    assert page.status_code == 200
    assert proposal.summary in page.content.decode()
    for name in ("accept", "merge", "reject"):
        assert reverse(f"admin:sources_proposal_{name}", args=[proposal.pk]) not in (
            page.content.decode()
        )
    for name in ("accept", "merge", "reject"):
        url = reverse(f"admin:sources_proposal_{name}", args=[proposal.pk])
        assert client.post(url, {"note": "x"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING


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
    proposal = ProposalFactory()
    proposal_reject(proposal=proposal, user=curator)
    first = proposal.history.order_by("history_id").first()
    url = reverse("admin:sources_proposal_simple_history", args=[proposal.pk, first.history_id])
    assert curator_client.post(url, {"version": proposal.version + 1}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED
