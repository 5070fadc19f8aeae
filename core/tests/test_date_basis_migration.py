"""The data migration from the former inferred flag to each date's basis."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("deals", "0008_date_basis")]
AFTER = [("deals", "0009_date_basis_from_inferred")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets[0]).apps


def test_inferred_becomes_inferred_and_any_other_date_stated():
    old = migrate(BEFORE)
    Lawsuit = old.get_model("deals", "Lawsuit")
    rows = {
        "inferred": {"filed_on": "2025-06-01", "filed_precision": "month", "filed_inferred": True},
        "stated": {"filed_on": "2025-06-01", "filed_precision": "month", "filed_inferred": False},
        "undated": {"filed_on": None, "filed_precision": "unknown", "filed_inferred": True},
    }
    for title, row in rows.items():
        Lawsuit.objects.create(title=title, slug=title, status="filed", **row)
    new = migrate(AFTER)
    basis = dict(new.get_model("deals", "Lawsuit").objects.values_list("title", "filed_basis"))
    assert basis == {"inferred": "inferred", "stated": "stated", "undated": "stated"}
    back = migrate(BEFORE)
    flags = dict(back.get_model("deals", "Lawsuit").objects.values_list("title", "filed_inferred"))
    assert flags["inferred"] is True
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    MigrationExecutor(connection).migrate(leaves)
    assert not MigrationExecutor(connection).migration_plan(leaves)
