"""What the advising services share: the edition's settings, who takes part, locks, e-mail and the ICS."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.calendar import CalendarItem, to_ics
from apps.core.mail import ics_attachment, send_templated_email
from apps.editions.models import PlannedEvent
from apps.engagements.models import Engagement

from ..holidays import holidays_between
from ..models import AdvisingPlan, TimeSheet, Visit


def _today() -> datetime.date:
    return timezone.localdate()


def _label(user) -> str:
    return (user.full_name or user.email) if user is not None else _("system")


def advising_plan(*, edition) -> AdvisingPlan:
    """The edition's settings; an unsaved default from the edition's own figures until the organiser sets them."""
    stored = AdvisingPlan.objects.filter(edition=edition).first() if edition.pk else None
    if stored is not None:
        stored.edition = edition
        return stored
    remote_end = min(
        edition.period_end,
        (edition.period_start + datetime.timedelta(days=round(30.44 * edition.remote_advisory_months))),
    )
    return AdvisingPlan(
        edition=edition,
        visits_per_jst=edition.onsite_visits_count or 1,
        remote_starts_on=edition.period_start,
        remote_ends_on=remote_end,
    )


def _lock_engagement(engagement) -> Engagement:
    return Engagement.objects.select_for_update().select_related("edition", "local_government").get(pk=engagement.pk)


def _lock_visit(visit_pk: int) -> Visit:
    """The visit row locked for the rest of the transaction: two people acting on its dates are serialised. Its
    engagement is locked first, the order every advising write takes, so two writes never wait on each other."""
    engagement_id = Visit.objects.values_list("engagement_id", flat=True).get(pk=visit_pk)
    list(Engagement.objects.select_for_update().filter(pk=engagement_id).values_list("pk", flat=True))
    return Visit.objects.select_for_update().get(pk=visit_pk)


def _advisors_of(engagement) -> list:
    return [a.user for a in engagement.advisor_assignments.select_related("user").order_by("role")]


def _recipients(engagement) -> list[str]:
    """Both advisors and the active team."""
    emails = [u.email for u in _advisors_of(engagement)]
    emails += [m.email for m in engagement.team_members.filter(left_at__isnull=True) if m.email]
    return list(dict.fromkeys(e for e in emails if e))


def location_of(*, engagement) -> str:
    """The JST's office address from its application (the only address the platform holds), else its name."""
    from apps.recruitment.models import Application

    application = (
        Application.objects.filter(engagement_id=engagement.pk).exclude(address_city="").order_by("-pk").first()
    )
    name = engagement.local_government.display_name
    if application is None:
        return name
    parts = [application.address_street, f"{application.address_postal_code} {application.address_city}".strip()]
    return ", ".join([name, *[p for p in parts if p]])


def visit_calendar_item(*, visit: Visit, engagement, cancelled: bool = False) -> CalendarItem:
    return CalendarItem(
        uid=visit.uid,
        summary=_("Spotkanie doradcze %(number)s: %(jst)s")
        % {"number": visit.number, "jst": engagement.local_government.display_name},
        starts=visit.starts_on,
        ends=visit.ends_on,
        location=location_of(engagement=engagement),
        url=reverse("advising:visit", kwargs={"pk": visit.pk}),
        sequence=visit.sequence,
        cancelled=cancelled,
    )


def _notify(*, engagement, template: str, context: dict, visit: Visit | None = None) -> None:
    """One e-mail to both advisors and the team; with the visit's invitation (REQUEST) once it has dates."""
    attachments = None
    if visit is not None and visit.is_agreed:
        ics = to_ics([visit_calendar_item(visit=visit, engagement=engagement)], method="REQUEST")
        attachments = [ics_attachment(ics, method="REQUEST", filename=f"spotkanie-{visit.number}.ics")]
    to = _recipients(engagement)
    if not to:
        return
    send_templated_email(
        to=to,
        template=f"advising/email/{template}",
        context={"engagement": engagement, "jst": engagement.local_government.display_name, "visit": visit, **context},
        attachments=attachments,
    )


def span_problems(
    *, engagement, starts_on, ends_on, field: str, exclude_visit: int | None = None
) -> tuple[dict[str, str], list[str]]:
    """Why a visit may not take these days (errors by ``field``) and what to warn about (public holidays)."""
    edition = engagement.edition
    plan = advising_plan(edition=edition)
    if ends_on < starts_on:
        return {field: _("Ostatni dzień spotkania nie może być wcześniej niż pierwszy.")}, []
    days = (ends_on - starts_on).days + 1
    if days > plan.visit_days:
        return {
            field: _("Spotkanie trwa w tej edycji najwyżej %(days)s dni; ta propozycja ma %(given)s.")
            % {"days": plan.visit_days, "given": days}
        }, []
    if starts_on < edition.period_start or ends_on > edition.period_end:
        return {
            field: _("Termin jest poza okresem realizacji edycji (%(start)s–%(end)s).")
            % {"start": f"{edition.period_start:%d.%m.%Y}", "end": f"{edition.period_end:%d.%m.%Y}"}
        }, []
    advisor_ids = [a.user_id for a in engagement.advisor_assignments.all()]
    clash = (
        Visit.objects.filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
        .filter(Q(engagement=engagement) | Q(engagement__advisor_assignments__user_id__in=advisor_ids))
        .exclude(pk=exclude_visit)
        .select_related("engagement__local_government")
        .first()
    )
    if clash is not None:
        if clash.engagement_id == engagement.pk:
            text = _("W tych dniach jest już spotkanie %(number)s tej JST (%(start)s–%(end)s).")
        else:
            text = _("Doradca ma w tych dniach inne spotkanie (%(jst)s, %(start)s–%(end)s).")
        return {
            field: text
            % {
                "number": clash.number,
                "jst": clash.engagement.local_government.display_name,
                "start": f"{clash.starts_on:%d.%m.%Y}",
                "end": f"{clash.ends_on:%d.%m.%Y}",
            }
        }, []
    event = PlannedEvent.objects.filter(edition=edition, starts_on__lte=ends_on, ends_on__gte=starts_on).first()
    if event is not None:
        return {
            field: _("W tych dniach odbywa się wydarzenie edycji: %(title)s (%(start)s–%(end)s).")
            % {"title": event.title, "start": f"{event.starts_on:%d.%m.%Y}", "end": f"{event.ends_on:%d.%m.%Y}"}
        }, []
    warnings = [
        _("%(date)s to dzień ustawowo wolny od pracy (%(name)s).") % {"date": f"{day:%d.%m.%Y}", "name": name}
        for day, name in holidays_between(starts_on, ends_on)
    ]
    return {}, warnings


def _first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _locked_month(advisor_id: int, organiser_id: int, day: datetime.date) -> TimeSheet | None:
    return TimeSheet.objects.filter(
        advisor_id=advisor_id,
        organiser_id=organiser_id,
        month=_first_of_month(day),
        state__in=[TimeSheet.State.SUBMITTED, TimeSheet.State.APPROVED],
    ).first()
