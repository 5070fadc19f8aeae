from django.db import migrations

KINDS = ["company", "startup", "research_lab", "studio", "investor"]


def create_kinds(apps, schema_editor):
    CompanyKind = apps.get_model("companies", "CompanyKind")
    for code in KINDS:
        CompanyKind.objects.get_or_create(code=code)


def delete_kinds(apps, schema_editor):
    apps.get_model("companies", "CompanyKind").objects.filter(code__in=KINDS).delete()


class Migration(migrations.Migration):
    dependencies = [("companies", "0001_initial")]

    operations = [migrations.RunPython(create_kinds, delete_kinds)]
