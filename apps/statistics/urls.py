from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("organizator/edycje/<slug:slug>/statystyki/", views.edition_dashboard, name="edition"),
    path("organizator/edycje/<slug:slug>/statystyki/<slug:key>.csv", views.edition_block_csv, name="edition_block_csv"),
    path("organizator/statystyki/", views.national, name="national"),
    path("organizator/statystyki/przelicz/", views.refresh, name="refresh"),
    path("otwarte-dane/", views.open_data, name="open_data"),
    path("otwarte-dane/<slug:dataset>.<str:fmt>", views.open_data_file, name="open_data_file"),
]
