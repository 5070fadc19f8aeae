"""The former inferred flags go: each date's basis now says it."""

from django.db import migrations

from core.data_version import install_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('sources', '0007_date_basis_from_inferred'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='article',
            name='published_inferred',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='published_inferred',
        ),
        # SQLite rebuilds the tables to drop the columns, without their triggers.
        migrations.RunPython(install_triggers, migrations.RunPython.noop),
    ]
