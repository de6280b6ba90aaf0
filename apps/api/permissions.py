from rest_framework import permissions

from . import messages
from .authentication import token_of


class TokenScope(permissions.BasePermission):
    """A read-only token may only read (403 for anything else)."""

    message = messages.READ_ONLY_TOKEN.pl
    bilingual = messages.READ_ONLY_TOKEN

    def has_permission(self, request, view):
        token = token_of(request)
        return request.method in permissions.SAFE_METHODS or token is None or token.can_write


class SignedIn(permissions.IsAuthenticated):
    """Endpoints for organiser staff and the coordinator (each scoped by the page's selectors)."""
