"""Advisors' hours and their monthly time sheets."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import record

from ..models import TimeEntry, TimeSheet
from .common import _first_of_month, _locked_month, advising_plan

MAX_DAY = Decimal("24")
LONG_DAY = Decimal("10")


def check_hours(
    *, engagement, entries: list[tuple[int, datetime.date, Decimal]], field: str = "hours", replacing=None
) -> list[str]:
    """Refuse non-positive hours, more than 24 h on a day and days of a submitted or approved sheet; answer the
    warnings (more than 10 h on a day, the JST past its planned hours). ``entries``: (advisor id, day, hours);
    ``replacing``: the stored entries these replace (not counted twice)."""
    replaced = list(replacing.values_list("pk", flat=True)) if replacing is not None else []
    organiser_id = engagement.edition.organiser_id
    warnings: list[str] = []
    by_day: dict[tuple[int, datetime.date], Decimal] = defaultdict(Decimal)
    for advisor_id, day, hours in entries:
        if hours is None or hours <= 0:
            raise ValidationError({field: _("Liczba godzin musi być większa od zera.")})
        if _locked_month(advisor_id, organiser_id, day) is not None:
            raise ValidationError(
                {
                    field: _(
                        "Karta czasu pracy za %(month)s jest przekazana lub zatwierdzona i nie można jej zmieniać."
                    )
                    % {"month": f"{day:%m.%Y}"}
                }
            )
        by_day[(advisor_id, day)] += hours
    for (advisor_id, day), hours in by_day.items():
        stored = TimeEntry.objects.filter(advisor_id=advisor_id, on=day).exclude(pk__in=replaced)
        total = (stored.aggregate(total=Sum("hours"))["total"] or Decimal(0)) + hours
        if total > MAX_DAY:
            raise ValidationError(
                {
                    field: _("%(date)s: razem %(hours)s h, a doba ma 24 godziny.")
                    % {"date": f"{day:%d.%m.%Y}", "hours": total}
                }
            )
        if total > LONG_DAY:
            warnings.append(
                _("%(date)s: doradca ma razem %(hours)s h (więcej niż 10 godzin).")
                % {"date": f"{day:%d.%m.%Y}", "hours": total}
            )
    planned = advising_plan(edition=engagement.edition).planned_hours_per_jst
    stored = TimeEntry.objects.filter(engagement=engagement).exclude(pk__in=replaced)
    total = (stored.aggregate(total=Sum("hours"))["total"] or Decimal(0)) + sum(h for _a, _d, h in entries)
    if planned and total > planned:
        warnings.append(
            _("JST ma już %(hours)s h doradztwa, więcej niż planowane w edycji %(planned)s h.")
            % {"hours": total, "planned": planned}
        )
    return warnings


def split_over_days(*, hours: Decimal, starts_on: datetime.date, ends_on: datetime.date) -> list:
    """A visit's hours over its days, in quarter hours, the remainder on the first day."""
    days = (ends_on - starts_on).days + 1
    share = (hours / days / Decimal("0.25")).to_integral_value(rounding="ROUND_FLOOR") * Decimal("0.25")
    parts = [share] * days
    parts[0] += hours - share * days
    return [(starts_on + datetime.timedelta(days=i), part) for i, part in enumerate(parts) if part > 0]


@transaction.atomic
def add_time_entry(*, engagement, advisor, on: datetime.date, hours: Decimal, kind: str, note: str = "", by):
    if kind not in (TimeEntry.Kind.PREPARATION, TimeEntry.Kind.TRAVEL):
        raise ValidationError({"kind": _("Ręcznie dodaje się przygotowanie albo dojazd.")})
    edition = engagement.edition
    if not edition.period_start <= on <= edition.period_end:
        raise ValidationError({"on": _("Dzień jest poza okresem realizacji edycji.")})
    warnings = check_hours(engagement=engagement, entries=[(advisor.pk, on, hours)])
    entry = TimeEntry.objects.create(advisor=advisor, engagement=engagement, on=on, hours=hours, kind=kind, note=note)
    record(
        actor=by,
        action="advising.hours_added",
        target=entry,
        changes={"on": str(on), "hours": str(hours), "kind": kind},
        edition=edition.pk,
        engagement=engagement.pk,
    )
    return entry, warnings


@transaction.atomic
def delete_time_entry(*, entry: TimeEntry, by) -> None:
    engagement = entry.engagement
    if entry.record_id or entry.session_id:
        raise ValidationError(_("Godziny ze sprawozdania lub sesji zmienia się w sprawozdaniu lub sesji."))
    if _locked_month(entry.advisor_id, engagement.edition.organiser_id, entry.on) is not None:
        raise ValidationError(_("Karta czasu pracy za ten miesiąc jest przekazana lub zatwierdzona."))
    record(
        actor=by,
        action="advising.hours_deleted",
        target=entry,
        changes={"on": str(entry.on), "hours": str(entry.hours)},
        edition=engagement.edition_id,
        engagement=engagement.pk,
    )
    entry.delete()


def _locked_sheet(*, advisor, organiser, month) -> TimeSheet:
    sheet, _created = TimeSheet.objects.get_or_create(advisor=advisor, organiser=organiser, month=month)
    return TimeSheet.objects.select_for_update().get(pk=sheet.pk)


@transaction.atomic
def submit_sheet(*, advisor, organiser, month: datetime.date, by) -> TimeSheet:
    month = _first_of_month(month)
    sheet = _locked_sheet(advisor=advisor, organiser=organiser, month=month)
    if sheet.state == TimeSheet.State.APPROVED:
        raise ValidationError(_("Karta czasu pracy jest zatwierdzona i zablokowana."))
    if sheet.state == TimeSheet.State.SUBMITTED:
        raise ValidationError(_("Karta czasu pracy jest już przekazana do akceptacji."))
    end = (month + datetime.timedelta(days=32)).replace(day=1)
    if not TimeEntry.objects.filter(
        advisor=advisor, engagement__edition__organiser=organiser, on__gte=month, on__lt=end
    ).exists():
        raise ValidationError(_("W tym miesiącu nie ma godzin do rozliczenia."))
    sheet.state, sheet.submitted_at = TimeSheet.State.SUBMITTED, timezone.now()
    sheet.save(update_fields=["state", "submitted_at", "updated_at"])
    record(actor=by, action="advising.sheet_submitted", target=sheet, changes={"month": f"{month:%m.%Y}"})
    _notify_staff(sheet)
    return sheet


def _notify_staff(sheet: TimeSheet) -> None:
    from apps.accounts.models import Membership
    from apps.core.mail import send_templated_email

    emails = list(
        Membership.objects.filter(organisation_id=sheet.organiser_id, role=Membership.Role.STAFF).values_list(
            "user__email", flat=True
        )
    )
    if emails:
        send_templated_email(
            to=emails,
            template="advising/email/sheet_submitted",
            context={"sheet": sheet, "advisor": sheet.advisor.full_name, "month": f"{sheet.month:%m.%Y}"},
        )


def _decide(sheet: TimeSheet) -> TimeSheet:
    sheet = TimeSheet.objects.select_for_update().select_related("advisor").get(pk=sheet.pk)
    if sheet.state == TimeSheet.State.APPROVED:
        raise ValidationError(_("Karta czasu pracy jest już zatwierdzona i zablokowana."))
    if sheet.state != TimeSheet.State.SUBMITTED:
        raise ValidationError(_("Karta czasu pracy nie czeka na akceptację."))
    return sheet


@transaction.atomic
def approve_sheet(*, sheet: TimeSheet, by) -> TimeSheet:
    sheet = _decide(sheet)
    sheet.state, sheet.decided_at, sheet.decided_by, sheet.comment = TimeSheet.State.APPROVED, timezone.now(), by, ""
    sheet.save(update_fields=["state", "decided_at", "decided_by", "comment", "updated_at"])
    record(actor=by, action="advising.sheet_approved", target=sheet, changes={"month": f"{sheet.month:%m.%Y}"})
    _tell_advisor(sheet, "sheet_approved")
    return sheet


@transaction.atomic
def return_sheet(*, sheet: TimeSheet, comment: str, by) -> TimeSheet:
    if not (comment or "").strip():
        raise ValidationError({"comment": _("Napisz, co doradca ma poprawić.")})
    sheet = _decide(sheet)
    sheet.state, sheet.decided_at, sheet.decided_by = TimeSheet.State.RETURNED, timezone.now(), by
    sheet.comment = comment.strip()
    sheet.save(update_fields=["state", "decided_at", "decided_by", "comment", "updated_at"])
    record(actor=by, action="advising.sheet_returned", target=sheet, changes={"comment": sheet.comment})
    _tell_advisor(sheet, "sheet_returned")
    return sheet


def _tell_advisor(sheet: TimeSheet, template: str) -> None:
    from apps.core.mail import send_templated_email

    send_templated_email(
        to=sheet.advisor.email,
        template=f"advising/email/{template}",
        context={"sheet": sheet, "month": f"{sheet.month:%m.%Y}"},
    )
