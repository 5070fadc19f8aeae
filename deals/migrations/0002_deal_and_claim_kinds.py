from django.db import migrations

DEAL_KINDS = [
    "partnership",
    "licensing",
    "acquisition",
    "acquisition_offer",
    "bid",
    "merger",
    "acqui_hire",
    "hiring",
]
CLAIM_KINDS = [
    "copyright",
    "trademark",
    "patent",
    "trade_secrets",
    "contract",
    "privacy",
    "antitrust",
    "defamation",
    "other",
]


def create_kinds(apps, schema_editor):
    for model_name, codes in (("DealKind", DEAL_KINDS), ("ClaimKind", CLAIM_KINDS)):
        model = apps.get_model("deals", model_name)
        for code in codes:
            model.objects.get_or_create(code=code)


def delete_kinds(apps, schema_editor):
    apps.get_model("deals", "DealKind").objects.filter(code__in=DEAL_KINDS).delete()
    apps.get_model("deals", "ClaimKind").objects.filter(code__in=CLAIM_KINDS).delete()


class Migration(migrations.Migration):
    dependencies = [("deals", "0001_initial")]

    operations = [migrations.RunPython(create_kinds, delete_kinds)]
