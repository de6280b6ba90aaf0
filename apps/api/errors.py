"""Errors as JSON: ``{"detail": <Polish>, "detail_en": <English>, "code": <code>}``, and for invalid data also
``errors`` (field → messages, in the request's language). See docs/api.md."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler

from . import messages

_BY_CLASS = [
    (exceptions.NotAuthenticated, messages.NOT_AUTHENTICATED),
    (exceptions.AuthenticationFailed, messages.BAD_TOKEN),
    (exceptions.NotFound, messages.NOT_FOUND),
    (exceptions.PermissionDenied, messages.FORBIDDEN),
    (exceptions.MethodNotAllowed, messages.METHOD_NOT_ALLOWED),
    (exceptions.NotAcceptable, messages.NOT_ACCEPTABLE),
    (exceptions.UnsupportedMediaType, messages.UNSUPPORTED_MEDIA),
    (exceptions.ParseError, messages.PARSE_ERROR),
    (exceptions.ValidationError, messages.INVALID),
]


def forbidden() -> exceptions.PermissionDenied:
    """The 403 of a write the token's person may not do here (the object itself is in their scope)."""
    error = exceptions.PermissionDenied(messages.FORBIDDEN.pl)
    error.bilingual = messages.FORBIDDEN
    return error


# Our own messages by their Polish text (DRF passes a permission's ``message`` on as a plain string).
_KNOWN = {m.pl: m for m in vars(messages).values() if isinstance(m, messages.Bilingual)}


def _bilingual(exc) -> messages.Bilingual:
    if getattr(exc, "bilingual", None) is not None:
        return exc.bilingual
    if isinstance(exc.detail, str) and exc.detail in _KNOWN:
        return _KNOWN[exc.detail]
    if isinstance(exc, exceptions.Throttled):
        return messages.throttled(exc.wait and int(exc.wait + 0.999))
    for cls, message in _BY_CLASS:
        if isinstance(exc, cls):
            return message
    return messages.Bilingual(str(exc), str(exc))


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=serializers.as_serializer_error(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if not isinstance(exc, exceptions.APIException):
        # Django's Http404 / PermissionDenied, already turned into DRF's by the default handler.
        exc = exceptions.NotFound() if response.status_code == 404 else exceptions.PermissionDenied()
    message = _bilingual(exc)
    data = {"detail": message.pl, "detail_en": message.en, "code": _code(exc)}
    if isinstance(exc, exceptions.ValidationError):
        data["errors"] = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    response.data = data
    return response


def _code(exc) -> str:
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code
