from django.urls import path

from . import views

app_name = "sources"

urlpatterns = [
    path("articles/<int:pk>/", views.article_detail, name="article"),
]
