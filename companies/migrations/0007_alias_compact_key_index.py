from django.db import migrations

from core.migration_operations import PostgreSQLOnlySQL


class Migration(migrations.Migration):
    """An index for names searched without their spaces ("open ai" / "OpenAI")."""

    dependencies = [("companies", "0006_names_and_wikidata")]

    operations = [
        PostgreSQLOnlySQL(
            sql=[
                "CREATE INDEX companies_alias_compact_key "
                "ON companies_alias (replace(key, ' ', '') varchar_pattern_ops)"
            ],
            reverse_sql=["DROP INDEX companies_alias_compact_key"],
        ),
    ]
