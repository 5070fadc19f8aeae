from django.urls import path

from core.views import record_page_urls

from . import views
from .feeds import CompanyFeed, PersonFeed, TimelineFeed

app_name = "deals"

urlpatterns = [
    path("", views.home, name="home"),
    path("timeline/", views.timeline, name="timeline"),
    path("timeline/feed/", TimelineFeed(), name="timeline_feed"),
    path("companies/<str:slug>/feed/", CompanyFeed(), name="company_feed"),
    path("people/<str:slug>/feed/", PersonFeed(), name="person_feed"),
    *record_page_urls(app_name),
]
