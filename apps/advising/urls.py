from django.urls import path

from . import views

app_name = "advising"

JST = "karty-jst/<int:engagement_pk>/"
EDITION = "organizator/edycje/<slug:slug>/"

urlpatterns = [
    path(JST + "spotkania/", views.visits, name="visits"),
    path(JST + "spotkania/<int:number>/terminy/", views.propose, name="propose"),
    path(JST + "sesje-zdalne/nowa/", views.session_create, name="session_create"),
    path("spotkania/<int:pk>/", views.visit_detail, name="visit"),
    path("spotkania/<int:pk>/przeloz/", views.reschedule, name="reschedule"),
    path("spotkania/<int:pk>/sprawozdanie/", views.record_edit, name="record_edit"),
    path("spotkania/<int:pk>/sprawozdanie/potwierdz/", views.record_confirm, name="record_confirm"),
    path("spotkania/<int:pk>/sprawozdanie.pdf", views.record_pdf, name="record_pdf"),
    path("spotkania/terminy/<int:pk>/przyjmij/", views.accept, name="accept"),
    path("spotkania/terminy/<int:pk>/wycofaj/", views.withdraw, name="withdraw"),
    path("spotkania/zalaczniki/<int:pk>/", views.attachment, name="attachment"),
    path("zadania/<int:pk>/wykonane/", views.task_tick, name="task_tick"),
    path("zadania/<int:pk>/dzialanie-hdr/", views.task_to_action, name="task_to_action"),
    path("doradztwo/sesje-zdalne/nowa/", views.session_quick, name="session_quick"),
    path("doradztwo/kalendarz/", views.month_view, name="month"),
    path("doradztwo/czas-pracy/", views.my_hours, name="my_hours"),
    path("doradztwo/czas-pracy/dodaj/", views.hours_add, name="hours_add"),
    path("doradztwo/czas-pracy/<int:pk>/usun/", views.hours_delete, name="hours_delete"),
    path("doradztwo/czas-pracy/przekaz/", views.sheet_submit, name="sheet_submit"),
    path("karty-czasu/<int:pk>/", views.sheet_detail, name="sheet"),
    path("karty-czasu/<int:pk>/zatwierdz/", views.sheet_approve, name="sheet_approve"),
    path("karty-czasu/<int:pk>/zwroc/", views.sheet_return, name="sheet_return"),
    path("karty-czasu/<int:pk>/karta.xlsx", views.sheet_xlsx, name="sheet_xlsx"),
    path(EDITION + "spotkania/", views.edition_visits, name="edition_visits"),
    path(EDITION + "godziny/", views.edition_hours, name="edition_hours"),
    path(EDITION + "spotkania/eksport/", views.edition_visits_export, name="edition_visits_export"),
    path(EDITION + "godziny/eksport/", views.edition_hours_export, name="edition_hours_export"),
    path(EDITION + "godziny.xlsx", views.edition_hours_xlsx, name="edition_hours_xlsx"),
    path(EDITION + "doradztwo/", views.edition_settings, name="edition_settings"),
]
