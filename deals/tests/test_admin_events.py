"""Curators record a deal's lifecycle and links between events in the admin."""

import pytest
from django.urls import reverse

from core.tests.admin_forms import admin_form_data, errors_of
from deals.models import DealStatus, DealTransition, EventLink
from deals.tests.factories import DealFactory, EventLinkFactory, LawsuitFactory

pytestmark = pytest.mark.django_db


def change_url(deal):
    return reverse("admin:deals_deal_change", args=[deal.pk])


def test_a_status_change_in_the_deal_form_records_a_step(curator_client):
    deal = DealFactory(status=DealStatus.OFFERED, kinds=["bid"])
    data = admin_form_data(curator_client.get(change_url(deal)))
    data["status"] = DealStatus.REJECTED
    response = curator_client.post(change_url(deal), data)
    assert response.status_code == 302, errors_of(response)
    assert list(deal.transitions.values_list("status", flat=True)) == [DealStatus.REJECTED]


def test_a_dated_step_added_inline_sets_the_status(curator_client):
    deal = DealFactory(status=DealStatus.TALKS, kinds=["bid"])
    data = admin_form_data(curator_client.get(change_url(deal)))
    data.update(
        {
            "transitions-TOTAL_FORMS": "1",
            "transitions-0-status": DealStatus.OFFERED,
            "transitions-0-occurred_on": "2025-02-10",
            "transitions-0-occurred_precision": "day",
            "transitions-0-occurred_basis": "stated",
        }
    )
    response = curator_client.post(change_url(deal), data)
    assert response.status_code == 302, errors_of(response)
    deal.refresh_from_db()
    assert deal.status == DealStatus.OFFERED
    (step,) = deal.transitions.all()
    assert str(step.occurred.isoformat()) == "2025-02-10"


def test_deleting_a_step_in_its_admin_moves_the_status_back(curator_client):
    deal = DealFactory(status=DealStatus.TALKS)
    DealTransition.objects.create(deal=deal, status=DealStatus.OFFERED)
    last = DealTransition.objects.create(deal=deal, status=DealStatus.REJECTED)
    url = reverse("admin:deals_dealtransition_delete", args=[last.pk])
    assert curator_client.post(url, {"post": "yes"}).status_code == 302
    deal.refresh_from_db()
    assert deal.status == DealStatus.OFFERED


def test_a_link_is_added_and_a_duplicate_refused(curator_client):
    deal, lawsuit = DealFactory(), LawsuitFactory()
    add = reverse("admin:deals_eventlink_add")
    data = admin_form_data(curator_client.get(add))
    data.update({"relation": "follows", "from_deal": deal.pk, "to_lawsuit": lawsuit.pk})
    response = curator_client.post(add, data)
    assert response.status_code == 302, errors_of(response)
    response = curator_client.post(add, data)
    assert response.status_code == 200
    assert "These two records are already linked this way." in errors_of(response)
    assert EventLink.objects.count() == 1


def test_a_self_link_is_refused_with_a_message(curator_client):
    link = EventLinkFactory()
    url = reverse("admin:deals_eventlink_change", args=[link.pk])
    data = admin_form_data(curator_client.get(url))
    data.update({"to_lawsuit": "", "to_deal": link.from_deal_id})
    response = curator_client.post(url, data)
    assert response.status_code == 200
    assert "A record cannot be linked to itself." in errors_of(response)


def link_inline(data: dict, **values) -> dict:
    data.update({"links_from-TOTAL_FORMS": "1"})
    data.update({f"links_from-0-{name}": value for name, value in values.items()})
    return data


def test_a_link_added_inline_on_the_deal_page_is_saved_by_its_service(curator_client):
    deal, lawsuit = DealFactory(kinds=["licensing"]), LawsuitFactory()
    data = admin_form_data(curator_client.get(change_url(deal)))
    link_inline(data, relation="follows", to_lawsuit=lawsuit.pk, note="Two months after")
    response = curator_client.post(change_url(deal), data)
    assert response.status_code == 302, errors_of(response)
    link = EventLink.objects.get()
    assert (link.from_deal, link.to_lawsuit, link.note) == (deal, lawsuit, "Two months after")
    assert link.history.first().history_user.username == "curator"


def test_an_inline_link_that_breaks_a_rule_is_refused_with_its_message(curator_client):
    deal, lawsuit = DealFactory(kinds=["licensing"]), LawsuitFactory()
    data = admin_form_data(curator_client.get(change_url(deal)))
    link_inline(data, relation="settles", to_deal=deal.pk)
    response = curator_client.post(change_url(deal), data)
    assert response.status_code == 200
    assert "A record cannot be linked to itself." in errors_of(response)
    url = reverse("admin:deals_lawsuit_change", args=[lawsuit.pk])
    data = admin_form_data(curator_client.get(url))
    link_inline(data, relation="funds", to_deal=deal.pk)
    response = curator_client.post(url, data)
    assert response.status_code == 200
    assert any("cannot link a lawsuit to a deal" in error for error in errors_of(response))
    assert not EventLink.objects.exists()
