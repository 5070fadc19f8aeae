"""A deal's lifecycle and the links between events: their services and rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.dates import DateBasis, PartialDate
from core.history import record_revert
from deals.models import DealStatus, DealTransition, EventLink, LinkRelation
from deals.services import (
    deal_transition_add,
    deal_transition_remove,
    deal_transition_update,
    deal_update,
    event_link_add,
    event_link_remove,
    event_link_update,
)

from .factories import (
    DealFactory,
    DevelopmentFactory,
    InvestmentFactory,
    LawsuitEventFactory,
    LawsuitFactory,
)

pytestmark = pytest.mark.django_db


def day(text: str) -> PartialDate:
    return PartialDate.parse(text)


def test_a_transition_sets_the_deals_status():
    deal = DealFactory(status=DealStatus.TALKS)
    step = deal_transition_add(deal=deal, status=DealStatus.OFFERED, occurred=day("2025-02-10"))
    deal.refresh_from_db()
    assert deal.status == DealStatus.OFFERED
    assert step.occurred == day("2025-02-10")
    assert deal.version == 2


def test_the_status_is_the_latest_by_date_whatever_the_order_of_recording():
    deal = DealFactory(status=DealStatus.TALKS)
    deal_transition_add(deal=deal, status=DealStatus.REJECTED, occurred=day("2025-02-14"))
    deal_transition_add(deal=deal, status=DealStatus.OFFERED, occurred=day("2025-02"))
    deal.refresh_from_db()
    assert deal.status == DealStatus.REJECTED
    statuses = list(deal.transitions.values_list("status", flat=True))
    assert statuses == [DealStatus.OFFERED, DealStatus.REJECTED]


def test_an_undated_step_comes_last_and_ties_go_by_recording():
    deal = DealFactory(status=DealStatus.TALKS)
    deal_transition_add(deal=deal, status=DealStatus.WITHDRAWN)
    deal_transition_add(deal=deal, status=DealStatus.OFFERED, occurred=day("2025"))
    deal.refresh_from_db()
    assert deal.status == DealStatus.WITHDRAWN
    deal_transition_add(deal=deal, status=DealStatus.COMPLETED)
    deal.refresh_from_db()
    assert deal.status == DealStatus.COMPLETED


def test_editing_or_removing_a_step_moves_the_status():
    deal = DealFactory(status=DealStatus.TALKS)
    offered = deal_transition_add(deal=deal, status=DealStatus.OFFERED, occurred=day("2025-02"))
    rejected = deal_transition_add(deal=deal, status=DealStatus.REJECTED, occurred=day("2025-03"))
    deal_transition_update(transition=offered, occurred_on=datetime.date(2025, 4, 1))
    deal.refresh_from_db()
    assert deal.status == DealStatus.OFFERED
    deal_transition_remove(transition=DealTransition.objects.get(pk=offered.pk))
    deal.refresh_from_db()
    assert deal.status == DealStatus.REJECTED
    deal_transition_remove(transition=rejected)
    deal.refresh_from_db()
    assert deal.status == DealStatus.REJECTED  # kept: no step is left to follow


def test_a_transition_is_validated():
    deal = DealFactory()
    with pytest.raises(ValidationError) as error:
        deal_transition_add(deal=deal, status="sold")
    assert "status" in error.value.message_dict
    curator_date = PartialDate(datetime.date(2025, 2, 1), "month", DateBasis.CURATOR, "x")
    step = deal_transition_add(deal=deal, status=DealStatus.OFFERED, occurred=curator_date)
    assert step.occurred.basis == DateBasis.CURATOR
    assert not DealTransition.objects.filter(status="sold").exists()


def test_a_status_change_through_deal_update_records_a_step():
    deal = DealFactory(status=DealStatus.OFFERED)
    deal_update(deal=deal, title="Renamed")
    assert not deal.transitions.exists()
    deal_update(deal=deal, status=DealStatus.REJECTED, reason="OpenAI said no")
    (step,) = deal.transitions.all()
    assert step.status == DealStatus.REJECTED
    assert not step.occurred.is_known
    assert deal.history.first().history_change_reason == "OpenAI said no"
    deal_update(deal=deal, status=DealStatus.REJECTED)
    assert deal.transitions.count() == 1


def test_a_status_change_after_a_dated_lifecycle_becomes_the_latest_step():
    deal = DealFactory(status=DealStatus.TALKS)
    deal_transition_add(deal=deal, status=DealStatus.OFFERED, occurred=day("2025-02-10"))
    deal.refresh_from_db()
    deal_update(deal=deal, status=DealStatus.WITHDRAWN)
    deal.refresh_from_db()
    assert deal.status == DealStatus.WITHDRAWN
    assert deal.transitions.last().status == DealStatus.WITHDRAWN


def test_a_link_reads_both_ways():
    licence, lawsuit = DealFactory(title="Licence"), LawsuitFactory(title="Suit")
    link = event_link_add(subject=licence, relation=LinkRelation.FOLLOWS, target=lawsuit)
    assert (link.subject, link.target) == (licence, lawsuit)
    assert link.get_relation_display() == "follows"
    assert link.inverse_label == "is followed by"
    assert list(licence.links_from.all()) == [link]
    assert list(lawsuit.links_to.all()) == [link]


@pytest.mark.parametrize(
    ("subject", "relation", "target"),
    [
        (InvestmentFactory, LinkRelation.FUNDS, DealFactory),
        (DealFactory, LinkRelation.SETTLES, LawsuitFactory),
        (LawsuitEventFactory, LinkRelation.CHALLENGES, DevelopmentFactory),
        (DevelopmentFactory, LinkRelation.RESPONDS_TO, LawsuitEventFactory),
    ],
)
def test_allowed_kinds(subject, relation, target):
    link = event_link_add(subject=subject(), relation=relation, target=target())
    assert EventLink.objects.filter(pk=link.pk).exists()


def test_no_self_link_no_duplicate_no_wrong_kinds():
    deal, lawsuit = DealFactory(), LawsuitFactory()
    with pytest.raises(ValidationError, match="itself"):
        event_link_add(subject=deal, relation=LinkRelation.FOLLOWS, target=deal)
    event_link_add(subject=deal, relation=LinkRelation.FOLLOWS, target=lawsuit)
    with pytest.raises(ValidationError, match="already linked"):
        event_link_add(subject=deal, relation=LinkRelation.FOLLOWS, target=lawsuit)
    with pytest.raises(ValidationError) as error:
        event_link_add(subject=lawsuit, relation=LinkRelation.FUNDS, target=deal)
    assert "relation" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        event_link_add(subject=deal.parties.model(), relation=LinkRelation.FOLLOWS, target=deal)
    assert "subject" in error.value.message_dict
    assert EventLink.objects.count() == 1


def test_a_link_is_changed_and_removed_under_the_same_rules():
    deal, lawsuit = DealFactory(), LawsuitFactory()
    link = event_link_add(subject=deal, relation=LinkRelation.FOLLOWS, target=lawsuit)
    event_link_update(link=link, relation=LinkRelation.SETTLES, note="Settled by licence")
    link.refresh_from_db()
    assert (link.relation, link.version) == (LinkRelation.SETTLES, 2)
    with pytest.raises(ValidationError):
        event_link_update(link=link, relation=LinkRelation.FUNDS)
    event_link_remove(link=link)
    assert not EventLink.objects.exists()


def test_reverting_a_deal_restores_its_lifecycle_with_its_status():
    deal = DealFactory(status=DealStatus.OFFERED)
    deal_update(deal=deal, title="Renamed")
    first = deal.history.get(version=2)
    deal_update(deal=deal, status=DealStatus.REJECTED)
    assert deal.transitions.count() == 1
    record_revert(record=deal, history_id=first.history_id, expected_version=deal.version)
    deal.refresh_from_db()
    assert (deal.status, deal.transitions.count()) == (DealStatus.OFFERED, 0)
