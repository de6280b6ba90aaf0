from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
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
