from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("konto/moje-dane/", views.my_data, name="my_data"),
    path("konto/moje-dane/archiwum.zip", views.export, name="export"),
    path("organizatorzy/<slug:slug>/wnioski-rodo/", views.requests_desk, name="requests"),
    path("wnioski-rodo/<int:pk>/", views.request_detail, name="request_detail"),
    path("ochrona-danych/blokady/", views.holds, name="holds"),
    path("ochrona-danych/retencja/", views.retention, name="retention"),
    path("ochrona-danych/rejestr-czynnosci.csv", views.register_csv, name="register"),
]
