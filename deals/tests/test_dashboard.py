"""The dashboard's figures are honest: what they count, each deal once, plurals in both
languages."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from core.dates import DatePrecision
from deals import charts
from deals.models import DealStatus, InvestmentStatus
from deals.selectors import dashboard_figures
from deals.tests.factories import DealFactory, InvestmentFactory

USD_TOTAL = {"value_currency": "USD", "value_basis": "total"}


def figure_numbers(html: str) -> list[str]:
    return re.findall(r'<span class="number">([^<]*)</span>', html)


def deal_with_value(amount: int, status: str, **fields):
    return DealFactory(value_amount=Decimal(amount), status=status, **USD_TOTAL, **fields)


@pytest.mark.usefixtures("seeded")
class TestSeedDashboard:
    def test_the_headline_value_is_the_scale_ai_investment_not_the_rejected_bid(self, client):
        html = client.get(reverse("deals:home")).content.decode()
        numbers = figure_numbers(html)
        assert "$14B" in numbers
        assert "$97B" not in numbers
        assert "announced or completed deals and investments" in html

    def test_the_largest_list_has_investments_and_no_rejected_bid(self, client):
        html = client.get(reverse("deals:home")).content.decode()
        largest = html.split('id="largest"')[1].split("</ol>")[0]
        assert "Investment in Scale AI" in largest
        assert "$97B" not in largest

    def test_the_chart_counts_the_undated_deals_in_an_unknown_year_column(self, client):
        html = client.get(reverse("deals:home")).content.decode()
        chart = html.split('<svg class="chart"')[1].split("</svg>")[0]
        assert ">2025</text>" in chart
        assert ">unknown year</text>" in chart
        assert chart.count("<rect") == 2

    def test_one_open_lawsuit_is_singular_in_english_and_arabic(self, client):
        english = client.get(reverse("deals:home")).content.decode()
        assert '<span class="label">open lawsuit</span>' in english
        arabic = client.get("/ar/").content.decode()
        assert '<span class="label">دعوى مفتوحة</span>' in arabic


@pytest.mark.django_db
class TestFigures:
    """Differences from the figures before, as the seed of this module may be loaded."""

    def test_only_announced_or_completed_deals_and_investments_are_counted_and_summed(self):
        before = dashboard_figures()
        deal_with_value(5_000_000, DealStatus.COMPLETED)
        deal_with_value(7_000_000, DealStatus.ANNOUNCED)
        for status in (DealStatus.REJECTED, DealStatus.WITHDRAWN, DealStatus.OFFERED):
            deal_with_value(900_000_000, status)
        InvestmentFactory(
            value_amount=Decimal(11_000_000), status=InvestmentStatus.COMPLETED, **USD_TOTAL
        )
        InvestmentFactory(
            value_amount=Decimal(800_000_000), status=InvestmentStatus.TERMINATED, **USD_TOTAL
        )
        figures = dashboard_figures()
        assert figures["deals"] - before["deals"] == 2
        assert figures["disclosed_total"] - before["disclosed_total"] == Decimal(23_000_000)
        assert figures["disclosed_count"] - before["disclosed_count"] == 3
        added = [row for row in figures["largest"] if row not in before["largest"]]
        assert [row["value_amount"] for row in added] == [
            Decimal(11_000_000),
            Decimal(7_000_000),
            Decimal(5_000_000),
        ]

    def test_a_deal_of_two_kinds_counts_once_and_undated_deals_are_kept(self):
        before = dashboard_figures()["per_year"]
        DealFactory(
            kinds=["partnership", "licensing"],
            announced_on=datetime.date(2024, 3, 1),
            announced_precision=DatePrecision.MONTH,
        )
        DealFactory()
        DealFactory(status=DealStatus.REJECTED)
        after = dashboard_figures()["per_year"]
        assert after.get(2024, 0) - before.get(2024, 0) == 1
        assert after.get(None, 0) - before.get(None, 0) == 2


class TestChart:
    def test_years_in_order_then_the_unknown_year_with_a_count_axis(self):
        chart = charts.deals_per_year({None: 2, 2025: 4, 2023: 1}, rtl=False)
        assert [column.year for column in chart["columns"]] == [2023, 2025, None]
        assert [column.count for column in chart["columns"]] == [1, 4, 2]
        assert [tick.value for tick in chart["ticks"]] == [0, 1, 2, 3, 4]
        tallest = max(chart["columns"], key=lambda column: column.height)
        assert tallest.y == pytest.approx(chart["ticks"][-1].y)

    def test_right_to_left_puts_the_first_year_at_the_right(self):
        chart = charts.deals_per_year({2023: 1, 2025: 4, None: 2}, rtl=True)
        xs = [column.x for column in chart["columns"]]
        assert xs == sorted(xs, reverse=True)

    def test_no_deals_no_columns(self):
        assert charts.deals_per_year({}, rtl=False)["columns"] == []


@pytest.mark.parametrize(
    ("count", "arabic"),
    [
        (0, "دعوى مفتوحة"),
        (1, "دعوى مفتوحة"),
        (2, "دعويان مفتوحتان"),
        (5, "دعاوى مفتوحة"),
        (11, "دعوى مفتوحة"),
        (100, "دعوى مفتوحة"),
    ],
)
def test_arabic_has_its_six_plural_forms(count, arabic):
    with translation.override("ar"):
        assert ngettext("open lawsuit", "open lawsuits", count) == arabic
