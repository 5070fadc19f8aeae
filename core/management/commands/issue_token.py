from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = (
        "Print the API token of a user, creating it if needed. Writes through the API need "
        "the user's model permissions (the 'curator' group has them)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--rotate", action="store_true", help="Replace the existing token with a new one."
        )

    def handle(self, *args, username, rotate, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no user named {username!r}.") from None
        if not user.is_active:
            raise CommandError(f"The user {username!r} is inactive; activate it first.")
        if rotate:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        if not user.has_perm("deals.change_deal"):
            self.stderr.write(
                f"Note: {username} cannot write records; add the user to the 'curator' group."
            )
        self.stdout.write(token.key)
