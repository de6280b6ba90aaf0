from django.urls import path

from . import views

app_name = "openspace"

S = "otwarta-przestrzen/<int:pk>/"
T = S + "tematy/<int:topic_pk>/"
G = S + "grupy/<int:group_pk>/"
PUBLIC = "baza-wiedzy/otwarte-przestrzenie/"

urlpatterns = [
    path("organizator/wydarzenia/<int:pk>/otwarta-przestrzen/", views.create, name="create"),
    path(S, views.market, name="market"),
    path(S + "liczby/", views.counts, name="counts"),
    path(S + "tematy/nowy/", views.propose, name="propose"),
    path(T + "edytuj/", views.topic_edit, name="topic_edit"),
    path(T + "scal/", views.merge, name="merge"),
    path(T + "glos/", views.vote, name="vote"),
    path(T + "cofnij-glos/", views.unvote, name="unvote"),
    path(T + "przenies-glos/", views.move_vote, name="move_vote"),
    path(T + "obserwuj/", views.follow, name="follow"),
    path(S + "prowadzenie/", views.moderate, name="moderate"),
    path(S + "etap/", views.phase, name="phase"),
    path(S + "grupy/", views.groups, name="groups"),
    path(S + "grupy/utworz/", views.form_groups, name="form_groups"),
    path(G + "edytuj/", views.group_edit, name="group_edit"),
    path(G + "dolacz/", views.join, name="join"),
    path(G + "wnioski/", views.conclusion_edit, name="conclusion_edit"),
    path(G + "do-rejestru-uwag/", views.send_to_feedback, name="send_to_feedback"),
    path(S + "wnioski/", views.conclusions, name="conclusions"),
    path(S + "wnioski/publikuj/", views.publish, name="publish"),
    path(S + "wnioski.pdf", views.export_pdf, name="export_pdf"),
    path(S + "wnioski.xlsx", views.export_xlsx, name="export_xlsx"),
    path(S + "plenarna/", views.plenary, name="plenary"),
    path(S + "plenarna/przesun/", views.plenary_move, name="plenary_move"),
    path(PUBLIC, views.public_list, name="public_list"),
    path(PUBLIC + "<int:pk>/", views.public_detail, name="public_detail"),
]
