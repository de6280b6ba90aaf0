import time
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import roles_of

# Paths a signed-in user may open before finishing the second factor.
_OPEN_PREFIXES = ("/static/", "/i18n/", "/konto/2fa/", "/konto/wyloguj/", "/deklaracja-dostepnosci/", "/prywatnosc/")


class RequireTwoFactorMiddleware:
    """Users whose role requires TOTP are sent to set it up or to enter a code before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(_OPEN_PREFIXES)
            and roles_of(user).requires_two_factor
            and not user.is_verified()
        ):
            has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            target = reverse("accounts:two_factor_verify" if has_device else "accounts:two_factor_setup")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


# What an account whose address is not yet proven may open: confirming it, an invitation to it, a password reset.
_UNCONFIRMED_PREFIXES = (
    "/static/",
    "/i18n/",
    "/konto/potwierdz-adres/",
    "/konto/wyloguj/",
    "/konto/zaproszenie/",
    "/konto/haslo/reset/",
    "/deklaracja-dostepnosci/",
    "/prywatnosc/",
)


class RequireConfirmedEmailMiddleware:
    """An account made by sign-up does nothing until the link sent to its address proves it (no squatting on an
    address someone else owns): every other page sends it to "check your mail"."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.has_confirmed_email
            and not request.path.startswith(_UNCONFIRMED_PREFIXES)
        ):
            return redirect(reverse("accounts:confirm_email_sent"))
        return self.get_response(request)


class RenewSessionMiddleware:
    """Idle sessions expire without a database write on every request.

    Saving the session on every request (``SESSION_SAVE_EVERY_REQUEST``) made each page view a write, so on SQLite
    readers queued behind writers. The expiry is renewed instead when the last renewal is older than
    ``SESSION_RENEW_AFTER`` seconds: a session idle for ``SESSION_COOKIE_AGE`` still ends, give or take that much.
    Sits right after ``SessionMiddleware`` so the session it marks modified is saved on the way out."""

    KEY = "_renewed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.modified or session.is_empty():
            return response
        now = int(time.time())
        if now - session.get(self.KEY, 0) >= settings.SESSION_RENEW_AFTER:
            session[self.KEY] = now
        return response


class NoStoreForSignedInMiddleware:
    """Pages shown to a signed-in person are not kept by the browser (a shared office computer keeps no JST's
    pages after logout). Responses that set their own Cache-Control keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
