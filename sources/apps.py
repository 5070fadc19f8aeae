from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    """Articles, the citations that tie every fact to one, and ingestion."""

    name = "sources"
    verbose_name = _("Sources")
