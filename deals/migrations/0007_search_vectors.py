from django.db import migrations

from core.migration_operations import PostgreSQLOnlySQL
from core.text_search import search_vector_sql


def _search_vector(table, titles, bodies):
    sql, reverse_sql = search_vector_sql(table, titles, bodies)
    return PostgreSQLOnlySQL(sql=sql, reverse_sql=reverse_sql)


class Migration(migrations.Migration):
    """Full-text search columns on PostgreSQL: titles and summaries, English and Arabic."""

    dependencies = [("deals", "0006_lawsuit_docket_url")]

    operations = [
        _search_vector("deals_deal", ("title", "title_ar"), ("summary", "summary_ar")),
        _search_vector("deals_investment", (), ("summary", "summary_ar")),
        _search_vector("deals_lawsuit", ("title", "title_ar"), ("summary", "summary_ar")),
    ]
