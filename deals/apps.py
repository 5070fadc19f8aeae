from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DealsConfig(AppConfig):
    """Deals and their parties, investments, lawsuits and developments."""

    name = "deals"
    verbose_name = _("Deals, investments and lawsuits")
