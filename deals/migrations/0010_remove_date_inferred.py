"""The former inferred flags go: each date's basis now says it."""

from django.db import migrations

from core.data_version import install_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('deals', '0009_date_basis_from_inferred'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='deal',
            name='announced_inferred',
        ),
        migrations.RemoveField(
            model_name='development',
            name='occurred_inferred',
        ),
        migrations.RemoveField(
            model_name='historicaldeal',
            name='announced_inferred',
        ),
        migrations.RemoveField(
            model_name='historicaldevelopment',
            name='occurred_inferred',
        ),
        migrations.RemoveField(
            model_name='historicalinvestment',
            name='announced_inferred',
        ),
        migrations.RemoveField(
            model_name='historicallawsuit',
            name='filed_inferred',
        ),
        migrations.RemoveField(
            model_name='historicallawsuitevent',
            name='occurred_inferred',
        ),
        migrations.RemoveField(
            model_name='investment',
            name='announced_inferred',
        ),
        migrations.RemoveField(
            model_name='lawsuit',
            name='filed_inferred',
        ),
        migrations.RemoveField(
            model_name='lawsuitevent',
            name='occurred_inferred',
        ),
        # SQLite rebuilds the tables to drop the columns, without their triggers.
        migrations.RunPython(install_triggers, migrations.RunPython.noop),
    ]
