"""The former inferred flags go: each date's basis now says it."""

from django.db import migrations

from core.data_version import install_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('companies', '0009_date_basis_from_inferred'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='company',
            name='founded_inferred',
        ),
        migrations.RemoveField(
            model_name='historicalcompany',
            name='founded_inferred',
        ),
        migrations.RemoveField(
            model_name='historicalmetric',
            name='as_of_inferred',
        ),
        migrations.RemoveField(
            model_name='historicalproduct',
            name='launched_inferred',
        ),
        migrations.RemoveField(
            model_name='historicalrole',
            name='ended_inferred',
        ),
        migrations.RemoveField(
            model_name='historicalrole',
            name='started_inferred',
        ),
        migrations.RemoveField(
            model_name='historicalstatement',
            name='stated_inferred',
        ),
        migrations.RemoveField(
            model_name='metric',
            name='as_of_inferred',
        ),
        migrations.RemoveField(
            model_name='product',
            name='launched_inferred',
        ),
        migrations.RemoveField(
            model_name='role',
            name='ended_inferred',
        ),
        migrations.RemoveField(
            model_name='role',
            name='started_inferred',
        ),
        migrations.RemoveField(
            model_name='statement',
            name='stated_inferred',
        ),
        # SQLite rebuilds the tables to drop the columns, without their triggers.
        migrations.RunPython(install_triggers, migrations.RunPython.noop),
    ]
