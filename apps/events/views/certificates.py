"""Certificates: the organiser's list (the whole event as a ZIP in the background, one by one), the participant's
own, and the public page that confirms a certificate is genuine."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import show_error
from apps.core.permissions import can
from apps.documents.jobs import request_document
from apps.documents.selectors import documents_for_target

from .. import selectors, services
from ..documents import certificate_filename, certificate_pdf
from ..models import Certificate, Registration
from .common import desk_view, participant_view

ZIP_BUILDER = "apps.events.documents.build_certificates_zip"


def _pdf_response(certificate) -> HttpResponse:
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(certificate)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@desk_view()
def certificates(request, event):
    registrations = list(
        selectors.registrations_of(event).filter(status=Registration.Status.REGISTERED).select_related("certificate")
    )
    needed = services.certificates.required_days(event=event)
    for registration in registrations:
        registration.present_days = len({c.day for c in registration.check_ins.all()})
        registration.eligible = registration.present_days >= needed
        registration.issued = getattr(registration, "certificate", None)
    return render(
        request,
        "events/certificates.html",
        {
            "event": event,
            "registrations": registrations,
            "needed": needed,
            "documents": documents_for_target(event)[:5],
            "may_manage": can(request.user, "event.manage", event),
        },
    )


@login_required
@require_POST
@desk_view("event.manage")
def certificates_zip(request, event):
    document = request_document(
        target=event,
        kind="certificates_zip",
        title=_("Zaświadczenia: %(title)s (ZIP)") % {"title": event.title},
        builder=ZIP_BUILDER,
        view_action="event.desk",
        by=request.user,
    )
    return redirect("documents:status", pk=document.pk)


@desk_view("event.manage")
def certificate_download(request, event, registration_pk: int):
    registration = selectors.registration_for_desk(event, registration_pk)
    try:
        certificate = services.issue_certificate(registration=registration, by=request.user)
    except ValidationError as error:
        show_error(request, error)
        return redirect("events:certificates", pk=event.pk)
    return _pdf_response(certificate)


@participant_view("event.attend")
def my_certificate(request, event):
    registration = selectors.registration_of(event, request.user)
    if registration is None:
        raise Http404
    try:
        certificate = services.issue_certificate(registration=registration, by=request.user)
    except ValidationError as error:
        show_error(request, error)
        return redirect("events:detail", pk=event.pk)
    return _pdf_response(certificate)


def verify(request, code: str):
    certificate = get_object_or_404(
        Certificate.objects.select_related(
            "registration__event__planned_event__edition__organiser", "registration__engagement__local_government"
        ),
        code=code.strip().upper(),
    )
    return render(request, "events/verify.html", {"certificate": certificate, "event": certificate.registration.event})


def verify_lookup(request):
    code = (request.GET.get("kod") or "").strip().upper()
    if code and Certificate.objects.filter(code=code).exists():
        return redirect("events:verify", code=code)
    return render(request, "events/verify_lookup.html", {"code": code, "not_found": bool(code)})
