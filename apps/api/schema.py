"""The OpenAPI description's shared parts: the error body every operation may answer, and the bearer token."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR = {
    "type": "object",
    "description": "An error, in Polish (detail) and English (detail_en).",
    "properties": {
        "detail": {"type": "string", "description": "Polski komunikat."},
        "detail_en": {"type": "string", "description": "The message in English."},
        "code": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True, "description": "Invalid data: field → messages."},
    },
    "required": ["detail", "detail_en", "code"],
}

_ERRORS = {
    "400": "Invalid parameters or data",
    "401": "Missing, invalid, expired or revoked token",
    "403": "Not allowed (a read-only token writing; a role that may only read; CSRF)",
    "404": "Not found, or outside what you may see",
    "405": "Method not allowed",
    "406": "Only JSON is served",
    "415": "Send JSON",
    "429": "Too many requests (see Retry-After)",
}


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "apps.api.authentication.TokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A personal API token (Moje konto → Tokeny API)."}


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "apps.api.authentication.SessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    reference = {"$ref": "#/components/schemas/Error"}
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for code, description in _ERRORS.items():
                responses.setdefault(
                    code, {"description": description, "content": {"application/json": {"schema": reference}}}
                )
            if operation.get("operationId", "").endswith("_list"):
                responses.setdefault("304", {"description": "Not modified (If-None-Match matched the ETag)"})
    return result
