"""PESEL at rest: encrypted with Fernet (AES-128-CBC + HMAC-SHA256) and found again by a separate keyed hash.

Both keys are derived (HKDF-SHA256, different ``info``) from one secret, ``settings.MONITORING_PESEL_KEY``, set
from the environment. The test and development default starts with ``dev-only`` and the deploy check
(``checks.py``) refuses it in production. The hash (HMAC-SHA256 of the eleven digits) lets the database refuse the
same PESEL twice in an edition without anyone being able to read it back; the encrypted value changes on every
save (random IV), so it says nothing about equality.

Rotation (decision 0027): the new secret becomes ``MONITORING_PESEL_KEY`` and the previous ones are listed in
``MONITORING_PESEL_OLD_KEYS``. Values are encrypted and hashed with the current secret only; reading tries the
current secret, then the old ones (``MultiFernet``), and a lookup matches the hash under any of them, so nothing is
unreadable or unfindable while ``manage.py rotate_pesel_key`` re-encrypts and re-hashes the stored numbers. Once it
reports nothing left under an old secret, that secret can be removed from the environment.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

DEV_KEY_PREFIX = "dev-only"


def _derive(secret: str, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"doradztwo-monitoring", info=info).derive(secret.encode())


@lru_cache(maxsize=4)
def _keys(secret: str) -> tuple[Fernet, bytes]:
    return Fernet(base64.urlsafe_b64encode(_derive(secret, b"pesel-encryption"))), _derive(secret, b"pesel-lookup")


def secrets() -> list[str]:
    """The current secret first, then the old ones still accepted for reading (without repeats or blanks)."""
    old = getattr(settings, "MONITORING_PESEL_OLD_KEYS", ()) or ()
    found = []
    for secret in [settings.MONITORING_PESEL_KEY, *old]:
        if secret and secret not in found:
            found.append(secret)
    return found


def _current() -> tuple[Fernet, bytes]:
    return _keys(settings.MONITORING_PESEL_KEY)


@lru_cache(maxsize=4)
def _reader(all_secrets: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([_keys(secret)[0] for secret in all_secrets])


def encrypt(value: str) -> str:
    return _current()[0].encrypt(value.encode()).decode("ascii")


def decrypt(token: str) -> str:
    """The PESEL of ``token`` under the current secret or an old one still listed."""
    if not token:
        return ""
    try:
        return _reader(tuple(secrets())).decrypt(token.encode("ascii")).decode()
    except InvalidToken:
        # A key removed before re-encrypting: the value cannot be read (shown as missing, never as an error page).
        return ""


def is_current(token: str) -> bool:
    """Whether ``token`` is already encrypted with the current secret (nothing for a rotation to do)."""
    try:
        _current()[0].decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True


def lookup_hash(value: str) -> str:
    return hmac.new(_current()[1], value.encode(), hashlib.sha256).hexdigest()


def lookup_hashes(value: str) -> list[str]:
    """The hash of ``value`` under every accepted secret, current first (a lookup during a rotation)."""
    return [hmac.new(_keys(secret)[1], value.encode(), hashlib.sha256).hexdigest() for secret in secrets()]


def mask(value: str) -> str:
    """The PESEL as the lists show it: only its last two digits."""
    return "•" * (len(value) - 2) + value[-2:] if value else ""
