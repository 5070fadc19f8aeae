"""Addresses outside any language prefix that no app owns: the icon browsers ask for."""

from django.urls import path

from .views import favicon

app_name = "core"
urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
]
