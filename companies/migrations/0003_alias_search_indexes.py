from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from core.migration_operations import PostgreSQLOnlySQL


class Migration(migrations.Migration):
    """Indexes for alias search on PostgreSQL: key prefixes, and trigrams on both keys."""

    dependencies = [("companies", "0002_company_kinds")]

    operations = [
        TrigramExtension(),
        PostgreSQLOnlySQL(
            sql=[
                "CREATE INDEX companies_alias_key_prefix "
                "ON companies_alias (key varchar_pattern_ops)",
                "CREATE INDEX companies_alias_key_trgm "
                "ON companies_alias USING gin (key gin_trgm_ops)",
                "CREATE INDEX companies_alias_loose_key_trgm "
                "ON companies_alias USING gin (loose_key gin_trgm_ops)",
            ],
            reverse_sql=[
                "DROP INDEX companies_alias_key_prefix",
                "DROP INDEX companies_alias_key_trgm",
                "DROP INDEX companies_alias_loose_key_trgm",
            ],
        ),
    ]
