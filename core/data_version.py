"""The data-version stamp: triggers that bump it, and reading it.

Every table of the domain apps (many-to-many link tables included, history tables not)
gets a trigger that bumps `core_dataversion` after any insert, update or delete. A
migration that adds tables runs `install_triggers` again; it is idempotent, and a test
checks that no domain table lacks its trigger.
"""

from django.db import connection

from .models import DataVersion

DOMAIN_APPS = ("companies", "deals", "sources")
STAMP_TABLE = "core_dataversion"

_POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION core_bump_data_version() RETURNS trigger AS $$
BEGIN
    UPDATE {STAMP_TABLE} SET version = version + 1, changed_at = now() WHERE id = 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""


def _trigger_name(table: str, event: str = "") -> str:
    return f"{table}_data_version{'_' + event if event else ''}"


def domain_tables(apps) -> list[str]:
    """The tables whose writes change what readers see, from an app registry."""
    tables = set()
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if not model._meta.object_name.startswith("Historical"):
                tables.add(model._meta.db_table)
    return sorted(tables)


def install_triggers(apps, schema_editor) -> None:
    """Create the stamp row and a bump trigger on every domain table (idempotent)."""
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    stamp = apps.get_model("core", "DataVersion")
    stamp.objects.using(schema_editor.connection.alias).get_or_create(pk=1)
    if vendor == "postgresql":
        execute(_POSTGRESQL_FUNCTION)
    for table in domain_tables(apps):
        if vendor == "postgresql":
            execute(
                f"CREATE OR REPLACE TRIGGER {_trigger_name(table)} "
                f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION core_bump_data_version()"
            )
        elif vendor == "sqlite":
            for event in ("INSERT", "UPDATE", "DELETE"):
                execute(
                    f"CREATE TRIGGER IF NOT EXISTS {_trigger_name(table, event.lower())} "
                    f"AFTER {event} ON {table} BEGIN "
                    f"UPDATE {STAMP_TABLE} SET version = version + 1, "
                    "changed_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = 1; END"
                )


def tables_with_triggers() -> set[str]:
    """The tables that currently carry a data-version trigger."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname LIKE %s",
                ["%_data_version"],
            )
        else:
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                ["%_data_version_%"],
            )
        return {row[0] for row in cursor.fetchall()}


def data_version() -> DataVersion:
    """The current stamp (one primary-key read)."""
    return DataVersion.objects.get_or_create(pk=1)[0]
