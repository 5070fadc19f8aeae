"""Each date's basis from the former flag: inferred stays inferred, a date is stated."""

from django.db import migrations

#: The partial dates of each model (historical rows too, so a revert keeps the basis).
DATES = {'article': ['published'], 'historicalarticle': ['published']}


def basis_from_inferred(apps, schema_editor):
    for model_name, names in DATES.items():
        model = apps.get_model("sources", model_name)
        for name in names:
            model._base_manager.filter(
                **{f"{name}_inferred": True, f"{name}_on__isnull": False}
            ).update(**{f"{name}_basis": "inferred"})


def inferred_from_basis(apps, schema_editor):
    for model_name, names in DATES.items():
        model = apps.get_model("sources", model_name)
        for name in names:
            model._base_manager.filter(**{f"{name}_basis": "inferred"}).update(
                **{f"{name}_inferred": True}
            )


class Migration(migrations.Migration):

    dependencies = [
        ('sources', '0006_date_basis'),
    ]

    operations = [
        migrations.RunPython(basis_from_inferred, inferred_from_basis),
    ]
