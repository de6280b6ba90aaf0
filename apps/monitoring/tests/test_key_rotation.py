"""PESEL key rotation: reading with the current or an old key, ``rotate_pesel_key`` re-encrypting and re-hashing
every stored number in batches, idempotent, recorded in each edition's history; then the old key can go."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection

from apps.audit.models import AuditEntry
from apps.monitoring import crypto, services
from apps.monitoring.factories import VALID_PESELS, complete_values
from apps.monitoring.models import ParticipantData

from .conftest import add_participant

pytestmark = pytest.mark.django_db

OLD, NEW = "old-secret-" + "a" * 40, "new-secret-" + "b" * 40


def _raw() -> dict[int, tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, pesel_encrypted, pesel_hash FROM {ParticipantData._meta.db_table}")
        return {pk: (token, digest) for pk, token, digest in cursor.fetchall()}


def _stored(eu_edition, count=3):
    members = []
    for pesel in VALID_PESELS[:count]:
        member = add_participant(eu_edition)
        services.save_participant_data(
            team_member=member, by=None, pesel=pesel, clause_accepted=True, **complete_values()
        )
        members.append(member)
    return members


def _found(edition, pesel):
    return ParticipantData.objects.filter(edition=edition, pesel_hash__in=crypto.lookup_hashes(pesel)).get()


def test_rotation_re_encrypts_every_pesel_and_the_old_key_can_then_be_removed(settings, eu_edition):
    settings.MONITORING_PESEL_KEY = OLD
    members = _stored(eu_edition)
    no_pesel = add_participant(eu_edition)
    services.save_participant_data(
        team_member=no_pesel, by=None, clause_accepted=True, **complete_values(no_pesel=True, other_identifier="X1")
    )
    before = _raw()
    # The new key is current, the old one still listed: everything reads and is found before the rotation.
    settings.MONITORING_PESEL_KEY, settings.MONITORING_PESEL_OLD_KEYS = NEW, [OLD]
    assert [crypto.decrypt(m.monitoring_data.pesel_encrypted) for m in members] == VALID_PESELS[:3]
    assert _found(eu_edition, VALID_PESELS[1]).team_member == members[1]
    out = io.StringIO()
    call_command("rotate_pesel_key", "--batch-size", "2", stdout=out)
    assert "Zaszyfrowano ponownie: 3; już pod bieżącym kluczem: 0; nieczytelne żadnym z podanych kluczy: 0." in (
        out.getvalue()
    )
    after = _raw()
    for member in members:
        pk = member.monitoring_data.pk
        assert after[pk][0] != before[pk][0] and after[pk][1] != before[pk][1]  # the raw columns changed
        assert after[pk][0] and not after[pk][0].isdigit()
    assert after[no_pesel.monitoring_data.pk] == ("", "")
    # The old key removed: every PESEL still decrypts and is found by its lookup hash.
    settings.MONITORING_PESEL_OLD_KEYS = []
    for member, pesel in zip(members, VALID_PESELS, strict=False):
        data = ParticipantData.objects.get(pk=member.monitoring_data.pk)
        assert crypto.decrypt(data.pesel_encrypted) == pesel
        assert data.pesel_hash == crypto.lookup_hash(pesel)
        assert _found(eu_edition, pesel) == data
    entry = AuditEntry.objects.get(action="monitoring.pesel_key_rotated")
    assert entry.changes == {"rows": 3} and entry.edition_id == eu_edition.pk
    assert entry.action_label == "Zaszyfrowano ponownie numery PESEL nowym kluczem"


def test_running_twice_changes_nothing_the_second_time(settings, eu_edition):
    settings.MONITORING_PESEL_KEY = OLD
    _stored(eu_edition, 2)
    settings.MONITORING_PESEL_KEY, settings.MONITORING_PESEL_OLD_KEYS = NEW, [OLD]
    first = services.rotate_pesel_key(by=None, batch_size=1)
    assert (first.rotated, first.current, first.unreadable) == (2, 0, 0)
    rotated = _raw()
    second = services.rotate_pesel_key(by=None)
    assert (second.rotated, second.current, second.unreadable) == (0, 2, 0)
    assert _raw() == rotated
    assert AuditEntry.objects.filter(action="monitoring.pesel_key_rotated").count() == 1


def test_a_number_under_no_listed_key_is_reported_and_left_alone(settings, eu_edition):
    settings.MONITORING_PESEL_KEY = OLD
    _stored(eu_edition, 1)
    before = _raw()
    settings.MONITORING_PESEL_KEY, settings.MONITORING_PESEL_OLD_KEYS = NEW, []
    with pytest.raises(CommandError, match="MONITORING_PESEL_OLD_KEYS"):
        call_command("rotate_pesel_key", stdout=io.StringIO())
    assert _raw() == before


def test_the_same_pesel_is_refused_in_the_edition_while_the_rotation_is_pending(settings, eu_edition):
    settings.MONITORING_PESEL_KEY = OLD
    _stored(eu_edition, 1)
    settings.MONITORING_PESEL_KEY, settings.MONITORING_PESEL_OLD_KEYS = NEW, [OLD]
    with pytest.raises(ValidationError) as error:
        services.save_participant_data(
            team_member=add_participant(eu_edition),
            by=None,
            pesel=VALID_PESELS[0],
            clause_accepted=True,
            **complete_values(),
        )
    assert "już zapisany" in str(error.value.message_dict["pesel"])
