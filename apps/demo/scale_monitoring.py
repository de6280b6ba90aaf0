"""Scale data for the monitoring pages in ``make bench``: both scale editions EU-funded, the organiser's account
with the monitoring permission, every JST an institution (a tenth without NIP and REGON) and every team member's
monitoring data (3,333 in the large edition): a tenth have none yet, one in twenty has no PESEL but another
identifier, the rest a valid PESEL, encrypted and hashed as the services store it. Written in bulk, like the rest of
``apps/demo/scale.py``."""

from datetime import date, timedelta

from django.utils import timezone
from stdnum.pl import pesel, regon

from apps.accounts.models import Membership
from apps.engagements.models import Engagement, TeamMember
from apps.monitoring import crypto
from apps.monitoring.models import (
    FLAGS,
    Answer,
    Education,
    Institution,
    LabourStatus,
    MonitoringAccess,
    MonitoringSettings,
    ParticipantData,
)

BATCH = 2000
BORN_FROM = date(1960, 1, 1)


def pesel_number(index: int) -> str:
    """A valid, distinct PESEL for the ``index``-th participant (born on a different day each, 20th century)."""
    born = BORN_FROM + timedelta(days=index % 14000)
    serial = f"{(index // 14000) % 100:02d}{index % 10}{index % 7}"
    body = f"{born:%y%m%d}{serial}"
    return body + pesel.calc_check_digit(body)


NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def _nip(index: int) -> str:
    for attempt in range(index * 10, index * 10 + 10):
        body = f"{526 + index % 400:03d}{attempt % 1000000:06d}"
        check = sum(w * int(d) for w, d in zip(NIP_WEIGHTS, body, strict=True)) % 11
        if check < 10:  # a body whose check would be 10 has no valid NIP
            return body + str(check)
    raise ValueError(index)


def _identifiers(index: int) -> tuple[str, str]:
    regon_body = f"{index:08d}"
    return _nip(index), regon_body + regon.calc_check_digit(regon_body)


def _participant(member: TeamMember, edition, index: int, accepted) -> ParticipantData:
    values = dict.fromkeys(FLAGS, Answer.NO) | {"minority": Answer.REFUSED}
    data = ParticipantData(
        team_member=member,
        edition=edition,
        education=Education.ISCED_5_8,
        labour_status=LabourStatus.LOCAL_GOVERNMENT,
        clause_accepted_at=accepted,
        **values,
    )
    if index % 20 == 7:
        data.no_pesel, data.other_identifier, data.sex, data.age_at_start = True, f"PASZPORT-{index}", "K", 45
    else:
        number = pesel_number(index)
        data.pesel_encrypted, data.pesel_hash = crypto.encrypt(number), crypto.lookup_hash(number)
    return data


def build(editions: dict, *, log=lambda text: None) -> None:
    accepted = timezone.now()
    for edition in editions.values():
        MonitoringSettings.objects.create(
            edition=edition,
            eu_funded=True,
            programme="Fundusze Europejskie dla Rozwoju Społecznego 2021-2027",
            project_number=f"FERS.01.08-IP.02-{edition.pk:04d}/23",
            project_title="Doradztwo dla JST (skala)",
            information_clause="Administratorem danych osobowych jest Minister Funduszy i Polityki Regionalnej.",
        )
        staff = Membership.objects.filter(organisation=edition.organiser, role=Membership.Role.STAFF)
        MonitoringAccess.objects.bulk_create(
            [MonitoringAccess(organisation=edition.organiser, user_id=m.user_id) for m in staff],
            ignore_conflicts=True,
        )
        engagements = list(
            Engagement.objects.filter(edition=edition).order_by("pk").values_list("pk", "local_government_id")
        )
        institutions = []
        for index, (_pk, local_government_id) in enumerate(engagements):
            number, statistical = _identifiers(index) if index % 10 else ("", "")
            institutions.append(
                Institution(edition=edition, local_government_id=local_government_id, nip=number, regon=statistical)
            )
        Institution.objects.bulk_create(institutions, batch_size=BATCH)
        members = TeamMember.objects.filter(engagement__edition=edition, left_at__isnull=True).order_by("pk")
        data = [
            _participant(member, edition, index, accepted)
            for index, member in enumerate(members.only("pk"))
            if index % 10 != 3
        ]
        ParticipantData.objects.bulk_create(data, batch_size=BATCH)
        log(f"monitorowanie {edition.slug}: {len(institutions)} instytucji, {len(data)} uczestników z danymi")
