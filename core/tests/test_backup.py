"""Backing up and restoring the seeded database: every row of every table comes back."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from companies.models import Company
from companies.services import company_create
from deals.models import Deal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def every_row() -> dict[str, list[dict]]:
    """Each table's rows, by model, in primary key order."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
    }


@pytest.fixture
def seeded_database():
    call_command("load_seed", verbosity=0)
    return every_row()


def test_a_restore_brings_back_every_row_as_it_was(seeded_database, tmp_path):
    backup = tmp_path / "tracker.backup"
    call_command("backup", "--output", str(backup), verbosity=0)
    assert backup.stat().st_size > 0

    Deal.objects.first().delete()
    Company.objects.filter(slug="midjourney").update(name="Renamed")
    company_create(name="Added After The Backup")
    assert every_row() != seeded_database

    call_command("restore", str(backup), "--no-input", verbosity=0)

    assert every_row() == seeded_database
    # Sequences come back too: new rows do not collide with restored ones.
    assert company_create(name="Added After The Restore").pk


def test_a_file_that_is_no_backup_is_refused_and_nothing_changes(seeded_database, tmp_path):
    garbage = tmp_path / "notes.backup"
    garbage.write_text("not a database backup\n" * 200)

    with pytest.raises(CommandError, match=r"backup|failed"):
        call_command("restore", str(garbage), "--no-input", verbosity=0)
    with pytest.raises(CommandError, match="There is no backup file"):
        call_command("restore", str(tmp_path / "missing.backup"), "--no-input", verbosity=0)

    assert every_row() == seeded_database


def test_a_restore_asks_first(seeded_database, tmp_path, monkeypatch):
    backup = tmp_path / "tracker.backup"
    call_command("backup", "--output", str(backup), verbosity=0)
    Company.objects.filter(slug="midjourney").update(name="Renamed")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore", str(backup))

    assert Company.objects.get(slug="midjourney").name == "Renamed"
