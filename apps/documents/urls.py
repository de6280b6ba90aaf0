from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("dokumenty/<uuid:pk>/", views.status, name="status"),
    path("dokumenty/<uuid:pk>/pobierz/", views.download, name="download"),
    path("dokumenty/<uuid:pk>/przygotuj-ponownie/", views.regenerate, name="regenerate"),
]
