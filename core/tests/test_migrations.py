"""Each app's latest migration, applied to the seeded database, keeps every row: what a
deployment runs on real data, not on the empty test database.

The database is taken back to before the app's latest migration (and whatever depends
on it), its rows are read with plain SQL (the models describe the newer schema), then
everything is migrated forward: every row must still be there with the same values in
the columns it had, whatever columns the migrations add.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

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
    MigrationExecutor(connection).migrate(targets)


def table_rows() -> dict[str, list[dict]]:
    """Every table's rows as dicts of column values, in a stable order."""
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":
                continue
            cursor.execute(f"SELECT * FROM {quote(table)}")
            columns = [column[0] for column in cursor.description]
            rows[table] = sorted(
                (dict(zip(columns, row, strict=True)) for row in cursor.fetchall()), key=repr
            )
    return rows


@pytest.mark.parametrize("app_label", DOMAIN_APPS)
def test_the_latest_migration_applies_on_a_populated_database(app_label):
    call_command("load_seed", verbosity=0)
    migrate([previous(app_label)])
    before = table_rows()
    assert before["deals_deal"]
    assert before["sources_citation"]

    migrate([latest(label) for label in DOMAIN_APPS])

    after = table_rows()
    for table, rows in before.items():
        kept = [{column: row[column] for column in rows[0]} for row in after[table]] if rows else []
        assert sorted(kept, key=repr) == rows, table
