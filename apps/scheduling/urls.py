from django.urls import path

from . import views

app_name = "scheduling"

urlpatterns = [
    path("zadania-okresowe/", views.runs, name="runs"),
]
