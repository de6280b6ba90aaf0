"""The public open data in the API: the same rows as ``/otwarte-dane/`` (only published editions), paginated,
filtered and ordered by the documented parameters, with an ETag; the index with the data dictionary; a constant
number of queries whatever the number of rows."""

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from apps.core.testing import assert_constant_queries
from apps.editions.factories import EditionFactory
from apps.engagements.factories import EngagementFactory
from apps.statistics.opendata import DATASETS

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions():
    published = EditionFactory(published=True, slug="edycja-jawna", name="Edycja jawna")
    draft = EditionFactory(slug="edycja-robocza")
    for edition in (published, draft):
        EngagementFactory(edition=edition)
    EngagementFactory(edition=published)
    return published, draft


def test_each_dataset_lists_the_rows_of_the_public_file_and_nothing_of_a_draft_edition(client, editions):
    api = APIClient()
    for name in DATASETS:
        file = json.loads(client.get(reverse("statistics:open_data_file", args=[name, "json"])).content)
        answer = api.get(f"/api/v1/open-data/{name}/", {"page_size": 100})
        assert answer.status_code == 200 and answer["ETag"], name
        assert answer.json()["count"] == file["count"] and answer.json()["results"] == file["rows"], name
    jst = api.get("/api/v1/open-data/jst/").json()["results"]
    assert len(jst) == 2 and {row["edycja"] for row in jst} == {"edycja-jawna"}
    assert [row["edycja"] for row in api.get("/api/v1/open-data/edycje/").json()["results"]] == ["edycja-jawna"]


def test_filters_ordering_pagination_and_etag(editions):
    api = APIClient()
    published, _draft = editions
    rows = api.get("/api/v1/open-data/jst/", {"ordering": "teryt"}).json()["results"]
    assert [r["teryt"] for r in rows] == sorted(r["teryt"] for r in rows)
    first = rows[0]
    only = api.get("/api/v1/open-data/jst/", {"voivodeship": first["teryt"][:2], "jst_kind": first["rodzaj"]})
    assert first in only.json()["results"]
    assert api.get("/api/v1/open-data/jst/", {"edition": "edycja-robocza"}).json()["count"] == 0
    assert api.get("/api/v1/open-data/jst/", {"page_size": 1, "page": 2}).json()["count"] == 2
    assert api.get("/api/v1/open-data/jst/", {"ordering": "nie"}).status_code == 400
    assert api.get("/api/v1/open-data/jst/", {"jst_kind": "nie"}).status_code == 400
    listed = api.get("/api/v1/open-data/edycje/")
    assert listed.json()["results"][0]["liczba_jst"] == 2
    again = api.get("/api/v1/open-data/edycje/", HTTP_IF_NONE_MATCH=listed["ETag"])
    assert again.status_code == 304
    assert api.get("/api/v1/open-data/nieznane/").status_code == 404


def test_the_index_names_every_dataset_with_its_dictionary_and_count(editions):
    index = APIClient().get("/api/v1/open-data/").json()
    assert [d["name"] for d in index["results"]] == list(DATASETS)
    jst = next(d for d in index["results"] if d["name"] == "jst")
    assert jst["count"] == 2 and jst["url"] == "/api/v1/open-data/jst/"
    assert [f["name"] for f in jst["fields"]] == [name for name, _text in DATASETS["jst"]["fields"]]
    assert jst["csv_url"] == reverse("statistics:open_data_file", args=["jst", "csv"])


def test_the_schema_describes_the_fields_with_the_data_dictionary(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    row = schema["components"]["schemas"]["OpenDataJstRow"]["properties"]
    assert row["teryt"]["description"] == str(dict(DATASETS["jst"]["fields"])["teryt"])
    assert "/api/v1/open-data/obszary/" in schema["paths"]


def test_a_dataset_page_costs_the_same_queries_at_any_size():
    edition = EditionFactory(published=True)
    api = APIClient()
    assert_constant_queries(
        build=lambda n: EngagementFactory.create_batch(n, edition=edition),
        request=lambda: api.get("/api/v1/open-data/jst/", {"page_size": 100}),
    )
    assert_constant_queries(build=lambda n: None, request=lambda: api.get("/api/v1/open-data/"))
