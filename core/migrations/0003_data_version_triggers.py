from django.db import migrations

from core.data_version import install_triggers


class Migration(migrations.Migration):
    """Bump the data-version stamp on every write to a domain table."""

    dependencies = [
        ("core", "0002_data_version"),
        ("companies", "0005_unconditional_unique_parties_and_aliases"),
        ("deals", "0004_unconditional_unique_parties_and_aliases"),
        ("sources", "0002_history_and_edit_versions"),
    ]

    operations = [migrations.RunPython(install_triggers, migrations.RunPython.noop)]
