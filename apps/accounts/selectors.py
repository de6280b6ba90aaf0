"""Reads for accounts and organisations, already scoped to what the user may see."""

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Invitation, Membership, Organisation
from .roles import roles_of


def organisations_visible_to(user) -> QuerySet[Organisation]:
    roles = roles_of(user)
    if roles.is_coordinator:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=roles.staff_of)


def organisation_list_for(user) -> QuerySet[Organisation]:
    return organisations_visible_to(user).annotate(
        staff_count=Count("memberships", filter=Q(memberships__role=Membership.Role.STAFF), distinct=True),
        advisor_count=Count("memberships", filter=Q(memberships__role=Membership.Role.ADVISOR), distinct=True),
        trainer_count=Count("memberships", filter=Q(memberships__role=Membership.Role.TRAINER), distinct=True),
    )


def organisation_detail_for(user, slug: str) -> Organisation:
    from django.shortcuts import get_object_or_404

    memberships = Membership.objects.select_related("user").order_by("role", "user__full_name")
    return get_object_or_404(
        organisations_visible_to(user).prefetch_related(Prefetch("memberships", queryset=memberships)),
        slug=slug,
    )


def pending_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True).select_related(
        "created_by"
    )


def recoveries_for(user):
    """Lost-device requests waiting for confirmation: a platform admin sees all, staff those of their organisers."""
    from .models import TwoFactorRecovery

    pending = TwoFactorRecovery.objects.filter(confirmed_at__isnull=True).select_related("user", "organisation")
    roles = roles_of(user)
    if roles.is_platform_admin:
        return pending
    return pending.filter(organisation_id__in=roles.staff_of).exclude(user=user)
