from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Subscriptions to the tracker's changes, and the signed HTTP deliveries of them."""

    name = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        from core.editing import record_changed

        from .services import change_dispatch

        record_changed.connect(change_dispatch, dispatch_uid="webhooks.change_dispatch")
