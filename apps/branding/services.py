"""Every write of the public face: keyword arguments, one transaction, an audit entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from apps.audit.services import record

from .images import check_image
from .models import FundingMark, OrganiserIdentity

MAX_MARKS = 10


@transaction.atomic
def add_funding_mark(*, edition, by, image, alt_text: str) -> FundingMark:
    alt_text = (alt_text or "").strip()
    if not alt_text:
        raise ValidationError({"alt_text": _("Opisz, co przedstawia obraz (tekst alternatywny jest wymagany).")})
    content_type = check_image(image)
    if edition.funding_marks.count() >= MAX_MARKS:
        raise ValidationError(_("Edycja może mieć najwyżej %(n)s znaków finansowania.") % {"n": MAX_MARKS})
    last = edition.funding_marks.aggregate(last=Max("position"))["last"]
    mark = FundingMark.objects.create(
        edition=edition,
        image=image,
        content_type=content_type,
        alt_text=alt_text,
        position=0 if last is None else last + 1,
        uploaded_by=by,
    )
    record(actor=by, action="branding.funding_mark_added", target=edition, changes={"alt_text": alt_text})
    return mark


@transaction.atomic
def remove_funding_mark(*, mark: FundingMark, by) -> None:
    edition, alt_text, image = mark.edition, mark.alt_text, mark.image.name
    mark.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: FundingMark._meta.get_field("image").storage.delete(image))
    record(actor=by, action="branding.funding_mark_removed", target=edition, changes={"alt_text": alt_text})


@transaction.atomic
def update_identity(
    *, organisation, by, contact_phone: str, help_url: str, logo=None, remove_logo: bool = False
) -> OrganiserIdentity:
    identity, _created = OrganiserIdentity.objects.select_for_update().get_or_create(organisation=organisation)
    changes = {}
    if logo is not None:
        identity.logo_type = check_image(logo, field="logo")
        identity.logo = logo
        changes["logo"] = "uploaded"
    elif remove_logo and identity.logo:
        identity.logo, identity.logo_type = "", ""
        changes["logo"] = "removed"
    for name, value in [("contact_phone", contact_phone.strip()), ("help_url", help_url.strip())]:
        if getattr(identity, name) != value:
            changes[name] = value
            setattr(identity, name, value)
    identity.save()
    record(actor=by, action="branding.identity_changed", target=organisation, changes=changes)
    return identity
