from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, database_restore


class Command(BaseCommand):
    help = (
        "Replace everything in the database with a backup made by `backup` on the same kind "
        "of database. Asks first unless --no-input is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The backup file.")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask first."
        )

    def handle(self, *args, file, interactive, **options):
        if interactive:
            answer = input(f"Replace everything in the database with {file}? Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            database_restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {file}.")
