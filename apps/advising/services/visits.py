"""Agreeing a visit's dates: the advisors propose spans of days, the JST accepts one or proposes others, an agreed
visit can be moved with a reason. Every step tells both advisors and the team; agreement sends the invitation."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.engagements.timeline import record_on_timeline

from ..models import DateOption, Visit, VisitChange
from .common import _label, _lock_engagement, _lock_visit, _notify, advising_plan, span_problems


def _span(option) -> str:
    starts, ends = option
    return f"{starts:%d.%m.%Y}–{ends:%d.%m.%Y}" if starts != ends else f"{starts:%d.%m.%Y}"


def _check_options(engagement, options, *, exclude_visit=None) -> list[str]:
    errors, warnings = {}, []
    for index, (starts, ends) in enumerate(options, start=1):
        problems, notes = span_problems(
            engagement=engagement,
            starts_on=starts,
            ends_on=ends,
            field=f"option_{index}_start",
            exclude_visit=exclude_visit,
        )
        errors.update(problems)
        warnings += notes
    if errors:
        raise ValidationError(errors)
    return warnings


@transaction.atomic
def propose_dates(*, engagement, number: int, options: list[tuple[datetime.date, datetime.date]], by) -> tuple:
    """Advisors' proposal (two or more options) or the JST's counter-proposal (one or more) for visit ``number``.
    Returns ``(visit, warnings)``; the warnings (public holidays) do not stop the proposal."""
    engagement = _lock_engagement(engagement)
    plan = advising_plan(edition=engagement.edition)
    if not 1 <= number <= plan.visits_per_jst:
        raise ValidationError(_("Ta edycja przewiduje %(count)s spotkań.") % {"count": plan.visits_per_jst})
    from apps.engagements.access import engagement_access

    access = engagement_access(by)
    side = DateOption.Side.ADVISORS if engagement.pk in access.advisor_of else DateOption.Side.JST
    minimum = 2 if side == DateOption.Side.ADVISORS else 1
    if len(options) < minimum:
        raise ValidationError(
            {"option_1_start": _("Zaproponuj co najmniej dwa terminy do wyboru.")}
            if minimum == 2
            else {"option_1_start": _("Zaproponuj co najmniej jeden termin.")}
        )
    visit, _created = Visit.objects.get_or_create(engagement=engagement, number=number)
    visit = _lock_visit(visit.pk)
    if visit.is_agreed:
        raise ValidationError(_("Termin tego spotkania jest już uzgodniony. Aby go zmienić, przełóż spotkanie."))
    warnings = _check_options(engagement, options, exclude_visit=visit.pk)
    # The other side's open options stay open: the new ones answer them. The proposer's own earlier ones close.
    visit.options.filter(side=side, withdrawn_at__isnull=True, accepted_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    created = [
        DateOption.objects.create(
            visit=visit, starts_on=s, ends_on=e, side=side, proposed_by=by, proposed_by_label=_label(by)
        )
        for s, e in options
    ]
    visit.state = Visit.State.DATES_PROPOSED
    visit.save(update_fields=["state", "updated_at"])
    spans = [_span((o.starts_on, o.ends_on)) for o in created]
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="advising.dates_proposed" if side == DateOption.Side.ADVISORS else "advising.dates_countered",
        kind="advising",
        target=visit,
        params={"number": visit.number, "options": spans},
        changes={"options": spans},
    )
    _notify(
        engagement=engagement,
        template="dates_proposed",
        context={"options": spans, "by": _label(by), "from_jst": side == DateOption.Side.JST, "number": visit.number},
    )
    return visit, warnings


def _locked_option(option_pk: int) -> tuple[Visit, DateOption]:
    visit_pk = DateOption.objects.values_list("visit_id", flat=True).get(pk=option_pk)
    visit = _lock_visit(visit_pk)
    return visit, DateOption.objects.get(pk=option_pk)


@transaction.atomic
def accept_option(*, option: DateOption, by) -> Visit:
    """The other side accepts one option. Against a withdrawal at the same moment exactly one of the two wins: both
    lock the visit row first, and whoever comes second sees what the first did."""
    visit, option = _locked_option(option.pk)
    engagement = _lock_engagement(visit.engagement)
    if option.withdrawn_at is not None:
        raise ValidationError(
            _("Ta propozycja terminu została w międzyczasie wycofana. Wybierz jedną z aktualnych propozycji.")
        )
    if visit.is_agreed:
        raise ValidationError(_("Termin tego spotkania został już uzgodniony (%(start)s–%(end)s).") % _dates(visit))
    from apps.engagements.access import engagement_access

    mine = DateOption.Side.ADVISORS if engagement.pk in engagement_access(by).advisor_of else DateOption.Side.JST
    if option.side == mine:
        raise ValidationError(_("Propozycję terminu przyjmuje druga strona."))
    problems, _warnings = span_problems(
        engagement=engagement,
        starts_on=option.starts_on,
        ends_on=option.ends_on,
        field="option",
        exclude_visit=visit.pk,
    )
    if problems:
        raise ValidationError(
            _("Tego terminu nie można już przyjąć: %(reason)s") % {"reason": " ".join(problems.values())}
        )
    now = timezone.now()
    option.accepted_at = now
    option.save(update_fields=["accepted_at"])
    visit.options.filter(withdrawn_at__isnull=True, accepted_at__isnull=True).update(withdrawn_at=now)
    visit.starts_on, visit.ends_on = option.starts_on, option.ends_on
    visit.state, visit.agreed_at, visit.agreed_by = Visit.State.AGREED, now, by
    visit.save(update_fields=["starts_on", "ends_on", "state", "agreed_at", "agreed_by", "updated_at"])
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="advising.visit_agreed",
        kind="advising",
        target=visit,
        params={"number": visit.number, "dates": _span((visit.starts_on, visit.ends_on))},
        changes={"starts_on": [None, str(visit.starts_on)], "ends_on": [None, str(visit.ends_on)]},
    )
    _notify(engagement=engagement, template="visit_agreed", context={"by": _label(by)}, visit=visit)
    return visit


def _dates(visit) -> dict:
    return {"start": f"{visit.starts_on:%d.%m.%Y}", "end": f"{visit.ends_on:%d.%m.%Y}"}


@transaction.atomic
def withdraw_option(*, option: DateOption, by) -> DateOption:
    visit, option = _locked_option(option.pk)
    if option.accepted_at is not None:
        raise ValidationError(
            _("Tego terminu nie można już wycofać: został w międzyczasie przyjęty (%(start)s–%(end)s).") % _dates(visit)
        )
    if option.withdrawn_at is not None:
        return option
    from apps.engagements.access import engagement_access

    mine = DateOption.Side.ADVISORS if visit.engagement_id in engagement_access(by).advisor_of else DateOption.Side.JST
    if option.side != mine:
        raise ValidationError(_("Propozycję wycofuje ta strona, która ją złożyła."))
    option.withdrawn_at = timezone.now()
    option.save(update_fields=["withdrawn_at"])
    if not visit.options.filter(withdrawn_at__isnull=True, accepted_at__isnull=True).exists():
        visit.state = Visit.State.PLANNED
        visit.save(update_fields=["state", "updated_at"])
    engagement = visit.engagement
    span = _span((option.starts_on, option.ends_on))
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="advising.option_withdrawn",
        kind="advising",
        target=visit,
        params={"number": visit.number, "dates": span},
        changes={"option": span},
    )
    _notify(
        engagement=engagement,
        template="option_withdrawn",
        context={"by": _label(by), "dates": span, "number": visit.number},
    )
    return option


@transaction.atomic
def reschedule_visit(*, visit: Visit, starts_on, ends_on, reason: str, by) -> tuple[Visit, list[str]]:
    visit = _lock_visit(visit.pk)
    engagement = _lock_engagement(visit.engagement)
    if not visit.is_agreed:
        raise ValidationError(_("Spotkanie nie ma jeszcze uzgodnionego terminu: zaproponuj terminy."))
    if visit.state in (Visit.State.RECORDED, Visit.State.CONFIRMED):
        raise ValidationError(_("Spotkanie już się odbyło i ma sprawozdanie; nie można zmienić jego terminu."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Podaj powód zmiany terminu: zobaczą go wszyscy uczestnicy.")})
    problems, warnings = span_problems(
        engagement=engagement, starts_on=starts_on, ends_on=ends_on, field="starts_on", exclude_visit=visit.pk
    )
    if problems:
        raise ValidationError(problems)
    old = _span((visit.starts_on, visit.ends_on))
    VisitChange.objects.create(
        visit=visit,
        old_starts_on=visit.starts_on,
        old_ends_on=visit.ends_on,
        new_starts_on=starts_on,
        new_ends_on=ends_on,
        reason=reason.strip(),
        by=by,
        by_label=_label(by),
    )
    visit.starts_on, visit.ends_on = starts_on, ends_on
    visit.sequence += 1
    visit.save(update_fields=["starts_on", "ends_on", "sequence", "updated_at"])
    new = _span((starts_on, ends_on))
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="advising.visit_rescheduled",
        kind="advising",
        target=visit,
        params={"number": visit.number, "old": old, "new": new, "reason": reason.strip()},
        changes={"dates": [old, new], "reason": reason.strip()},
    )
    _notify(
        engagement=engagement,
        template="visit_rescheduled",
        context={"by": _label(by), "old": old, "reason": reason.strip()},
        visit=visit,
    )
    return visit, warnings


@transaction.atomic
def save_advising_plan(*, edition, by, **values):
    from apps.audit.services import record

    from ..models import AdvisingPlan

    plan = AdvisingPlan.objects.filter(edition=edition).first() or advising_plan(edition=edition)
    for name, value in values.items():
        setattr(plan, name, value)
    if plan.remote_starts_on and plan.remote_ends_on and plan.remote_ends_on < plan.remote_starts_on:
        raise ValidationError({"remote_ends_on": _("Koniec doradztwa zdalnego nie może być przed jego początkiem.")})
    plan.full_clean(exclude=["edition"])
    plan.save()
    record(
        actor=by,
        action="advising.plan_saved",
        target=plan,
        changes={k: str(v) for k, v in values.items()},
        edition=edition.pk,
    )
    return plan
