from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("monitorowanie/", views.index, name="index"),
    path("monitorowanie/<slug:slug>/ustawienia/", views.edition_settings, name="settings"),
    path("monitorowanie/<slug:slug>/uczestnicy/", views.participants, name="participants"),
    path("monitorowanie/<slug:slug>/braki/", views.completeness, name="completeness"),
    path("monitorowanie/<slug:slug>/uczestnicy/<int:pk>/", views.participant_edit, name="participant_edit"),
    path("monitorowanie/<slug:slug>/uczestnicy/<int:pk>/pesel/", views.reveal, name="reveal"),
    path("monitorowanie/<slug:slug>/instytucje/", views.institutions, name="institutions"),
    path("monitorowanie/<slug:slug>/instytucje/<int:pk>/", views.institution_edit, name="institution_edit"),
    path("monitorowanie/<slug:slug>/eksport/uczestnicy.csv", views.export_participants, name="export_participants"),
    path("monitorowanie/<slug:slug>/eksport/instytucje.csv", views.export_institutions, name="export_institutions"),
    path("moje-dane-monitorowania/", views.my_data, name="my_data"),
    path("moje-dane-monitorowania/<int:pk>/", views.my_entry, name="my_entry"),
]
