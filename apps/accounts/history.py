"""How the accounts services' actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "account.created": _("Utworzono konto"),
        "account.email_confirmed": _("Potwierdzono adres e-mail"),
        "account.signup_repeated": _("Ponowna rejestracja na istniejący adres (wysłano informację o koncie)"),
        "invitation.created": _("Wysłano zaproszenie"),
        "invitation.accepted": _("Przyjęto zaproszenie"),
        "invitation.revoked": _("Wycofano zaproszenie"),
        "membership.added": _("Dodano rolę"),
        "membership.removed": _("Odebrano rolę"),
        "calendar_feed.created": _("Utworzono adres kalendarza"),
        "calendar_feed.revoked": _("Wyłączono adres kalendarza"),
        "two_factor.enabled": _("Włączono weryfikację dwuetapową"),
        "two_factor.reset": _("Wyzerowano weryfikację dwuetapową"),
        "two_factor.backup_codes_generated": _("Utworzono kody zapasowe"),
        "two_factor.backup_code_used": _("Użyto kodu zapasowego"),
        "two_factor.recovery_requested": _("Poproszono o wyzerowanie weryfikacji dwuetapowej"),
        "account.sessions_ended": _("Zakończono inne sesje"),
    }
)
