from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.core.permissions import can
from apps.editions.models import Edition

from .models import FundingMark, OrganiserIdentity


def marks_of(edition: Edition) -> list[FundingMark]:
    return list(edition.funding_marks.all())


def public_mark(user, slug: str, pk: int) -> FundingMark:
    """A funding mark of an edition the viewer may see: a published one, or a draft its organiser previews."""
    mark = get_object_or_404(FundingMark.objects.select_related("edition"), edition__slug=slug, pk=pk)
    if not mark.edition.is_published and not can(user, "edition.view", mark.edition):
        raise Http404
    return mark


def identity_of(organisation) -> OrganiserIdentity | None:
    return OrganiserIdentity.objects.filter(organisation=organisation).first()
