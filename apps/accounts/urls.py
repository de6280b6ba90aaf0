from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("konto/logowanie/", views.LoginView.as_view(), name="login"),
    path("konto/wyloguj/", views.LogoutView.as_view(), name="logout"),
    path("konto/", views.profile, name="profile"),
    path("konto/haslo/zmiana/", views.PasswordChangeView.as_view(), name="password_change"),
    path("konto/haslo/zmiana/gotowe/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("konto/haslo/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("konto/haslo/reset/wyslano/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "konto/haslo/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("konto/haslo/reset/gotowe/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("konto/2fa/konfiguracja/", views.two_factor_setup, name="two_factor_setup"),
    path("konto/2fa/weryfikacja/", views.two_factor_verify, name="two_factor_verify"),
    path("konto/2fa/kod-zapasowy/", views.two_factor_backup, name="two_factor_backup"),
    path("konto/2fa/utrata-urzadzenia/", views.two_factor_recovery, name="two_factor_recovery"),
    path("konto/kody-zapasowe/", views.backup_codes, name="backup_codes"),
    path("konto/sesje/", views.sessions_page, name="sessions"),
    path("organizatorzy/odzyskiwanie-2fa/", views.two_factor_recoveries, name="two_factor_recoveries"),
    path(
        "organizatorzy/odzyskiwanie-2fa/<int:pk>/potwierdz/",
        views.confirm_two_factor_recovery,
        name="two_factor_recovery_confirm",
    ),
    path("konto/potwierdz-adres/", views.confirm_email_sent, name="confirm_email_sent"),
    path("konto/potwierdz-adres/<uidb64>/<token>/", views.confirm_email, name="confirm_email"),
    path("konto/zaproszenie/<str:token>/", views.accept_invitation, name="invitation"),
    path("konto/kalendarz/", views.calendar_page, name="calendar"),
    path("kalendarz/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("organizatorzy/", views.organisation_list, name="organisation_list"),
    path("organizatorzy/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path(
        "organizatorzy/<slug:slug>/zaproszenia/<int:pk>/wycofaj/",
        views.revoke_invitation,
        name="invitation_revoke",
    ),
    path("organizatorzy/<slug:slug>/historia/", views.organisation_history, name="organisation_history"),
]
