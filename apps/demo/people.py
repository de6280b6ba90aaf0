"""Invented people for the demo data: every name ends with "(demo)" and every address is on @demo.example.

Names come from a fixed pool through a hash of where the person sits (edition, JST, place in the team), so the
same seed always produces the same people, whatever order or machine it runs on.
"""

import hashlib
from dataclasses import dataclass

from apps.accounts.models import Membership, Organisation, User
from apps.territory.names import fold

DEMO_DOMAIN = "demo.example"
DEMO_MARK = "(demo)"

FEMALE_FIRST_NAMES = [
    "Anna",
    "Maria",
    "Katarzyna",
    "Małgorzata",
    "Agnieszka",
    "Barbara",
    "Ewa",
    "Krystyna",
    "Elżbieta",
    "Joanna",
    "Magdalena",
    "Monika",
    "Beata",
    "Jadwiga",
    "Iwona",
    "Renata",
    "Aleksandra",
    "Justyna",
    "Marta",
    "Alicja",
]
MALE_FIRST_NAMES = [
    "Piotr",
    "Krzysztof",
    "Andrzej",
    "Tomasz",
    "Paweł",
    "Marcin",
    "Michał",
    "Grzegorz",
    "Jan",
    "Marek",
    "Adam",
    "Łukasz",
    "Jacek",
    "Rafał",
    "Robert",
    "Wojciech",
    "Dariusz",
    "Mariusz",
    "Zbigniew",
    "Jerzy",
]
# Masculine forms; the feminine form is derived (-ski → -ska, -cki → -cka, other surnames do not change).
SURNAMES = [
    "Nowak",
    "Kowalski",
    "Wiśniewski",
    "Wójcik",
    "Kowalczyk",
    "Kamiński",
    "Lewandowski",
    "Zieliński",
    "Szymański",
    "Woźniak",
    "Dąbrowski",
    "Kozłowski",
    "Jankowski",
    "Mazur",
    "Kwiatkowski",
    "Krawczyk",
    "Piotrowski",
    "Grabowski",
    "Nowakowski",
    "Pawłowski",
    "Michalski",
    "Adamczyk",
    "Dudek",
    "Zając",
    "Wieczorek",
    "Jabłoński",
    "Król",
    "Majewski",
    "Olszewski",
    "Jaworski",
    "Malinowski",
    "Stępień",
    "Górecki",
    "Sikora",
    "Baran",
    "Rutkowski",
]


@dataclass(frozen=True)
class Person:
    full_name: str
    email: str


def _feminine(surname: str) -> str:
    if surname.endswith(("ski", "cki", "dzki")):
        return surname[:-1] + "a"
    return surname


def _number(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256(":".join(parts).encode()).digest()[:8], "big")


def invented_person(*seed: str, taken: set[str] = frozenset(), email_tag: str = "") -> Person:
    """A stable invented person for ``seed``; names in ``taken`` (full names) are skipped, so a team has no twins."""
    attempt = 0
    while True:
        n = _number(*seed, str(attempt))
        female = n % 2 == 0
        first = (FEMALE_FIRST_NAMES if female else MALE_FIRST_NAMES)[(n >> 1) % 20]
        surname = SURNAMES[(n >> 8) % len(SURNAMES)]
        last = _feminine(surname) if female else surname
        full_name = f"{first} {last} {DEMO_MARK}"
        if full_name not in taken:
            local = ".".join(filter(None, [fold(first), fold(last).replace(" ", "-"), email_tag]))
            return Person(full_name=full_name, email=f"{local}@{DEMO_DOMAIN}")
        attempt += 1


def is_marked_demo(full_name: str, email: str) -> bool:
    return full_name.endswith(DEMO_MARK) and email.lower().endswith("@" + DEMO_DOMAIN)


def ensure_accounts(people: list[Person]) -> dict[str, User]:
    """Accounts for invented people, created directly (no invitation, so no e-mail) and without a usable password:
    only the printed demo logins can sign in; the others exist so that teams look as they would in real use."""
    emails = [person.email for person in people]
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    missing: dict[str, User] = {}
    for person in people:
        if person.email not in users and person.email not in missing:
            user = User(email=person.email, full_name=person.full_name)
            user.set_unusable_password()
            missing[person.email] = user
    if missing:
        User.objects.bulk_create(missing.values())
        users.update({user.email: user for user in User.objects.filter(email__in=missing)})
    return users


def ensure_advisors(organisation: Organisation, advisors: list[Person]) -> dict[str, User]:
    users = ensure_accounts(advisors)
    have = set(
        Membership.objects.filter(
            organisation=organisation, role=Membership.Role.ADVISOR, user__email__in=users
        ).values_list("user__email", flat=True)
    )
    Membership.objects.bulk_create(
        Membership(user=users[email], organisation=organisation, role=Membership.Role.ADVISOR)
        for email in users
        if email not in have
    )
    return users
