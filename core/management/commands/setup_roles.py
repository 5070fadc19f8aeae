from django.core.management.base import BaseCommand

from core.roles import roles_setup


class Command(BaseCommand):
    help = (
        "Create or update the 'curator' group (edits every tracker record, not users or "
        "groups) and the 'reviewer' group (reads the admin only). Safe to run again."
    )

    def handle(self, *args, **options):
        for group, count in roles_setup().items():
            self.stdout.write(f"{group}: {count} permissions")
