"""A curator adds a deal in a real browser: login, the kinds widget, the autocomplete."""

import pytest

from companies.models import Company
from conftest import screenshot
from deals.models import Deal

# Transactional (the live server's thread must see committed rows), restoring the rows
# data migrations created (the kind lookup tables) after the flush.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_curator_adds_a_deal_with_a_party_through_the_autocomplete(
    seeded_live, curator, browser_page
):
    page = browser_page
    page.goto("/admin/login/?next=/admin/deals/deal/add/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", "curator-pass")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/deals/deal/add/")

    page.fill("#id_title", "Google licenses Midjourney's video model")
    page.select_option("#id_kinds_from", "licensing")
    page.click("#id_kinds_add")
    page.select_option("#id_status", "announced")
    page.fill("#id_announced_on", "2025-09-01")
    page.select_option("#id_announced_precision", "month")

    page.click("#parties-0 .field-company .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "غوغل")
    page.click(".select2-results__option >> text=Google")
    page.select_option("#id_parties-0-role", "licensee")
    screenshot(page, "admin-add-deal-filled")

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    screenshot(page, "admin-add-deal-saved")

    deal = Deal.objects.get(title="Google licenses Midjourney's video model")
    assert list(deal.kinds.values_list("code", flat=True)) == ["licensing"]
    assert str(deal.announced) == "September 2025"
    party = deal.parties.get()
    assert (party.company, party.role) == (Company.objects.get(slug="google"), "licensee")
    assert deal.history.first().history_user.username == "curator"
    assert "has no citation yet" in page.inner_text(".messagelist")
