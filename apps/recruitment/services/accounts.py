"""Applicant accounts."""

from apps.accounts.services import sign_up


def register_applicant(*, email: str, full_name: str, password: str, next_url: str = "") -> None:
    """An account asked for on a call page. Its role comes from owning an application, not from a flag; it can
    do nothing until the address is confirmed, and the caller learns nothing about whether it existed."""
    sign_up(email=email, full_name=full_name, password=password, source="recruitment", next_url=next_url)
