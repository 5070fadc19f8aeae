"""Review levels of deals, investments, lawsuits and developments: defaults, who set
them and when, accepted proposals, and the admin field saved into history."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from companies.tests.factories import CompanyFactory
from core.models import ReviewLevel
from core.tests.admin_forms import admin_form_data, errors_of
from deals.models import Deal, Investment
from deals.services import (
    deal_create,
    deal_update,
    development_create,
    investment_create,
    lawsuit_create,
)
from sources.services import proposal_accept
from sources.tests.factories import ArticleFactory, ProposalFactory

pytestmark = pytest.mark.django_db

MOMENT = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)
SENTENCE = "Nimbus Robotics put $5 million into Lumen Vision."


def test_levels_are_ordered_and_at_least_keeps_the_higher_ones():
    assert ReviewLevel.at_least("machine") == ["machine", "reviewed", "verified"]
    assert ReviewLevel.at_least("reviewed") == ["reviewed", "verified"]
    assert ReviewLevel.at_least("verified") == ["verified"]


def test_records_a_curator_writes_are_reviewed_by_them(curator):
    company = CompanyFactory()
    records = [
        deal_create(title="A deal", status="announced", kinds=["partnership"], user=curator),
        investment_create(investee=company, status="announced", user=curator),
        lawsuit_create(title="A v. B", status="filed", user=curator),
        development_create(title="A ruling", kind="court_rulings", summary="x", user=curator),
    ]
    for record in records:
        assert record.review == ReviewLevel.REVIEWED
        assert record.review_by == curator
        assert record.review_at is not None


def test_a_record_written_without_a_user_is_reviewed_by_nobody():
    deal = deal_create(title="Seeded", status="announced", kinds=["partnership"])
    assert (deal.review, deal.review_by) == ("reviewed", None)
    assert deal.review_at is not None


def test_changing_the_level_stamps_who_and_when_and_other_edits_keep_it(curator):
    deal = deal_create(title="A deal", status="announced", kinds=["partnership"])
    first_at = deal.review_at
    deal = deal_update(deal=deal, summary="More words.", user=curator)
    assert (deal.review_by, deal.review_at) == (None, first_at)
    deal = deal_update(deal=deal, review=ReviewLevel.VERIFIED, user=curator)
    deal.refresh_from_db()
    assert (deal.review, deal.review_by) == ("verified", curator)
    assert deal.review_at > first_at


def test_an_accepted_proposal_is_machine_extracted_with_the_accepting_curator(curator):
    article = ArticleFactory(text=SENTENCE)
    proposal = ProposalFactory(
        article=article,
        kind="investment",
        evidence=SENTENCE,
        payload={
            "investee": {"type": "company", "name": "Lumen Vision"},
            "investors": [{"type": "company", "name": "Nimbus Robotics"}],
            "status": "announced",
            "review": "verified",
        },
    )
    with time_machine.travel(MOMENT, tick=False):
        investment = proposal_accept(proposal=proposal, user=curator)
    assert isinstance(investment, Investment)
    assert (investment.review, investment.review_by, investment.review_at) == (
        "machine",
        curator,
        MOMENT,
    )


def test_an_accepted_deal_is_machine_extracted(curator):
    sentence = "Nimbus Robotics agreed to acquire Lumen Vision."
    proposal = ProposalFactory(
        article=ArticleFactory(text=sentence),
        kind="deal",
        evidence=sentence,
        payload={
            "title": "Nimbus Robotics acquires Lumen Vision",
            "kinds": ["acquisition"],
            "status": "announced",
            "parties": [
                {"type": "company", "name": "Nimbus Robotics", "role": "acquirer"},
                {"type": "company", "name": "Lumen Vision", "role": "target"},
            ],
        },
    )
    deal = proposal_accept(proposal=proposal, user=curator)
    assert (deal.review, deal.review_by) == ("machine", curator)


def test_a_curator_raises_the_level_in_the_admin_and_history_shows_it(curator_client, curator):
    deal = deal_create(title="A deal", status="announced", kinds=["partnership"])
    change = reverse("admin:deals_deal_change", args=[deal.pk])
    page = curator_client.get(change)
    data = admin_form_data(page)
    assert data["review"] == "reviewed"
    data["review"] = "verified"
    response = curator_client.post(change, data)
    assert response.status_code == 302, errors_of(response)
    deal = Deal.objects.get(pk=deal.pk)
    assert (deal.review, deal.review_by, deal.version) == ("verified", curator, 2)
    last = deal.history.order_by("-history_date").first()
    assert (last.review, last.history_user) == ("verified", curator)
    history = curator_client.get(reverse("admin:deals_deal_history", args=[deal.pk]))
    assert "verified" in history.content.decode()


def test_the_admin_list_filters_by_level(curator_client):
    deal_create(title="Checked deal", status="announced", kinds=["partnership"])
    machine = deal_create(title="Extracted deal", status="announced", kinds=["partnership"])
    deal_update(deal=machine, review="machine")
    response = curator_client.get(reverse("admin:deals_deal_changelist"), {"review": "machine"})
    assert [deal.title for deal in response.context["cl"].result_list] == ["Extracted deal"]
