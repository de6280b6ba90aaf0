"""Visit records (one advisor writes, the other confirms; a confirmed version is frozen and corrected by a new
version), remote sessions, and the tasks agreed at both."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.engagements.timeline import record_on_timeline

from ..models import AgreedTask, RecordAttachment, RemoteSession, TimeEntry, Visit, VisitRecord
from .common import _advisors_of, _label, _lock_engagement, _lock_visit, _locked_month, _notify, _today, advising_plan
from .hours import check_hours, split_over_days

RECORD_FIELDS = ["support_kind", "other_participants", "topics", "cycle_stage", "findings"]
SESSION_FIELDS = ["held_on", "duration_minutes", "channel", "participants", "topics", "outcome"]


def _check_advisor_hours(engagement, hours: dict[int, Decimal | None]) -> dict[int, Decimal]:
    allowed = {u.pk for u in _advisors_of(engagement)}
    given = {pk: h for pk, h in hours.items() if h is not None and pk in allowed}
    for pk, value in given.items():
        if value <= 0:
            raise ValidationError({f"hours_{pk}": _("Liczba godzin musi być większa od zera.")})
    return given


def _add_tasks(engagement, tasks, **owner) -> list[AgreedTask]:
    created = []
    for task in tasks:
        if (task.get("what") or "").strip():
            created.append(
                AgreedTask.objects.create(
                    engagement=engagement,
                    what=task["what"].strip(),
                    who=(task.get("who") or "").strip(),
                    due_on=task.get("due_on"),
                    **owner,
                )
            )
    return created


def _kept_hours(engagement, old_entries, given: dict) -> set[int]:
    """Advisors whose stored hours of this visit are on a submitted or approved time sheet: they stay as they are
    (and are refused if changed)."""
    organiser_id = engagement.edition.organiser_id
    kept = set()
    for advisor_id in {e.advisor_id for e in old_entries}:
        mine = [e for e in old_entries if e.advisor_id == advisor_id]
        locked = next((e.on for e in mine if _locked_month(advisor_id, organiser_id, e.on)), None)
        if locked is None:
            continue
        if given.get(advisor_id) != sum(e.hours for e in mine):
            raise ValidationError(
                {
                    f"hours_{advisor_id}": _(
                        "Te godziny są na przekazanej lub zatwierdzonej karcie czasu pracy za %(month)s "
                        "i nie można ich zmienić."
                    )
                    % {"month": f"{locked:%m.%Y}"}
                }
            )
        kept.add(advisor_id)
    return kept


def _hours_field_errors(error: ValidationError, advisor_id: int) -> ValidationError:
    if hasattr(error, "error_dict") and "hours" in error.error_dict:
        return ValidationError({f"hours_{advisor_id}": error.error_dict["hours"]})
    return error


@transaction.atomic
def write_record(
    *,
    visit: Visit,
    by,
    support_kind: str,
    topics: str,
    participants=(),
    other_participants: str = "",
    cycle_stage: str = "",
    hdr_actions=(),
    findings: str = "",
    tasks=(),
    hours: dict | None = None,
    attachments=(),
    correction_reason: str = "",
) -> tuple[VisitRecord, list[str]]:
    """Write (or, before confirmation, rewrite) the record of a held visit. Returns ``(record, warnings)``."""
    visit = _lock_visit(visit.pk)
    engagement = _lock_engagement(visit.engagement)
    if not visit.is_agreed:
        raise ValidationError(_("Spotkanie nie ma uzgodnionego terminu, więc nie ma jeszcze sprawozdania."))
    if visit.starts_on > _today():
        raise ValidationError(
            _("Sprawozdanie pisze się po spotkaniu (pierwszy dzień: %(date)s).")
            % {"date": f"{visit.starts_on:%d.%m.%Y}"}
        )
    current = visit.records.filter(is_current=True).first()
    if current is not None and current.is_confirmed and not (correction_reason or "").strip():
        raise ValidationError(
            {
                "correction_reason": _(
                    "Sprawozdanie jest potwierdzone i zamrożone. Aby je poprawić, podaj powód korekty: "
                    "powstanie nowa wersja, a potwierdzona zostanie w historii."
                )
            }
        )
    given = _check_advisor_hours(engagement, hours or {})
    old_hours = TimeEntry.objects.filter(record__visit=visit)
    kept = _kept_hours(engagement, list(old_hours), given)
    given = {pk: value for pk, value in given.items() if pk not in kept}
    entries = [
        (advisor_id, day, part)
        for advisor_id, value in given.items()
        for day, part in split_over_days(hours=value, starts_on=visit.starts_on, ends_on=visit.ends_on)
    ]
    warnings = []
    for advisor_id in given:
        try:
            warnings += check_hours(
                engagement=engagement,
                entries=[e for e in entries if e[0] == advisor_id],
                replacing=old_hours.filter(advisor_id=advisor_id),
            )
        except ValidationError as error:
            raise _hours_field_errors(error, advisor_id) from None
    warnings = list(dict.fromkeys(warnings))
    values = {
        "support_kind": support_kind,
        "topics": topics,
        "other_participants": other_participants,
        "cycle_stage": cycle_stage,
        "findings": findings,
    }
    if current is None or current.is_confirmed:
        number = 1
        if current is not None:
            number = current.number + 1
            current.is_current = False
            current.save(update_fields=["is_current"])
        entry = VisitRecord.objects.create(
            visit=visit,
            number=number,
            written_by=by,
            written_by_label=_label(by),
            correction_reason=(correction_reason or "").strip(),
            **values,
        )
        updated = False
        if current is not None:
            # The attachments stay with the visit: the new version carries them on.
            for attachment in current.attachments.all():
                RecordAttachment.objects.create(
                    record=entry,
                    file=attachment.file.name,
                    original_name=attachment.original_name,
                    content_type=attachment.content_type,
                    size=attachment.size,
                    uploaded_by=attachment.uploaded_by,
                )
    else:
        entry = current
        for name, value in values.items():
            setattr(entry, name, value)
        entry.written_by, entry.written_by_label = by, _label(by)
        entry.save()
        updated = True
    entry.participants.set(participants)
    entry.hdr_actions.set(hdr_actions)
    old_hours.exclude(advisor_id__in=kept).delete()
    TimeEntry.objects.filter(record__visit=visit, advisor_id__in=kept).update(record=entry)
    TimeEntry.objects.bulk_create(
        TimeEntry(advisor_id=a, engagement=engagement, on=d, hours=h, kind=TimeEntry.Kind.VISIT, record=entry)
        for a, d, h in entries
    )
    _add_tasks(engagement, tasks, record=entry)
    for uploaded, kind in attachments:
        attachment = RecordAttachment(
            record=entry,
            original_name=uploaded.name[:255],
            content_type=kind.content_type,
            size=uploaded.size,
            uploaded_by=by,
        )
        attachment.file.save(f"zalacznik{kind.extension}", uploaded, save=True)
    visit.state = Visit.State.RECORDED
    visit.save(update_fields=["state", "updated_at"])
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action=(
            "advising.record_updated"
            if updated
            else ("advising.record_written" if entry.number == 1 else "advising.record_corrected")
        ),
        kind="advising",
        target=entry,
        params={"number": visit.number, "version": entry.number},
        changes={**values, "version": entry.number},
    )
    if not updated:
        _notify(
            engagement=engagement,
            template="record_written",
            context={"by": _label(by), "number": visit.number, "version": entry.number, "record_visit": visit},
        )
    return entry, warnings


@transaction.atomic
def confirm_record(*, visit_record: VisitRecord, by) -> VisitRecord:
    visit = _lock_visit(visit_record.visit_id)
    entry = VisitRecord.objects.get(pk=visit_record.pk)
    engagement = visit.engagement
    if not entry.is_current:
        raise ValidationError(_("To nie jest bieżąca wersja sprawozdania."))
    if entry.is_confirmed:
        raise ValidationError(_("Sprawozdanie jest już potwierdzone."))
    if entry.written_by_id == by.pk and len(_advisors_of(engagement)) > 1:
        raise ValidationError(_("Sprawozdanie potwierdza drugi doradca, nie autor."))
    entry.confirmed_at, entry.confirmed_by = timezone.now(), by
    entry.save(update_fields=["confirmed_at", "confirmed_by"])
    visit.state = Visit.State.CONFIRMED
    visit.save(update_fields=["state", "updated_at"])
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="advising.record_confirmed",
        kind="advising",
        target=entry,
        params={"number": visit.number, "version": entry.number},
    )
    return entry


@transaction.atomic
def log_session(*, engagement, by, hours: dict | None = None, tasks=(), **values) -> tuple[RemoteSession, list]:
    engagement = _lock_engagement(engagement)
    held_on, minutes = values.get("held_on"), values.get("duration_minutes")
    if minutes is None or minutes <= 0:
        raise ValidationError({"duration_minutes": _("Czas trwania musi być większy od zera.")})
    edition = engagement.edition
    if held_on is None or not edition.period_start <= held_on <= edition.period_end:
        raise ValidationError({"held_on": _("Data jest poza okresem realizacji edycji.")})
    if held_on > _today():
        raise ValidationError({"held_on": _("Sesję zapisuje się po jej odbyciu; ta data jest w przyszłości.")})
    given = _check_advisor_hours(engagement, hours or {})
    warnings = []
    plan = advising_plan(edition=edition)
    if plan.remote_starts_on and plan.remote_ends_on and not plan.remote_starts_on <= held_on <= plan.remote_ends_on:
        warnings.append(
            _("Sesja jest poza okresem doradztwa zdalnego edycji (%(start)s–%(end)s).")
            % {"start": f"{plan.remote_starts_on:%d.%m.%Y}", "end": f"{plan.remote_ends_on:%d.%m.%Y}"}
        )
    for advisor_id, value in given.items():
        try:
            warnings += check_hours(engagement=engagement, entries=[(advisor_id, held_on, value)])
        except ValidationError as error:
            raise _hours_field_errors(error, advisor_id) from None
    session = RemoteSession.objects.create(
        engagement=engagement, logged_by=by, logged_by_label=_label(by), **{k: values[k] for k in SESSION_FIELDS}
    )
    TimeEntry.objects.bulk_create(
        TimeEntry(
            advisor_id=a, engagement=engagement, on=held_on, hours=h, kind=TimeEntry.Kind.SESSION, session=session
        )
        for a, h in given.items()
    )
    _add_tasks(engagement, tasks, session=session)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="advising.session_logged",
        kind="advising",
        target=session,
        params={"date": f"{held_on:%d.%m.%Y}", "channel": values["channel"], "minutes": minutes},
        changes={k: str(values[k]) for k in SESSION_FIELDS},
    )
    return session, list(dict.fromkeys(warnings))


@transaction.atomic
def tick_task(*, task: AgreedTask, by, done: bool = True) -> AgreedTask:
    task = AgreedTask.objects.select_for_update().get(pk=task.pk)
    task.done_at, task.done_by = (timezone.now(), by) if done else (None, None)
    task.save(update_fields=["done_at", "done_by"])
    record(
        actor=by,
        action="advising.task_done" if done else "advising.task_reopened",
        target=task,
        changes={"what": task.what},
        edition=task.engagement.edition_id,
        engagement=task.engagement_id,
    )
    return task


@transaction.atomic
def task_to_action(*, task: AgreedTask, by, **values):
    """Turn an agreed task into an HDR action (through the plans service) and tick it done."""
    from apps.plans.models import DevelopmentPlan
    from apps.plans.services import create_action

    task = AgreedTask.objects.select_for_update().select_related("engagement").get(pk=task.pk)
    if task.plan_action_id:
        raise ValidationError(_("To zadanie jest już działaniem HDR."))
    plan = DevelopmentPlan.objects.filter(engagement_id=task.engagement_id).first()
    if plan is None:
        raise ValidationError(_("JST nie ma jeszcze HDR, do którego można dodać działanie."))
    action = create_action(plan=plan, by=by, title=task.what, responsible=task.who or _label(by), **values)
    task.plan_action, task.done_at, task.done_by = action, timezone.now(), by
    task.save(update_fields=["plan_action", "done_at", "done_by"])
    record(
        actor=by,
        action="advising.task_to_action",
        target=task,
        changes={"what": task.what, "action": action.title},
        edition=task.engagement.edition_id,
        engagement=task.engagement_id,
    )
    return action
