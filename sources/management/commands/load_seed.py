import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from core.roles import CURATOR, REVIEWER, roles_setup
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
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Also create the users demo-curator and demo-reviewer, with fresh random "
            "passwords printed once. Never done without this option.",
        )

    def handle(self, *args, **options):
        try:
            created = seed_load(facts_file=options["facts"], articles_dir=options["articles"])
        except SeedError as error:
            raise CommandError(f"The seed was not loaded: {error}") from error
        if not created:
            self.stdout.write("The seed is already loaded; nothing changed.")
        else:
            for label, count in sorted(created.items()):
                self.stdout.write(f"{label}: {count} created")
            self.stdout.write(self.style.SUCCESS("Seed loaded."))
        if options["demo_users"]:
            self.create_demo_users()

    def create_demo_users(self):
        roles_setup()
        users = get_user_model()
        for username, group in (("demo-curator", CURATOR), ("demo-reviewer", REVIEWER)):
            password = secrets.token_urlsafe(12)
            user, _ = users.objects.get_or_create(username=username)
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=group)])
            self.stdout.write(f"{username} ({group}) password: {password}")
