from django.urls import path

from . import views

app_name = "branding"

urlpatterns = [
    path("pomoc/", views.help_page, name="help"),
    path("edycje/<slug:slug>/znaki/<int:pk>/", views.mark_image, name="mark_image"),
    path("organizatorzy/<slug:slug>/logo/", views.logo, name="logo"),
    path("organizatorzy/<slug:slug>/wizerunek/", views.identity_edit, name="identity_edit"),
    path("organizator/edycje/<slug:slug>/znaki-finansowania/", views.edition_marks, name="edition_marks"),
    path(
        "organizator/edycje/<slug:slug>/znaki-finansowania/<int:pk>/usun/",
        views.edition_mark_delete,
        name="edition_mark_delete",
    ),
]
