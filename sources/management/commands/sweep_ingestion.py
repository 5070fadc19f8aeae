import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sources.services import ingestion_sweep


class Command(BaseCommand):
    help = (
        "Send again the ingestion runs that wait for the task queue or have stalled (sent or "
        "started longer ago than --stalled-after seconds). Celery beat does this every "
        "minute; run it from cron where beat does not run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stalled-after",
            type=int,
            default=settings.INGESTION_STALL_SECONDS,
            help="Seconds after which a run sent or started but not finished counts as "
            "stalled (default: INGESTION_STALL_SECONDS, %(default)s).",
        )

    def handle(self, *args, stalled_after, **options):
        if stalled_after < 0:
            raise CommandError("--stalled-after is a number of seconds, 0 or more.")
        sent = ingestion_sweep(stalled_after=datetime.timedelta(seconds=stalled_after))
        self.stdout.write(f"Sent {sent} ingestion run(s) to the queue again.")
