from django.urls import path

from . import views

app_name = "deals"

urlpatterns = [
    path("", views.home, name="home"),
]
