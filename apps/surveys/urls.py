from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("ankiety/", views.survey_list, name="list"),
    path("ankiety/nowa/", views.survey_create, name="create"),
    path("ankiety/<int:pk>/", views.survey_detail, name="detail"),
    path("ankiety/<int:pk>/ustawienia/", views.survey_edit, name="edit"),
    path("ankiety/<int:pk>/pytania/nowe/", views.question_add, name="question_add"),
    path("ankiety/<int:pk>/pytania/<int:question_pk>/", views.question_edit, name="question_edit"),
    path("ankiety/<int:pk>/pytania/<int:question_pk>/usun/", views.question_delete, name="question_delete"),
    path("ankiety/<int:pk>/pytania/<int:question_pk>/przesun/", views.question_move, name="question_move"),
    path("ankiety/<int:pk>/publikuj/", views.survey_publish, name="publish"),
    path("ankiety/<int:pk>/wyniki/", views.results, name="results"),
    path("ankiety/<int:pk>/eksport/", views.export, name="export"),
    path("ankiety/<int:pk>/raport-pdf/", views.report_pdf, name="report_pdf"),
    path("ankiety/<int:pk>/odpowiedzi/<uuid:answer_pk>/uwaga/", views.promote, name="promote"),
    path("ankieta/wyslana/", views.thanks, name="thanks"),
    path("ankieta/<str:token>/", views.answer, name="answer"),
    path("moje-ankiety/", views.mine, name="mine"),
    path("moje-ankiety/<int:pk>/otworz/", views.open_mine, name="open_mine"),
]
