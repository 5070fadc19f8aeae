"""The curator and reviewer groups and what each may do in the admin."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

CURATOR = "curator"
REVIEWER = "reviewer"
#: Apps whose records curators keep: everything but users and groups.
CURATED_APPS = ("core", "companies", "deals", "sources", "webhooks")


@transaction.atomic
def roles_setup() -> dict[str, int]:
    """Create or update the groups; returns how many permissions each has.

    Curators may add, change, delete and view every tracker record (history and import
    included, which use the same permissions). Reviewers may only view.
    """
    permissions = Permission.objects.filter(content_type__app_label__in=CURATED_APPS)
    curator, _ = Group.objects.get_or_create(name=CURATOR)
    curator.permissions.set(permissions)
    reviewer, _ = Group.objects.get_or_create(name=REVIEWER)
    reviewer.permissions.set(permissions.filter(codename__startswith="view_"))
    return {CURATOR: curator.permissions.count(), REVIEWER: reviewer.permissions.count()}
