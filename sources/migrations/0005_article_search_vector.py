from django.db import migrations

from core.migration_operations import PostgreSQLOnlySQL
from core.text_search import search_vector_sql

SQL, REVERSE_SQL = search_vector_sql(
    "sources_article", ("title",), ("text",), bodies_if="text_is_public"
)


class Migration(migrations.Migration):
    """Full-text search column on PostgreSQL: an article's title, and its text where public."""

    dependencies = [("sources", "0004_ingestion_runs_waiting_and_sends")]

    operations = [PostgreSQLOnlySQL(sql=SQL, reverse_sql=REVERSE_SQL)]
