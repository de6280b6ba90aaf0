"""Certificates of participation (zaświadczenie o udziale) for people who attended enough of the event."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from apps.audit.services import record

from ..models import Certificate, Event, Registration, Session


def required_days(*, event: Event) -> int:
    return event.certificate_min_days or len(event.days)


def hours_for(*, registration: Registration, days: set, sessions: list[Session]) -> Decimal:
    """Teaching hours (60 minutes) of the sessions on the days attended: plenaries and the person's group."""
    minutes = sum(
        s.duration_minutes
        for s in sessions
        if s.kind == Session.Kind.SESSION
        and s.day in days
        and (s.is_plenary or not registration.workshop_group or s.workshop_group == registration.workshop_group)
    )
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"))


def issue_certificate(*, registration: Registration, by, sessions: list[Session] | None = None) -> Certificate:
    """The person's certificate (the existing one if already issued); refused if they did not attend enough."""
    event = registration.event
    existing = Certificate.objects.filter(registration=registration).first()
    if existing:
        return existing
    days = {c.day for c in registration.check_ins.all()}
    needed = required_days(event=event)
    if registration.status != Registration.Status.REGISTERED or len(days) < needed:
        raise ValidationError(
            _("%(name)s nie otrzyma zaświadczenia: obecność w %(present)s z wymaganych %(needed)s dni.")
            % {"name": registration.full_name, "present": len(days), "needed": needed}
        )
    sessions = sessions if sessions is not None else list(event.sessions.all())
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                registration=registration,
                days_attended=len(days),
                hours=hours_for(registration=registration, days=days, sessions=sessions),
            )
            record(
                actor=by, action="events.certificate_issued", target=registration, changes={"code": certificate.code}
            )
    except IntegrityError:
        return Certificate.objects.get(registration=registration)
    return certificate


def eligible(*, event: Event) -> list[Registration]:
    needed = required_days(event=event)
    people = event.registrations.filter(status=Registration.Status.REGISTERED).prefetch_related("check_ins")
    return [r for r in people.order_by("full_name") if len({c.day for c in r.check_ins.all()}) >= needed]
