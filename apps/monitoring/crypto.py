"""PESEL at rest: encrypted with Fernet (AES-128-CBC + HMAC-SHA256) and found again by a separate keyed hash.

Both keys are derived (HKDF-SHA256, different ``info``) from one secret, ``settings.MONITORING_PESEL_KEY``, set
from the environment. The test and development default starts with ``dev-only`` and the deploy check
(``checks.py``) refuses it in production. The hash (HMAC-SHA256 of the eleven digits) lets the database refuse the
same PESEL twice in an edition without anyone being able to read it back; the encrypted value changes on every
save (random IV), so it says nothing about equality.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

DEV_KEY_PREFIX = "dev-only"


def _derive(secret: str, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"doradztwo-monitoring", info=info).derive(secret.encode())


@lru_cache(maxsize=4)
def _keys(secret: str) -> tuple[Fernet, bytes]:
    return Fernet(base64.urlsafe_b64encode(_derive(secret, b"pesel-encryption"))), _derive(secret, b"pesel-lookup")


def _current() -> tuple[Fernet, bytes]:
    return _keys(settings.MONITORING_PESEL_KEY)


def encrypt(value: str) -> str:
    return _current()[0].encrypt(value.encode()).decode("ascii")


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _current()[0].decrypt(token.encode("ascii")).decode()
    except InvalidToken:
        # A key changed without re-encrypting: the value cannot be read (shown as missing, never as an error page).
        return ""


def lookup_hash(value: str) -> str:
    return hmac.new(_current()[1], value.encode(), hashlib.sha256).hexdigest()


def mask(value: str) -> str:
    """The PESEL as the lists show it: only its last two digits."""
    return "•" * (len(value) - 2) + value[-2:] if value else ""
