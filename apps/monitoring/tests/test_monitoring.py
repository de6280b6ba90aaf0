"""EU participant monitoring: PESEL at rest, entry and its validation, the completeness report, the SM EFS
exports and who may see any of it."""

import csv
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.core.testing import assert_constant_queries, sign_in
from apps.engagements.models import Stage
from apps.monitoring import crypto, selectors, services, smefs
from apps.monitoring.factories import VALID_PESELS, complete_values
from apps.monitoring.models import ParticipantData

from .conftest import add_participant, first_day

pytestmark = pytest.mark.django_db

NIP, REGON = "5261040828", "000331501"


def _complete(member, pesel=VALID_PESELS[0], **overrides):
    return services.save_participant_data(
        team_member=member, by=None, pesel=pesel, clause_accepted=True, **complete_values(**overrides)
    )


def _with_institution(member):
    services.save_institution(
        edition=member.engagement.edition,
        local_government=member.engagement.local_government,
        nip=NIP,
        regon=REGON,
        by=None,
    )


# --- PESEL at rest ---------------------------------------------------------------------------------------------


def test_the_database_column_holds_no_clear_pesel(eu_edition):
    member = add_participant(eu_edition)
    data = _complete(member)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ParticipantData._meta.db_table} WHERE id = %s", [data.pk])
        raw = " ".join(str(value) for value in cursor.fetchone())
    assert VALID_PESELS[0] not in raw
    assert VALID_PESELS[0][:6] not in raw  # not even the birth date part
    assert crypto.decrypt(data.pesel_encrypted) == VALID_PESELS[0]
    assert data.pesel_hash == crypto.lookup_hash(VALID_PESELS[0]) != crypto.lookup_hash(VALID_PESELS[1])


def test_the_same_pesel_twice_in_an_edition_is_refused(eu_edition):
    _complete(add_participant(eu_edition))
    with pytest.raises(ValidationError) as error:
        _complete(add_participant(eu_edition))
    assert "już zapisany" in str(error.value.message_dict["pesel"])


def test_production_must_set_the_pesel_key(settings):
    from apps.monitoring.checks import pesel_key_is_set

    assert [e.id for e in pesel_key_is_set()] == ["monitoring.E001"]  # the dev/test default
    settings.MONITORING_PESEL_KEY = "x" * 48
    assert pesel_key_is_set() == []


# --- entry -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("85031412348", "cyfra kontrolna się nie zgadza"),
        ("8503141234", "ma 11 cyfr"),
        ("85139912347", "data urodzenia nie istnieje"),
    ],
)
def test_an_invalid_pesel_is_refused_at_entry_with_a_clear_message(client, eu_edition, typed, message):
    member = add_participant(eu_edition)
    sign_in(client, member.user)
    url = reverse("monitoring:my_entry", kwargs={"pk": member.pk})
    response = client.post(url, {"pesel": typed, "clause_accepted": "on", "education": "isced3"})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'value="isced3" selected' in page  # what the user chose is kept
    assert not ParticipantData.objects.exists()


def test_sex_and_age_come_from_the_pesel(eu_edition, event):
    member = add_participant(eu_edition, event, days=[first_day(event)])
    _complete(member, pesel=VALID_PESELS[1], sex="K", age_at_start=20)  # typed values give way to the PESEL
    (row,) = selectors.participants(eu_edition)
    assert row.data.sex == "M"
    born = (1979, 11, 2)
    start = row.start
    assert row.age == start.year - born[0] - ((start.month, start.day) < born[1:])


def test_without_pesel_another_identifier_is_needed_and_sex_and_age_are_typed(eu_edition):
    member = add_participant(eu_edition)
    with pytest.raises(ValidationError) as error:
        _complete(member, pesel="", no_pesel=True)
    assert "other_identifier" in error.value.message_dict
    data = _complete(member, pesel="", no_pesel=True, other_identifier="AB1234567", sex="K", age_at_start=41)
    assert (data.pesel_encrypted, data.sex, data.age_at_start) == ("", "K", 41)


def test_the_clause_must_be_acknowledged_before_the_first_save(eu_edition):
    member = add_participant(eu_edition)
    with pytest.raises(ValidationError) as error:
        services.save_participant_data(team_member=member, by=None, pesel=VALID_PESELS[0], **complete_values())
    assert "clause_accepted" in error.value.message_dict


def test_invalid_nip_and_regon_are_refused(eu_edition):
    member = add_participant(eu_edition)
    with pytest.raises(ValidationError) as error:
        services.save_institution(
            edition=eu_edition,
            local_government=member.engagement.local_government,
            nip="5261040829",
            regon="000331502",
            by=None,
        )
    assert set(error.value.message_dict) == {"nip", "regon"}


def test_the_participant_enters_their_own_data_and_the_page_never_sends_the_pesel_back(client, eu_edition):
    member = add_participant(eu_edition)
    sign_in(client, member.user)
    url = reverse("monitoring:my_entry", kwargs={"pk": member.pk})
    response = client.post(
        url, {"pesel": VALID_PESELS[0], "clause_accepted": "on", **{k: v or "" for k, v in complete_values().items()}}
    )
    assert response.status_code == 302
    data = ParticipantData.objects.get(team_member=member)
    assert data.clause_accepted_at is not None
    page = client.get(url).content.decode()
    assert VALID_PESELS[0] not in page and crypto.mask(VALID_PESELS[0]) in page
    entry = AuditEntry.objects.get(action="monitoring.data_saved")
    assert VALID_PESELS[0] not in str(entry.changes) and "pesel" in entry.changes["fields"]


# --- who sees it -----------------------------------------------------------------------------------------------


def test_staff_without_the_monitoring_permission_get_404(client, eu_edition, plain_staff):
    sign_in(client, plain_staff)
    for name in ("participants", "completeness", "export_participants", "settings"):
        assert client.get(reverse(f"monitoring:{name}", kwargs={"slug": eu_edition.slug})).status_code == 404
    assert client.get(reverse("monitoring:index")).status_code == 404


def test_lists_show_the_pesel_masked_and_each_reveal_is_in_the_history(client, eu_edition, officer):
    member = add_participant(eu_edition)
    data = _complete(member)
    sign_in(client, officer)
    page = client.get(reverse("monitoring:participants", kwargs={"slug": eu_edition.slug})).content.decode()
    assert VALID_PESELS[0] not in page and crypto.mask(VALID_PESELS[0]) in page
    url = reverse("monitoring:reveal", kwargs={"slug": eu_edition.slug, "pk": member.pk})
    for _ in range(2):
        assert VALID_PESELS[0] in client.post(url).content.decode()
    reveals = AuditEntry.objects.filter(action="monitoring.pesel_revealed", target_id=str(data.pk))
    assert reveals.count() == 2 and {e.actor_id for e in reveals} == {officer.pk}


def test_pages_of_an_edition_not_eu_funded_are_404(client, eu_edition, officer):
    eu_edition.monitoring_settings.eu_funded = False
    eu_edition.monitoring_settings.save()
    sign_in(client, officer)
    assert client.get(reverse("monitoring:participants", kwargs={"slug": eu_edition.slug})).status_code == 404
    assert client.get(reverse("monitoring:settings", kwargs={"slug": eu_edition.slug})).status_code == 200


# --- completeness ----------------------------------------------------------------------------------------------


def test_the_completeness_report_lists_exactly_the_participants_with_gaps(client, eu_edition, event, officer):
    day = first_day(event)
    complete = add_participant(eu_edition, event, days=[day], full_name="Anna Pełna")
    _complete(complete, pesel=VALID_PESELS[0])
    _with_institution(complete)
    no_data = add_participant(eu_edition, event, days=[day], full_name="Bogdan Bezdanych")
    _with_institution(no_data)
    half = add_participant(eu_edition, event, days=[day], full_name="Celina Połowa")
    _complete(half, pesel=VALID_PESELS[1], education="", minority="")
    _with_institution(half)
    no_attendance = add_participant(eu_edition, full_name="Dawid Nieobecny")
    _complete(no_attendance, pesel=VALID_PESELS[2])
    _with_institution(no_attendance)
    no_regon = add_participant(eu_edition, event, days=[day], full_name="Ewa Bezregonu")
    _complete(no_regon, pesel=VALID_PESELS[3])
    services.save_institution(
        edition=eu_edition, local_government=no_regon.engagement.local_government, nip=NIP, regon="", by=None
    )

    sign_in(client, officer)
    page = client.get(reverse("monitoring:completeness", kwargs={"slug": eu_edition.slug})).content.decode()
    listed = {int(pk) for pk in re.findall(r'data-participant="(\d+)"', page)}
    assert listed == {no_data.pk, half.pk, no_attendance.pk, no_regon.pk}
    gaps = {row.member.pk: row.gaps for row in selectors.participants_with_gaps(eu_edition)}
    assert gaps[no_data.pk] == ["brak danych do monitorowania"]
    assert gaps[half.pk] == [
        "wykształcenie",
        "osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowanej)",
    ]
    assert gaps[no_attendance.pk] == ["data rozpoczęcia wsparcia (brak obecności na wydarzeniu)"]
    assert gaps[no_regon.pk] == ["REGON instytucji"]


# --- the SM EFS exports ----------------------------------------------------------------------------------------


def _parse(response) -> list[dict]:
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 (with the BOM spreadsheets need)
    text = body.decode("utf-8-sig")
    assert "\r\n" in text
    reader = csv.reader(io.StringIO(text), delimiter=";")
    headers, *rows = list(reader)
    return headers, [dict(zip(headers, row, strict=True)) for row in rows]


def test_the_participants_export_has_the_sm_efs_headers_and_formats(client, eu_edition, event, officer):
    days = event.days
    done = add_participant(eu_edition, event, days=[days[0], days[-1]], full_name="Anna Nowak")
    _complete(done, pesel=VALID_PESELS[0], disability="refused")
    done.engagement.stage = Stage.COMPLETED
    done.engagement.save()
    _with_institution(done)
    ongoing = add_participant(eu_edition, event, days=[days[0]], full_name="Jan Kowalski")
    _complete(ongoing, pesel="", no_pesel=True, other_identifier="AB123", sex="M", age_at_start=52)

    sign_in(client, officer)
    response = client.get(reverse("monitoring:export_participants", kwargs={"slug": eu_edition.slug}))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    headers, rows = _parse(response)
    assert headers == smefs.PARTICIPANT_HEADERS
    by_name = {row["Nazwisko"]: row for row in rows}
    anna, jan = by_name["Nowak"], by_name["Kowalski"]
    assert anna["PESEL"] == VALID_PESELS[0] and anna["Brak PESEL"] == "Nie" and jan["Brak PESEL"] == "Tak"
    assert (
        anna["Płeć"] == "Kobieta"
        and jan["Płeć"] == "Mężczyzna"
        and jan["Wiek w chwili przystąpienia do projektu"] == "52"
    )
    assert anna["Wykształcenie"] == "Wyższe (ISCED 5-8)"
    assert anna["Status osoby na rynku pracy w chwili przystąpienia do projektu"] == (
        "Osoba pracująca w administracji samorządowej"
    )
    for row in rows:
        for header in ("Data rozpoczęcia udziału w projekcie", "Data zakończenia udziału w projekcie"):
            assert row[header] == "" or re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", row[header])
        for header in ("Brak PESEL", *smefs.PARTICIPANT_HEADERS[-5:]):
            assert row[header] in {"Tak", "Nie", "Odmowa podania informacji"}
    assert anna["Data rozpoczęcia udziału w projekcie"] == days[0].strftime("%d.%m.%Y")
    assert anna["Data zakończenia udziału w projekcie"] == days[-1].strftime("%d.%m.%Y")
    assert jan["Data zakończenia udziału w projekcie"] == ""  # still in support
    assert anna["Rodzaj przyznanego wsparcia"].split("|")[0] == "Doradztwo"
    assert len(anna["Rodzaj przyznanego wsparcia"].split("|")) == 2
    assert anna["Osoba z niepełnosprawnościami"] == "Odmowa podania informacji"
    entry = AuditEntry.objects.get(action="monitoring.exported")
    assert entry.changes == {"kind": "participants", "rows": 2} and entry.actor_id == officer.pk


def test_the_institutions_export(client, eu_edition, event, officer):
    member = add_participant(eu_edition, event, days=[first_day(event)])
    _with_institution(member)
    sign_in(client, officer)
    headers, rows = _parse(client.get(reverse("monitoring:export_institutions", kwargs={"slug": eu_edition.slug})))
    assert headers == smefs.INSTITUTION_HEADERS
    (row,) = rows
    assert (row["NIP"], row["REGON"], row["Liczba uczestników"]) == (NIP, REGON, "1")
    assert row["Data rozpoczęcia udziału w projekcie"] == first_day(event).strftime("%d.%m.%Y")


def test_participants_page_and_export_queries_do_not_grow(client, eu_edition, event, officer):
    sign_in(client, officer)
    counter = iter(range(1000))

    def build(n):
        for _ in range(n):
            member = add_participant(eu_edition, event, days=[first_day(event)])
            number = next(counter)
            if number % 2:
                _complete(member, pesel="", no_pesel=True, other_identifier=f"ID{number}", sex="K", age_at_start=40)
            _with_institution(member)

    for name in ("participants", "completeness", "export_participants", "export_institutions"):
        url = reverse(f"monitoring:{name}", kwargs={"slug": eu_edition.slug})
        assert_constant_queries(build=build, request=lambda url=url: client.get(url), few=1, many=6)
