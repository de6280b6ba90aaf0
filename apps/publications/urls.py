from django.urls import path

from . import views

app_name = "publications"

SUMMARY = "karty-jst/<int:engagement_pk>/podsumowanie/"
CONSENTS = "karty-jst/<int:engagement_pk>/zgody-na-publikacje/"
DESK = "organizator/edycje/<slug:slug>/publikacje/"
PUBLIC = "baza-wiedzy/"

urlpatterns = [
    path(SUMMARY, views.detail, name="summary"),
    path(SUMMARY + "rozpocznij/", views.start, name="summary_start"),
    path(SUMMARY + "edycja/", views.edit, name="summary_edit"),
    path(SUMMARY + "pliki/nowy/", views.attachment_add, name="attachment_add"),
    path(SUMMARY + "pliki/<int:pk>/", views.attachment_download, name="attachment_download"),
    path(SUMMARY + "pliki/<int:pk>/usun/", views.attachment_remove, name="attachment_remove"),
    path(SUMMARY + "przekaz/", views.submit, name="summary_submit"),
    path(SUMMARY + "komentarze/", views.comment, name="summary_comment"),
    path(SUMMARY + "poprawki/", views.request_changes, name="summary_request_changes"),
    path(SUMMARY + "akceptuj/", views.accept, name="summary_accept"),
    path(SUMMARY + "nowa-wersja/", views.new_version, name="summary_new_version"),
    path(SUMMARY + "wersje/<int:number>/", views.version_detail, name="summary_version"),
    path(SUMMARY + "wersje/<int:number>/pdf/", views.version_pdf, name="summary_version_pdf"),
    path(CONSENTS, views.consents, name="consents"),
    path(CONSENTS + "<int:pk>/wycofaj/", views.withdraw, name="consent_withdraw"),
    path(DESK, views.desk, name="desk"),
    path(DESK + "ustawienia/", views.settings_edit, name="settings"),
    path(DESK + "eksport/", views.desk_export, name="desk_export"),
    path(DESK + "opublikuj-wszystkie/", views.publish_all, name="publish_all"),
    path(DESK + "zgody/<int:pk>/opublikuj/", views.publish_one, name="publish_one"),
    path("organizator/publikacje/<int:pk>/wyroznienie/", views.feature, name="feature"),
    path("podsumowania/formy/", views.structures_list, name="structures"),
    path("podsumowania/formy/<slug:form>/", views.structure_edit, name="structure_edit"),
    path(PUBLIC, views.index, name="public_index"),
    path(PUBLIC + "<int:pk>/", views.public_detail, name="public_detail"),
    path(PUBLIC + "<int:pk>/pdf/", views.pdf, name="public_pdf"),
    path(PUBLIC + "<int:pk>/pliki/<int:attachment_pk>/", views.public_attachment, name="public_attachment"),
    path(PUBLIC + "edycje/<slug:slug>/", views.edition_page, name="public_edition"),
    path(PUBLIC + "nowosci.atom", views.feed, name="feed"),
    path(PUBLIC + "dane.json", views.open_data_json, name="open_data_json"),
    path(PUBLIC + "dane.csv", views.open_data_csv, name="open_data_csv"),
]
