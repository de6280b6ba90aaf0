"""``Authorization: Bearer <token>`` with a personal API token; the browser's session as well (CSRF-checked)."""

from django.utils import timezone
from rest_framework import authentication, exceptions

from . import messages
from .models import ApiToken
from .services import token_by_secret


class BilingualAuthenticationFailed(exceptions.AuthenticationFailed):
    def __init__(self, message: messages.Bilingual):
        super().__init__(detail=message.pl)
        self.bilingual = message


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise BilingualAuthenticationFailed(messages.BAD_HEADER)
        try:
            secret = header[1].decode()
        except UnicodeError:
            raise BilingualAuthenticationFailed(messages.BAD_TOKEN) from None
        token = token_by_secret(secret=secret)
        if token is None:
            raise BilingualAuthenticationFailed(messages.BAD_TOKEN)
        if token.revoked_at is not None:
            raise BilingualAuthenticationFailed(messages.REVOKED_TOKEN)
        if token.expires_at <= timezone.now():
            raise BilingualAuthenticationFailed(messages.EXPIRED_TOKEN)
        if not token.user.is_active:
            raise BilingualAuthenticationFailed(messages.INACTIVE_USER)
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class SessionAuthentication(authentication.SessionAuthentication):
    """The signed-in browser (and the bench runner): writes need the CSRF token, as on the pages."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            error = exceptions.PermissionDenied(messages.CSRF.pl)
            error.bilingual = messages.CSRF
            raise error from None


def token_of(request) -> ApiToken | None:
    return request.auth if isinstance(request.auth, ApiToken) else None
