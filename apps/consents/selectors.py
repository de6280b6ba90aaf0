"""Reads of clauses and consent records."""

from apps.accounts.models import Organisation

from .models import ClauseVersion, ConsentRecord


def published_clause(organisation: Organisation | None) -> ClauseVersion | None:
    """The organiser's clause shown at its collection points: the newest version."""
    if organisation is None:
        return None
    return ClauseVersion.objects.filter(organisation=organisation).order_by("-number").first()


def clause_versions(organisation: Organisation):
    return ClauseVersion.objects.filter(organisation=organisation).select_related("created_by").order_by("-number")


def records_of(user):
    """The person's acknowledgements and consents, newest first."""
    return ConsentRecord.objects.filter(user=user).select_related("organisation", "clause_version")


def consent_of(user, pk: int) -> ConsentRecord:
    return records_of(user).get(pk=pk)
