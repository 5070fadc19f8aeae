from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources.seed import ARTICLES_DIR, FACTS_FILE, SeedError, seed_load


class Command(BaseCommand):
    help = (
        "Load the seed: the articles the tracker starts from and every fact they state, "
        "each with its citation. Existing records are left as they are; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--facts", type=Path, default=FACTS_FILE, help="TOML file of facts.")
        parser.add_argument(
            "--articles", type=Path, default=ARTICLES_DIR, help="Folder of the article texts."
        )

    def handle(self, *args, **options):
        try:
            created = seed_load(facts_file=options["facts"], articles_dir=options["articles"])
        except SeedError as error:
            raise CommandError(f"The seed was not loaded: {error}") from error
        if not created:
            self.stdout.write("The seed is already loaded; nothing changed.")
            return
        for label, count in sorted(created.items()):
            self.stdout.write(f"{label}: {count} created")
        self.stdout.write(self.style.SUCCESS("Seed loaded."))
