"""One-time links: a random token in the e-mail, only its SHA-256 in the database."""

import hashlib
import secrets

from django.urls import reverse


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def answer_url(token: str) -> str:
    return reverse("surveys:answer", kwargs={"token": token})
