"""How django-axes names the account behind a login attempt when counting failures."""

from django.conf import settings


def username_for_lockout(request, credentials: dict | None) -> str | None:
    """The typed e-mail, trimmed and lower-cased.

    Login ignores letter case (``User.objects.get_by_natural_key`` matches ``email__iexact``), so failures must be
    counted the same way: otherwise ``Anna@…``, ``ANNA@…`` and ``anna@…`` would each get their own five attempts.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    value = credentials.get(field) if credentials else getattr(request, "data", request.POST).get(field)
    if value is None:
        return None
    return str(value).strip().lower()
