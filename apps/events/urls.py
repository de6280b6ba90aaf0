from django.urls import path

from . import views

app_name = "events"

E = "organizator/wydarzenia/<int:pk>/"

urlpatterns = [
    # The public and the participants.
    path("edycje/<slug:slug>/wydarzenia/", views.public_list, name="public_list"),
    path("wydarzenia/", views.mine, name="mine"),
    path("wydarzenia/<int:pk>/", views.detail, name="detail"),
    path("wydarzenia/<int:pk>/moj-program/", views.my_agenda, name="my_agenda"),
    path("wydarzenia/<int:pk>/rejestracja/", views.register, name="register"),
    path("wydarzenia/<int:pk>/rejestracja/anuluj/", views.cancel, name="cancel"),
    path("wydarzenia/<int:pk>/rejestracja/przyjmij-miejsce/", views.accept_offer, name="accept_offer"),
    path("wydarzenia/<int:pk>/potrzeby/", views.needs, name="needs"),
    path("wydarzenia/<int:pk>/zespol/", views.team, name="team"),
    path("wydarzenia/<int:pk>/materialy/<int:material_pk>/", views.material_download, name="material"),
    path("wydarzenia/<int:pk>/zaswiadczenie.pdf", views.my_certificate, name="my_certificate"),
    path("zaswiadczenia/", views.verify_lookup, name="verify_lookup"),
    path("zaswiadczenia/<str:code>/", views.verify, name="verify"),
    # The organiser's desk.
    path("organizator/wydarzenia/", views.desk, name="desk"),
    path("organizator/wydarzenia/miejsca/", views.venues, name="venues"),
    path("organizator/wydarzenia/miejsca/nowe/", views.venue_create, name="venue_create"),
    path("organizator/wydarzenia/miejsca/<int:pk>/edytuj/", views.venue_edit, name="venue_edit"),
    path("organizator/wydarzenia/miejsca/<int:pk>/usun/", views.venue_delete, name="venue_delete"),
    path("organizator/wydarzenia/przygotuj/<int:planned_pk>/", views.set_up, name="set_up"),
    path(E, views.manage, name="manage"),
    path(E + "edytuj/", views.event_edit, name="edit"),
    path(E + "zaproszeni/", views.invitees, name="invitees"),
    path(E + "zaproszeni/<int:invitee_pk>/usun/", views.invitee_remove, name="invitee_remove"),
    path(E + "zaproszenia/", views.invitations_send, name="invitations_send"),
    path(E + "program/wyslij/", views.programme_send, name="programme_send"),
    path(E + "tematy/", views.topics, name="topics"),
    path(E + "program/", views.agenda, name="agenda"),
    path(E + "program/nowy-blok/", views.session_create, name="session_create"),
    path(E + "program/kopiuj/", views.copy_agenda, name="copy_agenda"),
    path(E + "program/<int:session_pk>/", views.session_edit, name="session_edit"),
    path(E + "program/<int:session_pk>/usun/", views.session_delete, name="session_delete"),
    path(E + "program/<int:session_pk>/materialy/", views.material_upload, name="material_upload"),
    path(E + "zgloszenia/", views.registrations, name="registrations"),
    path(E + "zgloszenia/eksport/", views.registrations_export, name="registrations_export"),
    path(E + "zgloszenia/<int:registration_pk>/", views.registration_edit, name="registration_edit"),
    path(E + "zgloszenia/<int:registration_pk>/pokoj/", views.single_room, name="single_room"),
    path(E + "zgloszenia/<int:registration_pk>/anuluj/", views.registration_cancel, name="registration_cancel"),
    path(E + "pokoje/", views.rooms, name="rooms"),
    path(E + "pokoje/dobierz/", views.pair_rooms, name="pair_rooms"),
    path(E + "pokoje/<int:room_pk>/usun/", views.room_remove, name="room_remove"),
    path(E + "listy/<slug:kind>.<str:fmt>", views.export, name="export"),
    path(E + "obecnosc/", views.check_in, name="check_in"),
    path(E + "obecnosc/<int:entry_pk>/cofnij/", views.undo_check_in, name="undo_check_in"),
    path(E + "obecnosc/lista.pdf", views.attendance_pdf, name="attendance_pdf"),
    path(E + "obecnosc/skany/", views.scans, name="scans"),
    path(E + "obecnosc/eksport/", views.attendance_export, name="attendance_export"),
    path(E + "obecnosc/eksport-jst/", views.attendance_jst_export, name="attendance_jst_export"),
    path(E + "obecnosc/skany/<int:scan_pk>/", views.scan_download, name="scan_download"),
    path(E + "zaswiadczenia/", views.certificates, name="certificates"),
    path(E + "zaswiadczenia/zip/", views.certificates_zip, name="certificates_zip"),
    path(E + "zaswiadczenia/<int:registration_pk>.pdf", views.certificate_download, name="certificate_download"),
]
