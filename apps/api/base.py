"""What every endpoint shares: JSON errors, the token's audit entry, ETags on lists, documented query parameters."""

import hashlib

from django.http import HttpResponseNotModified
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, mixins, viewsets
from rest_framework.response import Response

from .authentication import token_of
from .services import note_token_use

MAX_ID = 2**63 - 1


def query(request, name: str) -> str:
    """A query parameter as typed, without NUL characters (no database accepts them) and at most 200 characters."""
    return request.query_params.get(name, "").replace("\x00", "").strip()[:200]


def choice(request, name: str, values) -> str:
    """A query parameter that must be one of ``values`` (empty when absent); 400 otherwise."""
    value = query(request, name)
    if value and value not in values:
        raise exceptions.ValidationError({name: [f"{value!r} ∉ {sorted(values)}"]})
    return value


def positive_id(value) -> int:
    """A path's numeric id, or 404 (not a server error) for anything else."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise exceptions.NotFound from None
    if not 0 < number <= MAX_ID:
        raise exceptions.NotFound
    return number


def enum_parameter(name: str, values, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.STR, enum=sorted(values), required=False, description=description)


def text_parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.STR, required=False, description=description)


def ordering_parameter(orderings: dict) -> OpenApiParameter:
    return enum_parameter("ordering", orderings, "Kolejność / order (prefix - for descending).")


def ordered(request, queryset, orderings: dict, default: str):
    key = choice(request, "ordering", orderings) or default
    return queryset.order_by(*orderings[key])


class _ApiBehaviour:
    """What every endpoint does: 404 for NUL in the path, the token's history, Vary, ETag on lists."""

    def initial(self, request, *args, **kwargs):
        # A path value no database accepts (PostgreSQL refuses NUL characters) names nothing: 404.
        if any("\x00" in str(value) for value in kwargs.values()):
            raise exceptions.NotFound
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        token = token_of(request)
        if token is not None:
            note_token_use(token=token, method=request.method, path=request.path, status=response.status_code)
        response["Vary"] = "Accept, Authorization, Cookie, Accept-Language"
        if request.user.is_authenticated:
            response["Cache-Control"] = "private, no-cache"
        if request.method == "GET" and getattr(self, "action", None) == "list" and response.status_code == 200:
            response = self._conditional(request, response)
        return response

    def _conditional(self, request, response):
        response.render()
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        candidates = [tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")]
        if etag in candidates or "*" in candidates:
            not_modified = HttpResponseNotModified()
            for header in ("ETag", "Vary", "Cache-Control"):
                if header in response:
                    not_modified[header] = response[header]
            not_modified["ETag"] = etag
            return not_modified
        response["ETag"] = etag
        return response


class ApiListViewSet(_ApiBehaviour, mixins.ListModelMixin, viewsets.GenericViewSet):
    """A list-only endpoint (no detail route), with the same ETag, history and errors as ``ApiViewSet``."""


class ApiViewSet(_ApiBehaviour, viewsets.ReadOnlyModelViewSet):
    """A read-only endpoint; lists answer with an ETag and 304 to ``If-None-Match``.

    A viewset whose rows are many and nested may define ``represent(obj) -> dict``: lists and details then build
    their JSON with it instead of the serializer (DRF's nested serializers cost about 1 ms a row); the serializer
    still describes the answer in the OpenAPI schema, and schemathesis checks that the two agree."""

    represent = None

    def list(self, request, *args, **kwargs):
        if self.represent is None:
            return super().list(request, *args, **kwargs)
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response([self.represent(obj) for obj in page])

    def retrieve(self, request, *args, **kwargs):
        if self.represent is None:
            return super().retrieve(request, *args, **kwargs)
        return Response(self.represent(self.get_object()))
