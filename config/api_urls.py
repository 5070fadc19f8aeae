"""The one API router: each app's viewsets registered under /api/v1/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from companies.api.search import SearchView
from companies.api.views import CompanyViewSet, PersonViewSet, ProductViewSet
from deals.api.views import (
    DealViewSet,
    DevelopmentViewSet,
    InvestmentViewSet,
    LawsuitViewSet,
    TimelineView,
)
from sources.api.views import ArticleViewSet, ProposalViewSet

router = DefaultRouter()
router.register("companies", CompanyViewSet, basename="companies")
router.register("people", PersonViewSet, basename="people")
router.register("products", ProductViewSet, basename="products")
router.register("deals", DealViewSet, basename="deals")
router.register("investments", InvestmentViewSet, basename="investments")
router.register("lawsuits", LawsuitViewSet, basename="lawsuits")
router.register("developments", DevelopmentViewSet, basename="developments")
router.register("articles", ArticleViewSet, basename="articles")
router.register("proposals", ProposalViewSet, basename="proposals")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("timeline/", TimelineView.as_view(), name="timeline"),
    path("search/", SearchView.as_view(), name="search"),
    path("", include(router.urls)),
]
