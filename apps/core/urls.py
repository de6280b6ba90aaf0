from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("panel/", views.dashboard, name="dashboard"),
    path("deklaracja-dostepnosci/", views.accessibility_statement, name="accessibility"),
    path("prywatnosc/", views.privacy, name="privacy"),
]
