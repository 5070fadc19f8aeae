"""Each app's latest migration, applied to the seeded database, keeps every row: what a
deployment runs on real data, not on the empty test database.

The database is taken back to before the app's latest migration (and whatever depends
on it), its rows are read with plain SQL (the models describe the newer schema), then
everything is migrated forward: every row must still be there with the same values in
the columns it had, whatever columns the migrations add, except the columns a migration
removes on purpose (`RemoveField`, after a data migration has moved what they held).
"""

import pytest
from django.core.management import call_command
from django.db import connection, migrations
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


def removed_columns(targets: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (table, column) pairs that migrating to `targets` removes with `RemoveField`."""
    executor = MigrationExecutor(connection)
    removed = set()
    for migration, backwards in executor.migration_plan(targets):
        if backwards:
            continue
        node = (migration.app_label, migration.name)
        state = executor.loader.project_state(node, at_end=False)
        for operation in migration.operations:
            if isinstance(operation, migrations.RemoveField):
                model = state.apps.get_model(migration.app_label, operation.model_name)
                field = model._meta.get_field(operation.name)
                removed.add((model._meta.db_table, field.column))
    return removed


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

    targets = [latest(label) for label in DOMAIN_APPS]
    removed = removed_columns(targets)
    migrate(targets)

    after = table_rows()
    # The data-version stamp moves when a data migration writes rows, as it must.
    assert after["core_dataversion"][0]["version"] >= before["core_dataversion"][0]["version"]
    del before["core_dataversion"]
    for table, rows in before.items():
        columns = [column for column in rows[0] if (table, column) not in removed] if rows else []
        kept = [{column: row[column] for column in columns} for row in after[table]]
        expected = [{column: row[column] for column in columns} for row in rows]
        assert sorted(kept, key=repr) == sorted(expected, key=repr), table
