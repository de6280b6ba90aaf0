"""Certificates as PDFs: one person's (rendered on request) and the whole event's as a ZIP built in the background
(``apps.documents.jobs``, with progress)."""

import io
import zipfile
from datetime import date

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.text import ascii_slug
from apps.documents.jobs import DocumentBuildError
from apps.documents.pdf import render_pdf
from apps.territory.kinds import WorkshopGroup

from .models import Certificate, CheckIn, Event, Registration
from .selectors import json_list_has, sessions_of
from .services.certificates import eligible, issue_certificate


def certificate_pdf(certificate: Certificate, sessions=None) -> bytes:
    registration = certificate.registration
    event = registration.event
    sessions = sessions if sessions is not None else list(event.sessions.prefetch_related("trainers"))
    group = registration.workshop_group
    programme = [
        s for s in sessions if s.kind == "session" and (s.is_plenary or not group or s.workshop_group == group)
    ]
    from django.conf import settings
    from django.urls import reverse

    return render_pdf(
        template="events/pdf/certificate.html",
        context={
            "title": _("Zaświadczenie o udziale"),
            "certificate": certificate,
            "registration": registration,
            "event": event,
            "edition": event.planned_event.edition,
            "programme": programme,
            "verify_url": settings.SITE_URL + reverse("events:verify", kwargs={"code": certificate.code}),
            "generated_at": timezone.now(),
        },
    )


def certificate_filename(certificate: Certificate) -> str:
    return (
        f"zaswiadczenie-{ascii_slug(certificate.registration.full_name, fallback='uczestnik')}-{certificate.code}.pdf"
    )


def build_certificates_zip(event: Event, progress):
    event = Event.objects.select_related("planned_event__edition__organiser", "venue").get(pk=event.pk)
    people = eligible(event=event)
    if not people:
        raise DocumentBuildError(_("Nikt nie spełnił jeszcze warunku obecności: nie ma komu wystawić zaświadczeń."))
    sessions = list(event.sessions.prefetch_related("trainers"))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, registration in enumerate(people, start=1):
            registration.event = event
            certificate = issue_certificate(registration=registration, by=None, sessions=sessions)
            certificate.registration = registration
            archive.writestr(certificate_filename(certificate), certificate_pdf(certificate, sessions))
            progress(int(100 * index / len(people)) - 1)
    name = f"zaswiadczenia-{ascii_slug(event.title, fallback='wydarzenie')}.zip"
    return name, output.getvalue(), "application/zip"


def attendance_list_context(event: Event, day, group: str) -> dict:
    """The people registered for ``day`` (of one workshop group, or all) with whether they checked in, and the
    day's sessions: filtered in the database, one query each."""
    people = (
        event.registrations.filter(json_list_has("days", day.isoformat()), status=Registration.Status.REGISTERED)
        .select_related("engagement__local_government")
        .annotate(present=Exists(CheckIn.objects.filter(registration=OuterRef("pk"), day=day)))
        .order_by("full_name", "pk")
    )
    if group:
        people = people.filter(workshop_group=group)
    sessions = [
        s for s in sessions_of(event) if s.day == day and (s.is_plenary or not group or s.workshop_group == group)
    ]
    return {
        "event": event,
        "edition": event.planned_event.edition,
        "day": day,
        "group_label": WorkshopGroup(group).label if group else "",
        "people": list(people),
        "sessions": sessions,
        "generated_at": timezone.now(),
        "title": _("Lista obecności"),
    }


def build_attendance_pdf(event: Event, progress, *, day: str, group: str = ""):
    """The attendance list of one day (and workshop group) with a signature column, built in the background."""
    event = Event.objects.select_related("planned_event__edition__organiser", "venue").get(pk=event.pk)
    when = date.fromisoformat(day)
    if when not in event.days:
        raise DocumentBuildError(_("To wydarzenie nie odbywa się tego dnia."))
    context = attendance_list_context(event, when, group)
    progress(10)
    data = render_pdf(template="events/pdf/attendance.html", context=context)
    name = ascii_slug(f"lista obecnosci {event.title} {day} {group}", max_length=90)
    return f"{name}.pdf", data, "application/pdf"
