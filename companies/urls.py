from django.urls import path

from . import views

app_name = "companies"

urlpatterns = [
    path("companies/<str:slug>/", views.company_detail, name="company"),
    path("people/<str:slug>/", views.person_detail, name="person"),
    path("search/", views.search, name="search"),
]
