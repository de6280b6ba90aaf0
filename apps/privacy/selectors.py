"""Reads for requests, holds and the register, scoped to who may see them."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from apps.accounts.models import Organisation
from apps.accounts.roles import roles_of
from apps.editions.models import Edition

from .models import DataRequest, LegalHold


def requests_of(user):
    return DataRequest.objects.filter(user=user).select_related("organisation").order_by("-created_at")


def requests_for(organisation):
    return DataRequest.objects.filter(organisation=organisation).select_related("user", "answered_by")


def request_for(user, pk: int) -> DataRequest:
    """A request its organiser's staff (or the coordinator, read-only) may open; anyone else gets 404."""
    roles = roles_of(user)
    visible = DataRequest.objects.select_related("user", "organisation", "answered_by")
    if not roles.is_coordinator:
        visible = visible.filter(organisation_id__in=roles.staff_of)
    return get_object_or_404(visible, pk=pk)


def open_request_counts(user) -> list[tuple[Organisation, int]]:
    organisations = Organisation.objects.filter(pk__in=roles_of(user).staff_of).annotate(
        open_count=Count("data_requests", filter=Q(data_requests__status=DataRequest.Status.OPEN))
    )
    return [(o, o.open_count) for o in organisations if o.open_count]


def hold_editions_for(user):
    return Edition.objects.filter(organiser_id__in=roles_of(user).staff_of).order_by("-pk")


def holds_for(user):
    return LegalHold.objects.filter(edition__organiser_id__in=roles_of(user).staff_of).select_related(
        "edition", "created_by"
    )
