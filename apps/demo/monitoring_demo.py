"""EU participant monitoring in the demo: the 2022/2023 edition (PO WER, co-financed by the ESF) is EU-funded,
the demo organiser's staff member handles its monitoring data, and most of its participants have given their data
(invented, with valid PESEL numbers, NIP and REGON). Some have gaps, so the completeness report has something to
list: every fifth person has given nothing yet, every seventh has not given their education, and two JSTs have no
REGON yet. Written through the services (the PESEL is encrypted there) and only once: a second run changes nothing.
"""

from datetime import date

from apps.accounts.models import Organisation, User
from apps.editions.models import Edition
from apps.engagements.models import TeamMember
from apps.monitoring import services
from apps.monitoring.factories import complete_values
from apps.monitoring.models import Answer, Education, MonitoringSettings

from . import accounts, editions

EDUCATION = [Education.ISCED_5_8, Education.ISCED_5_8, Education.ISCED_4, Education.ISCED_5_8, Education.ISCED_3]
CLAUSE = (
    "Administratorem Pani/Pana danych osobowych przetwarzanych w ramach zbioru „Centralny system "
    "teleinformatyczny wspierający realizację programów operacyjnych” jest minister właściwy do spraw rozwoju "
    "regionalnego. Dane przetwarzamy w celu realizacji projektu, w szczególności potwierdzenia kwalifikowalności "
    "wydatków, udzielenia wsparcia, monitoringu, ewaluacji, kontroli, audytu i sprawozdawczości. Podanie danych "
    "jest warunkiem udziału w projekcie. Ma Pani/Pan prawo dostępu do treści swoich danych i ich sprostowania. "
    "(Treść przykładowa, demo.)"
)


def _pesel(number: int) -> str:
    """A valid PESEL of an invented person born in 1960-1995 (the serial makes each one unique)."""
    born = date(1960 + number % 36, 1 + number % 12, 1 + number % 28)
    base = f"{born:%y%m%d}{number % 1000:03d}{number % 10}"
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return base + str((10 - sum(int(d) * w for d, w in zip(base, weights, strict=True)) % 10) % 10)


def _with_check(base: str, weights: list[int]) -> str:
    check = sum(int(d) * w for d, w in zip(base, weights, strict=True)) % 11
    return base + str(0 if check == 10 else check)


def _nip(number: int) -> str:
    """A valid NIP: a base whose check sum is 10 has no NIP, so the next base is taken."""
    weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
    base = 7000000 + number * 97
    while sum(int(d) * w for d, w in zip(f"{base:09d}", weights, strict=True)) % 11 == 10:
        base += 1
    return _with_check(f"{base:09d}", weights)


def _regon(number: int) -> str:
    return _with_check(f"{(30000000 + number * 131) % 100000000:08d}", [8, 9, 2, 3, 4, 5, 6, 7])


def seed() -> str:
    edition = Edition.objects.filter(name=editions.ORE_2022.name).first()
    if edition is None:
        return "monitorowanie UE: brak edycji 2022/2023"
    if MonitoringSettings.objects.filter(edition=edition).exists():
        return "monitorowanie UE: bez zmian"
    staff = User.objects.get(email=editions.ORE_2022.staff_email)
    services.save_settings(
        edition=edition,
        by=staff,
        eu_funded=True,
        programme="Program Operacyjny Wiedza Edukacja Rozwój 2014-2020, Działanie 2.10",
        project_number="POWR.02.10.00-00-7001/21",
        project_title=editions.PROJECT,
        information_clause=CLAUSE,
    )
    services.grant_access(organisation=Organisation.objects.get(slug=accounts.ORE["slug"]), user=staff, by=None)
    members = (
        TeamMember.objects.filter(engagement__edition=edition, left_at__isnull=True)
        .select_related("engagement__local_government")
        .order_by("engagement__local_government__display_name", "pk")
    )
    saved = 0
    jsts: dict[int, object] = {}
    for number, member in enumerate(members, start=1):
        jsts.setdefault(member.engagement.local_government_id, member.engagement.local_government)
        if number % 5 == 0:
            continue  # not given yet
        overrides = {"education": "" if number % 7 == 0 else EDUCATION[number % len(EDUCATION)]}
        if number % 11 == 0:
            overrides["disability"] = Answer.REFUSED
        pesel = "" if number % 13 == 0 else _pesel(number)
        if not pesel:
            overrides |= {"no_pesel": True, "other_identifier": f"DEMO{number:05d}", "sex": "K", "age_at_start": 45}
        services.save_participant_data(
            team_member=member, by=staff, pesel=pesel, clause_accepted=True, **complete_values(**overrides)
        )
        saved += 1
    for index, jst in enumerate(jsts.values(), start=1):
        services.save_institution(
            edition=edition,
            local_government=jst,
            nip=_nip(index),
            regon="" if index in (3, 8) else _regon(index),
            by=staff,
        )
    return f"monitorowanie UE: dane {saved} uczestników, {len(jsts)} instytucji"
