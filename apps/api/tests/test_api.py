"""The REST API: public data, personal tokens (scope, expiry, revocation, audit), scoping, errors, throttling,
ETags."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from apps.api import services
from apps.api.models import ApiToken
from apps.audit.models import AuditEntry
from apps.core.testing import sign_in
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind
from tests.world import build_world

from .conftest import make_token, token_client

pytestmark = pytest.mark.django_db
WRITE = ApiToken.Scope.WRITE


@pytest.fixture
def world():
    return build_world()


def test_public_endpoints_answer_anonymous_json(world):
    client = APIClient()
    for url in [
        "/api/v1/teryt/",
        f"/api/v1/teryt/{world.jst_a.teryt}/",
        "/api/v1/catalogue-versions/",
        f"/api/v1/catalogue-versions/{world.catalog_published.number}/",
        "/api/v1/editions/",
        "/api/v1/editions/edycja-x/",
        "/api/v1/editions/edycja-x/results/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/json", url
    slugs = [e["slug"] for e in client.get("/api/v1/editions/").json()["results"]]
    assert "edycja-x" in slugs and "edycja-x-szkic" not in slugs
    assert client.get("/api/v1/editions/edycja-x-szkic/").status_code == 404
    # A draft catalogue version is not public.
    assert client.get(f"/api/v1/catalogue-versions/{world.catalog_draft.number}/").status_code == 404
    results = client.get("/api/v1/editions/edycja-x/results/").json()
    names = [jst["name"] for group in results["qualified"] for jst in group["jsts"]]
    assert names == [world.jst_a.display_name]
    # Results not yet published: 404.
    assert client.get("/api/v1/editions/edycja-innego/results/").status_code == 404


def test_teryt_filters_and_search_without_diacritics(world):
    LocalGovernmentFactory(kind=JstKind.URBAN_GMINA, name="Bolesławiec")
    client = APIClient()
    found = client.get("/api/v1/teryt/", {"q": "boleslawiec"}).json()["results"]
    assert [row["name"] for row in found] == ["Bolesławiec"]
    kinds = {row["kind"] for row in client.get("/api/v1/teryt/", {"kind": JstKind.RURAL_GMINA}).json()["results"]}
    assert kinds == {JstKind.RURAL_GMINA}
    bad = client.get("/api/v1/teryt/", {"kind": "nonsense"})
    assert bad.status_code == 400 and set(bad.json()) >= {"detail", "detail_en", "errors"}


def test_pagination_is_bounded(world):
    client = APIClient()
    body = client.get("/api/v1/teryt/", {"page_size": 1000}).json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert len(body["results"]) <= 100
    assert client.get("/api/v1/teryt/", {"page": 999}).status_code == 404


def test_errors_are_json_in_polish_and_english(world):
    client = APIClient()
    response = client.get("/api/v1/applications/")
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"
    body = response.json()
    assert body["code"] == "not_authenticated" and "token" in body["detail"] and "token" in body["detail_en"]
    missing = client.get("/api/v1/nie-ma-takiego/")
    assert missing.status_code == 404 and missing.json()["detail_en"] == "Not found."


def test_a_token_authenticates_and_its_use_is_in_the_history(world):
    client = token_client(world.users["organiser_x"])
    assert client.get("/api/v1/applications/").status_code == 200
    assert client.get("/api/v1/engagements/").status_code == 200
    token = ApiToken.objects.get(user=world.users["organiser_x"], name="integracja")
    reads = AuditEntry.objects.filter(action="api.token_read", target_id=str(token.pk))
    # Reads: one entry per token per minute, named by the token.
    assert reads.count() == 1 and reads.get().changes["token"] == "integracja"
    assert token.__class__.objects.get(pk=token.pk).last_used_at is not None


@pytest.mark.parametrize("state", ["expired", "revoked", "garbage"])
def test_expired_revoked_or_unknown_tokens_get_401(world, state):
    user = world.users["organiser_x"]
    secret = make_token(user)
    token = ApiToken.objects.get(user=user, name="integracja")
    if state == "expired":
        ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    elif state == "revoked":
        services.revoke_token(token=token, by=user)
    else:
        secret = secret[:-3] + "xyz"
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    response = client.get("/api/v1/teryt/")
    assert response.status_code == 401, state
    assert response.json()["detail_en"] in {"The token has expired.", "The token has been revoked.", "Invalid token."}


def test_a_read_only_token_cannot_write(world):
    client = token_client(world.users["organiser_x"])
    url = f"/api/v1/applications/{world.application_a.pk}/paper-receipts/"
    response = client.post(url, {"kind": "declaration", "received_on": timezone.localdate().isoformat()}, format="json")
    assert response.status_code == 403
    assert response.json()["detail_en"] == "This token is read-only: it cannot change anything."
    assert not world.application_a.receipts.filter(kind="declaration").exists()


def test_a_write_token_records_a_paper_receipt_through_the_service(world):
    client = token_client(world.users["organiser_x"], WRITE)
    url = f"/api/v1/applications/{world.application_a.pk}/paper-receipts/"
    opened = timezone.localdate() - timedelta(days=30)
    type(world.edition_x).objects.filter(pk=world.edition_x.pk).update(recruitment_opens_on=opened)
    received_on = opened.isoformat()
    response = client.post(url, {"kind": "declaration", "received_on": received_on}, format="json")
    assert response.status_code == 201, response.json()
    states = {d["kind"]: d["received"] for d in response.json()["documents"]}
    assert states["declaration"] is True
    assert AuditEntry.objects.filter(action="application.receipt_recorded").exists()
    write = AuditEntry.objects.get(action="api.token_write")
    assert write.changes["token"] == "integracja" and write.changes["status"] == 201
    # Invalid data: 400 with the field named, nothing recorded.
    bad = client.post(url, {"kind": "card", "received_on": "2999-01-01"}, format="json")
    assert bad.status_code == 400 and "received_on" in bad.json()["errors"]


def test_the_coordinator_reads_but_cannot_record_receipts(world):
    client = token_client(world.users["coordinator"], WRITE)
    assert client.get(f"/api/v1/applications/{world.application_a.pk}/").status_code == 200
    url = f"/api/v1/applications/{world.application_a.pk}/paper-receipts/"
    response = client.post(url, {"kind": "declaration", "received_on": timezone.localdate().isoformat()}, format="json")
    assert response.status_code == 403


def test_another_organisers_token_sees_nothing_of_edition_x(world):
    client = token_client(world.users["organiser_other"], WRITE)
    assert client.get("/api/v1/applications/").json()["count"] == 0
    assert client.get("/api/v1/engagements/").json()["count"] == 0
    assert client.get("/api/v1/hdr-actions/").json()["count"] == 0
    for url in [
        f"/api/v1/applications/{world.application_a.pk}/",
        f"/api/v1/engagements/{world.engagement_a.pk}/",
        f"/api/v1/hdr-actions/{world.plan_a_action.pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    receipt = client.post(
        f"/api/v1/applications/{world.application_a.pk}/paper-receipts/",
        {"kind": "declaration", "received_on": timezone.localdate().isoformat()},
        format="json",
    )
    assert receipt.status_code == 404
    progress = client.post(
        f"/api/v1/hdr-actions/{world.plan_a_action.pk}/progress/", {"status": "in_progress", "progress": 10}
    )
    assert progress.status_code == 404


def test_organiser_sees_its_editions_data(world):
    client = token_client(world.users["organiser_x"])
    applications = client.get("/api/v1/applications/", {"edition": "edycja-x"}).json()
    assert {a["id"] for a in applications["results"]} == {world.application_a.pk, world.application_b.pk}
    detail = client.get(f"/api/v1/applications/{world.application_a.pk}/").json()
    assert detail["decision"]["status"] == "qualified"
    assert {d["kind"] for d in detail["documents"]} == {"card", "declaration", "statements"}
    engagement = client.get(f"/api/v1/engagements/{world.engagement_a.pk}/").json()
    assert len(engagement["advisors"]) == 2 and engagement["team"][0]["is_leader"] is True
    actions = client.get("/api/v1/hdr-actions/", {"engagement": world.engagement_a.pk}).json()["results"]
    assert [a["id"] for a in actions] == [world.plan_a_action.pk]


def test_advisor_records_progress_the_organiser_may_not(world):
    url = f"/api/v1/hdr-actions/{world.plan_a_action.pk}/progress/"
    organiser = token_client(world.users["organiser_x"], WRITE)
    assert organiser.post(url, {"status": "in_progress", "progress": 40}, format="json").status_code == 403
    advisor = token_client(world.users["advisor_a"], WRITE)
    response = advisor.post(url, {"status": "in_progress", "progress": 40, "note": "API"}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["progress"] == 40
    world.plan_a_action.refresh_from_db()
    assert world.plan_a_action.progress == 40
    bad = advisor.post(url, {"status": "in_progress", "progress": 140}, format="json")
    assert bad.status_code == 400 and "progress" in bad.json()["errors"]


def test_session_writes_need_the_csrf_token(world):
    client = APIClient(enforce_csrf_checks=True)
    sign_in(client, world.users["organiser_x"])
    assert client.get("/api/v1/applications/").status_code == 200
    url = f"/api/v1/applications/{world.application_a.pk}/paper-receipts/"
    response = client.post(url, {"kind": "declaration", "received_on": timezone.localdate().isoformat()}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


@override_settings(API_THROTTLE_ANONYMOUS="2/min", API_THROTTLE_TOKEN="3/min")
def test_throttling_answers_429_with_retry_after(world):
    client = APIClient()
    assert [client.get("/api/v1/teryt/").status_code for _ in range(3)] == [200, 200, 429]
    response = client.get("/api/v1/teryt/")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "Too many requests" in response.json()["detail_en"]
    # Per address for anonymous use: another address is not affected.
    assert client.get("/api/v1/teryt/", REMOTE_ADDR="10.0.0.9").status_code == 200
    # Per token: a token has its own budget, and another token of the same person another.
    first = token_client(world.users["organiser_x"])
    assert [first.get("/api/v1/teryt/").status_code for _ in range(4)] == [200, 200, 200, 429]
    second = token_client(world.users["coordinator"])
    assert second.get("/api/v1/teryt/").status_code == 200


def test_lists_answer_304_to_a_matching_etag(world):
    client = token_client(world.users["organiser_x"])
    first = client.get("/api/v1/engagements/")
    etag = first["ETag"]
    assert etag.startswith('"')
    again = client.get("/api/v1/engagements/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    # A change makes a new ETag.
    world.engagement_a.__class__.objects.filter(pk=world.engagement_a.pk).update(stage="diagnosis")
    assert client.get("/api/v1/engagements/", HTTP_IF_NONE_MATCH=etag).status_code == 200
    public = APIClient().get("/api/v1/teryt/")
    assert APIClient().get("/api/v1/teryt/", HTTP_IF_NONE_MATCH=public["ETag"]).status_code == 304


def test_schema_and_docs_are_served_without_a_cdn(client, world):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<style" not in html and "http" not in html.split("<body>")[1].split("</body>")[0]
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_values_no_database_accepts_answer_404_or_are_ignored(world):
    client = token_client(world.users["organiser_x"])
    for url in ["/api/v1/teryt/%00/", "/api/v1/editions/a%00b/", "/api/v1/applications/99999999999999999999/"]:
        assert client.get(url).status_code == 404, url
    assert client.get("/api/v1/teryt/", {"q": "a\x00b"}).status_code == 200
    assert client.get("/api/v1/hdr-actions/", {"engagement": "99999999999999999999"}).json()["count"] == 0
