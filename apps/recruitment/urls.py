from django.urls import path

from .views import applicant, desk, public

app_name = "recruitment"

DESK = "organizator/edycje/<slug:slug>/nabor/"
REVIEW = DESK + "zgloszenia/<int:pk>/"

urlpatterns = [
    # Public: calls, their attachments and results; an applicant account from a call.
    path("nabory/", public.call_list, name="call_list"),
    path("nabory/<slug:slug>/", public.call_detail, name="call_detail"),
    path("nabory/<slug:slug>/zalaczniki/<int:pk>/", public.attachment, name="attachment"),
    path("nabory/<slug:slug>/wyniki/", public.results, name="results"),
    path("nabory/<slug:slug>/konto/", public.register, name="register"),
    # The applicant's own applications.
    path("nabory/<slug:slug>/zgloszenie/", applicant.start, name="start"),
    path("zgloszenia/", applicant.my_applications, name="my_applications"),
    path("zgloszenia/<int:pk>/", applicant.application, name="application"),
    path("zgloszenia/<int:pk>/karta/<slug:section>/", applicant.section, name="section"),
    path("zgloszenia/<int:pk>/zloz/", applicant.submit, name="submit"),
    path("zgloszenia/<int:pk>/wycofaj/", applicant.withdraw, name="withdraw"),
    path("zgloszenia/<int:pk>/dokumenty/<slug:document>/", applicant.upload, name="upload"),
    path("zgloszenia/<int:pk>/pliki/<int:receipt>/", applicant.receipt_file, name="receipt_file"),
    # The organiser's desk.
    path(DESK, desk.desk, name="desk"),
    path(DESK + "eksport/", desk.export, name="export"),
    path(DESK + "ustawienia/", desk.call_settings, name="call_settings"),
    path(DESK + "zalaczniki/", desk.attachments, name="attachments"),
    path(DESK + "zalaczniki/<int:pk>/usun/", desk.attachment_delete, name="attachment_delete"),
    path(DESK + "wyniki/", desk.publish_results, name="publish_results"),
    path(DESK + "wyniki/potwierdz/", desk.publish_results_confirm, name="publish_results_confirm"),
    path(REVIEW, desk.review, name="review"),
    path(REVIEW + "decyzja/", desk.decide, name="decide"),
    path(REVIEW + "rezygnacja/", desk.withdraw_qualified, name="withdraw_qualified"),
    path(REVIEW + "notatki/", desk.note_add, name="note_add"),
    path(REVIEW + "dokumenty/<slug:document>/wplyw/", desk.receipt_record, name="receipt_record"),
    path(REVIEW + "wplywy/<int:receipt>/odrzuc/", desk.receipt_reject, name="receipt_reject"),
    path(REVIEW + "historia/", desk.history, name="history"),
]
