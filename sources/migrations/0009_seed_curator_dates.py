"""The seed's two circular months become a curator's on databases seeded before.

The Meta-Midjourney deal's August 2025 and the Disney and Universal suit's June 2025 were
each inferred from the other, and neither seed article states the month; the seed now
marks them a curator's, with a note saying where they come from. A database seeded
earlier is not seeded again, so this gives it the same basis and note, read from the seed
file, where the record still has the seed's date as an inferred one with no note: a date
a curator has edited since is left as it is.
"""

import tomllib
from pathlib import Path

from django.db import migrations

from core.dates import PartialDate

FACTS = Path(__file__).resolve().parent.parent / "seed" / "facts.toml"

#: The seed sections whose dates this applies to: (section, app, model, date name).
SECTIONS = (("deals", "deals", "Deal", "announced"), ("lawsuits", "deals", "Lawsuit", "filed"))


def seed_curator_dates(apps, schema_editor):
    if not FACTS.exists():
        return
    facts = tomllib.loads(FACTS.read_text(encoding="utf-8"))
    for section, app_label, model_name, name in SECTIONS:
        model = apps.get_model(app_label, model_name)
        for entry in facts.get(section, []):
            note = (entry.get(f"{name}_note") or "").strip()
            if entry.get(f"{name}_basis") != "curator" or not note:
                continue
            seeded = PartialDate.parse(entry.get(name))
            model._base_manager.filter(
                slug=entry["slug"],
                **{
                    f"{name}_on": seeded.date,
                    f"{name}_precision": seeded.precision,
                    f"{name}_basis": "inferred",
                    f"{name}_note": "",
                },
            ).update(**{f"{name}_basis": "curator", f"{name}_note": note})


class Migration(migrations.Migration):

    dependencies = [
        ("deals", "0010_remove_date_inferred"),
        ("sources", "0008_remove_date_inferred"),
    ]

    operations = [
        migrations.RunPython(seed_curator_dates, migrations.RunPython.noop),
    ]
