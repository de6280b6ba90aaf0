"""The OpenAPI description is valid, and schemathesis runs every operation of it against the application (through
WSGI, in the test's database with the access-matrix world): as an anonymous client and with a read-write token of
organiser X's staff. No answer may be a server error, and every answer must match the description (status code,
content type, body). Few examples per operation and derandomized, so that CI is stable and quick."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from apps.api.models import ApiToken
from tests.world import build_world

from .conftest import make_token

pytestmark = pytest.mark.django_db
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 12


def _operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    return [result.ok() for result in schema.get_all_operations()]


def test_the_schema_is_valid_openapi(client):
    from drf_spectacular.validation import validate_schema

    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    validate_schema(response.json())  # against the OpenAPI 3 JSON schema; raises when invalid


@pytest.fixture
def connection_kept_open():
    """Requests made straight through WSGI end with ``request_finished``, which closes the database connection
    (and on PostgreSQL loses the test's transaction); Django's test client unhooks it the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_every_operation_as_anonymous_and_with_an_organisers_token(settings, connection_kept_open):
    settings.API_THROTTLE_ANONYMOUS = settings.API_THROTTLE_TOKEN = "1000000/min"
    world = build_world()
    organiser = {"Authorization": f"Bearer {make_token(world.users['organiser_x'], ApiToken.Scope.WRITE)}"}
    operations = _operations()
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )
        def run(case):
            for headers in ({}, organiser):
                case.call_and_validate(headers=headers, checks=CHECKS)

        run()
