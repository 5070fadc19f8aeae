"""Migration operations for schema that only PostgreSQL has."""

from django.db import migrations


class PostgreSQLOnlySQL(migrations.RunSQL):
    """Raw SQL run on PostgreSQL and skipped elsewhere.

    Trigram and pattern-ops indexes make search fast on PostgreSQL; SQLite (the
    zero-setup default) runs the same queries without them.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
