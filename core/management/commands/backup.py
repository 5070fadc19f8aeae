import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, database_backup


class Command(BaseCommand):
    help = (
        "Back up the whole database to a file: pg_dump's custom format on PostgreSQL, a "
        "copy of the database on SQLite. Restore it with `restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="The file to write (default: backups/<database vendor>-<UTC time>.backup).",
        )

    def handle(self, *args, output, **options):
        from django.db import connection

        if output is None:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
            output = Path("backups") / f"{connection.vendor}-{stamp}.backup"
        output.parent.mkdir(parents=True, exist_ok=True)
        try:
            database_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(output))
