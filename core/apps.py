from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Building blocks shared by every domain app: partial dates, money, slugs."""

    name = "core"
    verbose_name = _("Core")
