"""Records that an accepted proposal became are machine-extracted, accepted by the curator
who decided the proposal, when they decided it; every other record stays reviewed."""

from django.db import migrations
from django.db.models import OuterRef, Subquery

MODELS = ("Company", "Person", "Product")


def _mark_accepted(apps, schema_editor):
    Proposal = apps.get_model("sources", "Proposal")
    for name in MODELS:
        model = apps.get_model("companies", name)
        field = name.lower()
        accepted = Proposal.objects.filter(status="accepted", **{field: OuterRef("pk")}).order_by(
            "decided_at"
        )
        model.objects.filter(
            pk__in=Proposal.objects.filter(status="accepted").values(field)
        ).update(
            review="machine",
            review_by=Subquery(accepted.values("decided_by")[:1]),
            review_at=Subquery(accepted.values("decided_at")[:1]),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0011_review_level"),
        ("sources", "0010_citations_of_transitions_and_links"),
    ]

    operations = [migrations.RunPython(_mark_accepted, migrations.RunPython.noop)]
