"""The one API router: the record types' resources (`core.records`), then the rest."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from companies.api.search import SearchView
from core.records import api_resources
from deals.api.views import TimelineView
from sources.api.views import ProposalViewSet
from webhooks.api.views import WebhookViewSet

router = DefaultRouter()
for record_type in api_resources():
    router.register(record_type.resource, record_type.viewset_class, basename=record_type.resource)
router.register("proposals", ProposalViewSet, basename="proposals")
router.register("webhooks", WebhookViewSet, basename="webhooks")


class DocsView(SpectacularSwaggerSplitView):
    """The browsable docs are an HTML page: OPTIONS has no template to describe them in,
    so it answers 405 rather than failing. Its template has no inline style (CSP)."""

    metadata_class = None
    template_name = "api/docs.html"


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("timeline/", TimelineView.as_view(), name="timeline"),
    path("search/", SearchView.as_view(), name="search"),
    path("", include(router.urls)),
]
