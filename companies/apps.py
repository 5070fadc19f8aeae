from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    """Companies, people and their roles, products, aliases and company facts."""

    name = "companies"
    verbose_name = _("Companies and people")
