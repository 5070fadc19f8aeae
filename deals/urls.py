from django.urls import path

from core.views import record_page_urls

from . import views

app_name = "deals"

urlpatterns = [
    path("", views.home, name="home"),
    path("timeline/", views.timeline, name="timeline"),
    *record_page_urls(app_name),
]
