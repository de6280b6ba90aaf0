from django.urls import path

from . import views

app_name = "editions"

urlpatterns = [
    path("edycje/", views.public_list, name="public_list"),
    path("edycje/<slug:slug>/", views.public_detail, name="public_detail"),
    path("organizator/edycje/", views.manage_list, name="manage_list"),
    path("organizator/edycje/nowa/", views.create, name="create"),
    path("organizator/edycje/<slug:slug>/", views.overview, name="overview"),
    path("organizator/edycje/<slug:slug>/edytuj/", views.edit, name="edit"),
    path("organizator/edycje/<slug:slug>/kopiuj/", views.copy_edition, name="copy"),
    path("organizator/edycje/<slug:slug>/publikuj/", views.publish, name="publish"),
    path("organizator/edycje/<slug:slug>/historia/", views.history, name="history"),
    path("organizator/edycje/<slug:slug>/wydarzenia/nowe/", views.event_create, name="event_create"),
    path("organizator/edycje/<slug:slug>/wydarzenia/<int:pk>/edytuj/", views.event_edit, name="event_edit"),
    path("organizator/edycje/<slug:slug>/wydarzenia/<int:pk>/usun/", views.event_delete, name="event_delete"),
]
