"""Whose page is this? The organiser (name, logo, contact, help) on pages of one of its editions or of itself; the
platform (its contact from settings) elsewhere; and the funding marks of the edition the page is about."""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse

from apps.accounts.models import Organisation
from apps.editions.models import Edition

from .models import FundingMark, OrganiserIdentity


@dataclass
class PublicFace:
    organiser: Organisation | None = None
    logo_url: str = ""
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    help_url: str = ""
    marks: list[tuple[FundingMark, str]] = field(default_factory=list)


def _edition_in(context) -> Edition | None:
    """The edition a page is about, from the objects its view put in the template context."""
    for name in ("edition", "engagement", "application", "plan"):
        obj = context.get(name)
        if isinstance(obj, Edition):
            return obj
        for path in (("edition",), ("engagement", "edition")):
            current = obj
            for attr in path:
                current = getattr(current, attr, None)
            if isinstance(current, Edition):
                return current
    return None


def face_for(context) -> PublicFace:
    edition = _edition_in(context)
    organiser = edition.organiser if edition is not None else context.get("organisation")
    if not isinstance(organiser, Organisation):
        # No organiser's page: the platform's contact, from settings (no query on the platform's own pages).
        return PublicFace(
            contact_name=settings.PLATFORM_CONTACT_NAME,
            email=settings.PLATFORM_CONTACT_EMAIL,
            phone=settings.PLATFORM_CONTACT_PHONE,
            help_url=reverse("branding:help"),
        )
    face = PublicFace(organiser=organiser, contact_name=organiser.name, email=organiser.email)
    identity = OrganiserIdentity.objects.filter(organisation=organiser).first()
    if identity is not None:
        face.phone, face.help_url = identity.contact_phone, identity.help_url
        if identity.logo:
            stamp = int(identity.updated_at.timestamp())
            face.logo_url = reverse("branding:logo", kwargs={"slug": organiser.slug}) + f"?v={stamp}"
    if edition is not None:
        # An edition's own contact comes first: it is whom an applicant writes to about this call.
        face.email = edition.contact_email or face.email
        face.phone = edition.contact_phone or face.phone
        face.contact_name = edition.contact_name or face.contact_name
        url = reverse("branding:mark_image", kwargs={"slug": edition.slug, "pk": 0})[: -len("0/")]
        face.marks = [(mark, f"{url}{mark.pk}/") for mark in edition.funding_marks.all()]
    face.help_url = face.help_url or reverse("branding:help")
    return face
