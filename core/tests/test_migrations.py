"""Each app's latest migration, undone and applied again on the seeded database, keeps
every row: what a deployment runs on real data, not on the empty test database."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from .test_backup import every_row

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DOMAIN_APPS = ["core", "companies", "deals", "sources"]


def latest(app_label: str) -> tuple[str, str]:
    (leaf,) = MigrationExecutor(connection).loader.graph.leaf_nodes(app_label)
    return leaf


def previous(app_label: str) -> tuple[str, str]:
    """The migration before the app's latest one."""
    graph = MigrationExecutor(connection).loader.graph
    (parent,) = (node for node in graph.node_map[latest(app_label)].parents if node[0] == app_label)
    return parent


def migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)


@pytest.mark.parametrize("app_label", DOMAIN_APPS)
def test_the_latest_migration_applies_on_a_populated_database(app_label):
    call_command("load_seed", verbosity=0)
    before = every_row()
    assert before["deals.Deal"]
    assert before["sources.Citation"]

    migrate([previous(app_label)])
    migrate([latest(label) for label in DOMAIN_APPS])

    assert every_row() == before
