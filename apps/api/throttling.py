"""Per token (or signed-in person) and per address for anonymous use; the rates are settings read on each request
(``API_THROTTLE_ANONYMOUS``, ``API_THROTTLE_TOKEN``) so that tests and deployments can change them."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from .authentication import token_of


class AnonymousThrottle(SimpleRateThrottle):
    scope = "anonymous"

    def get_rate(self):
        return getattr(settings, "API_THROTTLE_ANONYMOUS", "120/min")

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenThrottle(SimpleRateThrottle):
    scope = "token"

    def get_rate(self):
        return getattr(settings, "API_THROTTLE_TOKEN", "600/min")

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        token = token_of(request)
        ident = f"t{token.pk}" if token else f"u{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
