from django.urls import path

from . import views

app_name = "engagements"

urlpatterns = [
    path("karty-jst/", views.my_engagements, name="mine"),
    path("karty-jst/<int:pk>/", views.detail, name="detail"),
    path("karty-jst/<int:pk>/historia/", views.history, name="history"),
    path("karty-jst/<int:pk>/etap/", views.advance, name="advance"),
    path("karty-jst/<int:pk>/zespol/", views.team, name="team"),
    path("karty-jst/<int:pk>/zespol/dodaj/", views.team_add, name="team_add"),
    path("karty-jst/<int:pk>/zespol/<int:member_pk>/zastap/", views.team_replace, name="team_replace"),
    path("karty-jst/<int:pk>/zespol/<int:member_pk>/usun/", views.team_remove, name="team_remove"),
    path(
        "karty-jst/<int:pk>/zespol/<int:member_pk>/usun/potwierdz/",
        views.team_remove_confirm,
        name="team_remove_confirm",
    ),
    path("karty-jst/<int:pk>/zespol/<int:member_pk>/lider/", views.team_leader, name="team_leader"),
    path("karty-jst/<int:pk>/zespol/<int:member_pk>/zaproszenie/", views.team_resend, name="team_resend"),
    path("karty-jst/<int:pk>/doradcy/", views.advisors, name="advisors"),
    path("karty-jst/<int:pk>/obszar/", views.area, name="area"),
    path("karty-jst/<int:pk>/obszar/potwierdz/", views.area_confirm, name="area_confirm"),
    path("karty-jst/<int:pk>/diagnoza/", views.diagnosis_page, name="diagnosis"),
    path("karty-jst/<int:pk>/diagnoza/wnioski/", views.diagnosis_findings, name="diagnosis_findings"),
    path("karty-jst/<int:pk>/diagnoza/pdf/", views.diagnosis_pdf, name="diagnosis_pdf"),
    path("karty-jst/<int:pk>/diagnoza/dane/dodaj/", views.figure_add, name="figure_add"),
    path("karty-jst/<int:pk>/diagnoza/dane/<int:figure_pk>/usun/", views.figure_remove, name="figure_remove"),
    path("karty-jst/<int:pk>/diagnoza/szkoly/dodaj/", views.perspective_add, name="perspective_add"),
    path("karty-jst/<int:pk>/diagnoza/szkoly/<int:perspective_pk>/", views.perspective_edit, name="perspective_edit"),
    path(
        "karty-jst/<int:pk>/diagnoza/szkoly/<int:perspective_pk>/usun/",
        views.perspective_remove,
        name="perspective_remove",
    ),
    path("karty-jst/<int:pk>/priorytety/", views.priorities, name="priorities"),
    path("karty-jst/<int:pk>/priorytety/dodaj/", views.priority_add, name="priority_add"),
    path("karty-jst/<int:pk>/priorytety/<int:priority_pk>/", views.priority_edit, name="priority_edit"),
    path("karty-jst/<int:pk>/priorytety/<int:priority_pk>/usun/", views.priority_remove, name="priority_remove"),
    path("organizator/edycje/<slug:slug>/karty-jst/", views.edition_matrix, name="edition_matrix"),
    path("organizator/edycje/<slug:slug>/karty-jst/eksport/", views.edition_export, name="edition_export"),
    path("organizator/edycje/<slug:slug>/zespoly/eksport/", views.edition_team_export, name="edition_team_export"),
    path("organizator/edycje/<slug:slug>/obszary/", views.edition_areas, name="edition_areas"),
    path("organizator/edycje/<slug:slug>/doradcy/", views.edition_advisors, name="edition_advisors"),
    path("organizator/edycje/<slug:slug>/doradcy/obciazenie/", views.edition_pairing, name="edition_pairing"),
    path(
        "organizator/edycje/<slug:slug>/doradcy/obciazenie/zapisz/",
        views.edition_pairing_confirm,
        name="edition_pairing_confirm",
    ),
    path("organizator/edycje/<slug:slug>/doradcy/<int:user_pk>/profil/", views.advisor_profile, name="advisor_profile"),
]
