"""The one list exporter: the column choice (remembered per user and list), the file with exactly those columns,
refused input, the history entry, and a long list prepared in the background with progress."""

import io

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import reverse
from openpyxl import load_workbook

from apps.accounts.factories import MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.audit.models import AuditEntry
from apps.core.testing import assert_constant_queries, sign_in
from apps.documents import list_exports
from apps.documents.list_exports import Column, ListExport, export_page, export_query, last_choice
from apps.documents.models import DocumentStatus, GeneratedDocument
from apps.documents.testing import exported_table

pytestmark = pytest.mark.django_db


def member_rows(organisation, *, role=""):
    rows = Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__email")
    return rows.filter(role=role) if role else rows


MEMBERS = ListExport(
    key="documents.test_members",
    title="Osoby",
    rows=member_rows,
    view_action="organisation.view",
    filename=lambda organisation: f"osoby {organisation.name}",
    columns=[
        Column("email", "E-mail", lambda m: m.user.email),
        Column("name", "Imię i nazwisko", lambda m: m.user.full_name),
        Column("role", "Rola", lambda m: m.get_role_display()),
        Column("joined", "Od", lambda m: m.created_at, default=False),
    ],
)
OTHER = ListExport(
    key="documents.test_other",
    title="Inne",
    rows=member_rows,
    view_action="organisation.view",
    filename=lambda organisation: "inne",
    columns=[Column("email", "E-mail", lambda m: m.user.email), Column("role", "Rola", lambda m: m.role)],
)


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Ośrodek")


@pytest.fixture
def staff(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.STAFF, user__email="a@example.org").user


def _ticked(page: str) -> set[str]:
    import lxml.html

    return {i.get("value") for i in lxml.html.fromstring(page).xpath('//input[@name="kolumny"][@checked]')}


def _get(user, query: str = "", spec=MEMBERS, target=None, params=None):
    request = RequestFactory().get("/eksport/?" + query)
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return export_page(request, spec, target=target, params=params or {})


def test_the_choice_page_offers_every_column_with_the_defaults_ticked(staff, organisation):
    page = _get(staff, target=organisation).content.decode()
    for label in ("E-mail", "Imię i nazwisko", "Rola", "Od"):
        assert label in page
    assert _ticked(page) == {"email", "name", "role"}


def test_the_file_has_exactly_the_chosen_columns_in_the_lists_order(staff, organisation):
    MembershipFactory(organisation=organisation, role=Membership.Role.ADVISOR, user__email="b@example.org")
    response = _get(staff, export_query(MEMBERS, "csv", ["role", "email"]), target=organisation)
    header, rows = exported_table(response)
    assert header == ["E-mail", "Rola"]
    assert rows == [["a@example.org", "pracownik organizatora"], ["b@example.org", "doradca"]]
    assert 'filename="osoby-osrodek.csv"' in response["Content-Disposition"]
    xlsx = _get(staff, export_query(MEMBERS, "xlsx", ["joined"]), target=organisation)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "Od" and sheet["A2"].number_format == "DD.MM.YYYY HH:MM"


def test_the_lists_filters_decide_the_rows(staff, organisation):
    MembershipFactory(organisation=organisation, role=Membership.Role.ADVISOR, user__email="b@example.org")
    response = _get(staff, export_query(MEMBERS, "csv", ["email"]), target=organisation, params={"role": "advisor"})
    assert exported_table(response)[1] == [["b@example.org"]]


def test_the_last_choice_is_remembered_per_user_and_list(staff, organisation):
    other_person = MembershipFactory(organisation=organisation, role=Membership.Role.STAFF).user
    _get(staff, export_query(MEMBERS, "csv", ["joined", "email"]), target=organisation)
    assert last_choice(MEMBERS, staff) == ["email", "joined"]  # in the list's order
    page = _get(staff, target=organisation).content.decode()
    assert _ticked(page) == {"joined", "email"}
    assert last_choice(MEMBERS, other_person) == MEMBERS.defaults  # another person: the defaults
    assert last_choice(OTHER, staff) == OTHER.defaults  # another list: its defaults
    _get(staff, export_query(MEMBERS, "xlsx", ["name"]), target=organisation)
    assert last_choice(MEMBERS, staff) == ["name"]  # the latest choice wins


def test_each_export_is_in_the_history(staff, organisation):
    _get(staff, export_query(MEMBERS, "csv", ["email"]), target=organisation, params={"role": ""})
    entry = AuditEntry.objects.get(action="documents.list_exported")
    assert entry.actor == staff and entry.target_id == str(organisation.pk)
    assert entry.changes == {
        "list": "documents.test_members",
        "columns": ["email"],
        "format": "csv",
        "rows": 1,
        "params": {"role": ""},
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("eksport=1&format=csv", "Wybierz co najmniej jedną kolumnę."),
        ("eksport=1&format=pdf&kolumny=email", "pdf"),
        ("eksport=1&format=csv&kolumny=password", "password"),
    ],
)
def test_bad_choices_show_the_page_again_with_the_error(staff, organisation, query, message):
    response = _get(staff, query, target=organisation)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()
    assert not AuditEntry.objects.filter(action="documents.list_exported").exists()


def test_the_lists_own_query_string_is_kept_in_the_form(staff, organisation):
    page = _get(staff, "role=advisor&q=%3Cb%3E", target=organisation).content.decode()
    assert '<input type="hidden" name="role" value="advisor">' in page
    assert 'name="q" value="&lt;b&gt;"' in page


def test_a_long_list_is_prepared_in_the_background_with_progress(client, staff, organisation, monkeypatch):
    monkeypatch.setattr(list_exports, "BACKGROUND_ROWS", 3)
    monkeypatch.setattr(list_exports, "PROGRESS_EVERY", 2)
    for number in range(5):
        MembershipFactory(organisation=organisation, role=Membership.Role.TRAINER, user__email=f"t{number}@example.org")
    response = _get(staff, export_query(MEMBERS, "xlsx", ["email", "role"]), target=organisation)
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("documents:status", args=[document.pk])
    assert document.status == DocumentStatus.DONE and document.view_action == "organisation.view"
    sign_in(client, staff)
    download = client.get(reverse("documents:download", args=[document.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert sheet.max_row == 7 and [c.value for c in sheet[1]] == ["E-mail", "Rola"]
    seen = []
    list_exports.build_list_document(organisation, seen.append, **document.params)
    assert seen == [33, 66, 100]
    # The same choice while the job runs joins it; the job's file is only for those who may see the target.
    outsider = MembershipFactory(role=Membership.Role.STAFF).user
    sign_in(client, outsider)
    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404


def test_export_queries_do_not_grow(staff, organisation):
    def build(n):
        for _ in range(n):
            MembershipFactory(organisation=organisation, role=Membership.Role.ADVISOR)

    assert_constant_queries(build=build, request=lambda: _get(staff, export_query(MEMBERS, "csv"), target=organisation))


def test_a_spec_needs_unique_columns_and_a_unique_key():
    with pytest.raises(ImproperlyConfigured):
        ListExport(key="documents.bad", title="x", rows=member_rows, view_action="x", filename=str, columns=[])
    with pytest.raises(ImproperlyConfigured):
        ListExport(
            key="documents.test_members",
            title="x",
            rows=lambda o: [],
            view_action="x",
            filename=str,
            columns=[Column("a", "A", str)],
        )


def _word_columns(organisation):
    # Columns built per target: one per word of the organisation's name (as a survey has one per question).
    words = organisation.name.split()
    return [
        Column(f"w{n}", f"Słowo {word}", lambda m, n=n: m.user.email.split("@")[0] + str(n), default=n == 0)
        for n, word in enumerate(words)
    ]


PER_TARGET = ListExport(
    key="documents.test_per_target",
    title="Na cel",
    rows=member_rows,
    view_action="organisation.view",
    filename=lambda organisation: "na-cel",
    columns=[Column("email", "E-mail", lambda m: m.user.email)],
    columns_for=_word_columns,
    remember_per_target=True,
    background_from=1,
)


def test_columns_built_per_target_are_offered_exported_and_remembered_per_target(staff, organisation):
    other = OrganisationFactory(name="Dwa słowa trzy")
    MembershipFactory(organisation=other, role=Membership.Role.STAFF, user=staff)
    page = _get(staff, spec=PER_TARGET, target=organisation).content.decode()
    assert "Słowo Ośrodek" in page and "Słowo trzy" not in page
    assert _ticked(page) == {"email", "w0"}  # the fixed and the built defaults
    assert PER_TARGET.defaults_for(other) == ["email", "w0"]
    # A key another target offers is refused for this one.
    refused = _get(staff, export_query(PER_TARGET, "csv", ["w2"]), spec=PER_TARGET, target=organisation)
    assert refused["Content-Type"].startswith("text/html") and "w2" in refused.content.decode()
    # Above its own threshold (one row) the file is prepared in the background, with the built columns.
    MembershipFactory(organisation=other, role=Membership.Role.ADVISOR, user__email="b@example.org")
    response = _get(staff, export_query(PER_TARGET, "csv", ["w2", "email"]), spec=PER_TARGET, target=other)
    assert response.status_code == 302
    document = GeneratedDocument.objects.get()
    name, data, _type = list_exports.build_list_document(other, lambda p: None, **document.params)
    assert data.decode("utf-8-sig").splitlines()[0] == "E-mail;Słowo trzy"
    # The choice is remembered for that target only; the first keeps its defaults.
    assert last_choice(PER_TARGET, staff, other) == ["email", "w2"]
    assert last_choice(PER_TARGET, staff, organisation) == ["email", "w0"]


def test_a_spec_needs_columns_fixed_or_built():
    with pytest.raises(ImproperlyConfigured):
        ListExport(key="documents.none", title="x", rows=member_rows, view_action="x", filename=str)
    built = ListExport(
        key="documents.built_twice",
        title="x",
        rows=member_rows,
        view_action="x",
        filename=str,
        columns=[Column("a", "A", str)],
        columns_for=lambda target: [Column("a", "A again", str)],
    )
    with pytest.raises(ImproperlyConfigured):
        built.columns_of(None)
    only_built = ListExport(
        key="documents.only_built",
        title="x",
        rows=member_rows,
        view_action="x",
        filename=str,
        columns_for=lambda target: [Column("b", "B", str, default=False), Column("c", "C", str)],
    )
    assert only_built.defaults_for(None) == ["c"] and only_built.defaults == []
