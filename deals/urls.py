from django.urls import path

from . import views

app_name = "deals"

urlpatterns = [
    path("", views.home, name="home"),
    path("timeline/", views.timeline, name="timeline"),
    path("deals/<str:key>/", views.deal_detail, name="deal"),
    path("investments/<str:key>/", views.investment_detail, name="investment"),
    path("lawsuits/<str:key>/", views.lawsuit_detail, name="lawsuit"),
    path("developments/<str:key>/", views.development_detail, name="development"),
]
