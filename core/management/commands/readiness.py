from django.core.management.base import BaseCommand, CommandError

from core.health import readiness, readiness_checks

NAMES = ("database", "cache", "broker")


class Command(BaseCommand):
    help = (
        "Check the database, the cache and the Celery broker as /readyz does, printing "
        "each result; exit with status 1 when one fails. Container health checks of "
        "processes without HTTP (Celery beat) run it."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            action="append",
            choices=NAMES,
            help="Check only this dependency (repeatable).",
        )

    def handle(self, *args, only, **options):
        wanted = set(only) if only else None
        if wanted and "broker" in wanted and "broker" not in readiness_checks():
            raise CommandError("There is no broker to check: CELERY_BROKER_URL is not set.")
        results = readiness(wanted)
        for name, result in results.items():
            self.stdout.write(f"{name}: {result}")
        failed = sorted(name for name, result in results.items() if result != "ok")
        if failed:
            raise CommandError(f"Not ready: {', '.join(failed)} did not answer.")
