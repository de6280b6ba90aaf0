"""Demo organisers and one account per role. Every person here is invented and marked as demo data."""

import base64

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.models import Membership, Organisation, User

DEMO_PASSWORD = "Demo-JST-2026!"
# One well-known TOTP secret for all demo accounts that need a second factor, so a tester can add it to any
# authenticator app (or print current codes with `manage.py demo_accounts --codes`). Never used outside demo.
DEMO_TOTP_BASE32 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

ORE = {
    "slug": "ore",
    "name": "Ośrodek Rozwoju Edukacji",
    "short_name": "ORE",
    "kind": "model_owner",
    "email": "doradztwo-jst@ore.example",
}
BENEFICIARY = {
    "slug": "fundacja-demo",
    "name": "Fundacja Rozwoju Samorządności (demo: beneficjent projektu konkursowego)",
    "short_name": "FRS (demo)",
    "kind": "beneficiary",
    "email": "projekt@frs.example",
}

# (email, full name, role label for the printout, organisation slug, membership role, platform admin)
ACCOUNTS = [
    ("admin@demo.example", "Adam Administrator (demo)", "administrator platformy", None, None, True),
    (
        "koordynator@demo.example",
        "Krystyna Koordynator (demo)",
        "koordynator krajowy (ORE)",
        "ore",
        "coordinator",
        False,
    ),
    ("organizator@demo.example", "Olga Organizator (demo)", "pracownik organizatora (ORE)", "ore", "staff", False),
    (
        "organizator2@demo.example",
        "Oskar Organizator (demo)",
        "pracownik innego organizatora",
        "fundacja-demo",
        "staff",
        False,
    ),
    ("doradca@demo.example", "Dorota Doradca (demo)", "doradca (ORE)", "ore", "advisor", False),
    ("doradca2@demo.example", "Damian Doradca (demo)", "doradca (ORE)", "ore", "advisor", False),
    ("trener@demo.example", "Tomasz Trener (demo)", "trener (ORE)", "ore", "trainer", False),
    ("wnioskodawca@demo.example", "Wanda Wnioskodawca (demo)", "wnioskodawca JST", None, None, False),
    # Team members get their places in the demo engagements (apps/demo/engagements.py); no 2FA for them.
    ("zespol@demo.example", "Zofia Zespół (demo)", "lider zespołu JST", None, None, False),
    ("zespol2@demo.example", "Zenon Zespół (demo)", "członek zespołu JST (dyrektor szkoły)", None, None, False),
]


def _ensure_totp(user: User) -> None:
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return
    key = base64.b32decode(DEMO_TOTP_BASE32).hex()
    TOTPDevice.objects.create(user=user, name="Demo", key=key, confirmed=True)


@transaction.atomic
def seed() -> None:
    # One hash for all demo logins: they share a published password anyway, and hashing it once instead of once
    # per account saves about half a second per account on a clean `make run`.
    password_hash = None
    organisations = {}
    for data in (ORE, BENEFICIARY):
        organisation, _ = Organisation.objects.get_or_create(slug=data["slug"], defaults=data)
        organisations[data["slug"]] = organisation
    for email, full_name, _label, org_slug, role, is_admin in ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user = User.objects.create(
                email=email, password=password_hash, full_name=full_name, is_staff=is_admin, is_superuser=is_admin
            )
        if org_slug:
            Membership.objects.get_or_create(user=user, organisation=organisations[org_slug], role=role)
        if is_admin or role in {"coordinator", "staff", "advisor"}:
            _ensure_totp(user)
