import pytest
from django.apps import apps

from companies.models import Company
from companies.tests.factories import CompanyFactory
from core.data_version import data_version, domain_tables, tables_with_triggers
from deals.tests.factories import DealFactory

pytestmark = pytest.mark.django_db


def test_every_domain_table_bumps_the_stamp():
    missing = set(domain_tables(apps)) - tables_with_triggers()
    assert not missing, f"tables without a data-version trigger: {sorted(missing)}"
    assert "deals_deal_kinds" in domain_tables(apps)


@pytest.mark.parametrize(
    "write",
    [
        lambda: CompanyFactory(),
        lambda: Company.objects.filter(pk=Company.objects.first().pk).update(
            website="https://x.org"
        ),
        lambda: Company.objects.first().delete(),
        lambda: DealFactory().kinds.add("bid"),
    ],
    ids=["insert", "queryset update", "delete", "many-to-many link"],
)
def test_any_write_moves_the_stamp(write):
    CompanyFactory()
    before = data_version().version
    write()
    assert data_version().version > before
