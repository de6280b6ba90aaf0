"""Check-in on site (one entry per person and day, whoever scans first) and the signed attendance lists."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.documents.uploads import validate_pdf_upload

from ..helpers import d
from ..models import AttendanceScan, CheckIn, Event, Registration


def code_from_scan(*, code: str) -> str:
    """The participant code from what was typed or scanned: the code itself, or the check-in address the QR holds
    (a scanner types it into the field; a phone's camera opens it)."""
    text = (code or "").strip()
    if "kod=" in text:
        text = text.split("kod=", 1)[1].split("&", 1)[0]
    return text.upper().replace(" ", "").replace("-", "")


def check_in(
    *, event: Event, by, code: str = "", registration: Registration | None = None, day
) -> tuple[CheckIn, bool]:
    """Mark a person present on ``day`` by their code (typed or scanned) or picked from the search. Returns the
    entry and whether it is new; a second check-in of the same person that day returns the first entry."""
    if day not in event.days:
        raise ValidationError(
            {"day": _("Ten dzień nie należy do wydarzenia (%(dates)s).") % {"dates": event.dates_label}}
        )
    if registration is None:
        code = code_from_scan(code=code)
        registration = Registration.objects.select_related("event__planned_event").filter(code=code).first()
        if registration is None:
            raise ValidationError({"code": _("Nie ma uczestnika z kodem „%(code)s”.") % {"code": code}})
        if registration.event_id != event.pk:
            raise ValidationError(
                {
                    "code": _("Ten kod należy do innego wydarzenia: „%(title)s” (%(dates)s).")
                    % {"title": registration.event.title, "dates": registration.event.dates_label}
                }
            )
    elif registration.event_id != event.pk:
        raise ValidationError({"code": _("Ta osoba nie jest zgłoszona na to wydarzenie.")})
    if registration.status != Registration.Status.REGISTERED:
        raise ValidationError(
            {
                "code": _("%(name)s nie ma potwierdzonego miejsca (%(status)s).")
                % {"name": registration.full_name, "status": registration.get_status_display()}
            }
        )
    try:
        with transaction.atomic():
            entry = CheckIn.objects.create(registration=registration, day=day, by=by)
            record(actor=by, action="events.checked_in", target=registration, changes={"day": d(day)})
    except IntegrityError:
        return CheckIn.objects.get(registration=registration, day=day), False
    return entry, True


@transaction.atomic
def undo_check_in(*, entry: CheckIn, by) -> None:
    record(actor=by, action="events.check_in_undone", target=entry.registration, changes={"day": d(entry.day)})
    entry.delete()


@transaction.atomic
def upload_attendance_scan(*, event: Event, by, day, workshop_group: str, file) -> AttendanceScan:
    if day not in event.days:
        raise ValidationError(
            {"day": _("Ten dzień nie należy do wydarzenia (%(dates)s).") % {"dates": event.dates_label}}
        )
    validate_pdf_upload(file)
    scan = AttendanceScan.objects.create(event=event, day=day, workshop_group=workshop_group, file=file, uploaded_by=by)
    record(actor=by, action="events.attendance_scan_uploaded", target=event, changes={"day": d(day)})
    return scan
