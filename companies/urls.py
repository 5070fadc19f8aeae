from django.urls import path

from core.views import record_page_urls

from . import views

app_name = "companies"

urlpatterns = [
    path("companies/<str:slug>/", views.company_detail, name="company"),
    path("search/", views.search, name="search"),
    *record_page_urls(app_name),
]
