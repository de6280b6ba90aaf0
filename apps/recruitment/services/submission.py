"""Submission and withdrawal of an application."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.audit.services import record
from apps.consents.models import CollectionPoint
from apps.consents.services import record_acknowledgement
from apps.core.mail import send_templated_email
from apps.documents.jobs import request_document

from ..completeness import call_is_open, check_application
from ..kinds import DocumentKind
from ..models import Application
from .common import (
    DOCUMENT_BUILDERS,
    Status,
    _applicant_addresses,
    _d,
    _locked_application,
    document_job_kind,
    stored_call,
)


@transaction.atomic
def submit_application(*, application: Application, by: User) -> Application:
    """Submit a complete draft while the call is open; the three documents are then prepared to be signed."""
    application = _locked_application(application)
    if not application.is_draft:
        raise ValidationError(_("To zgłoszenie zostało już złożone."))
    edition = application.edition
    if not call_is_open(edition):
        raise ValidationError(
            _("Nabór zakończył się %(date)s o północy; zgłoszenia nie można już złożyć.")
            % {"date": _d(edition.recruitment_deadline)}
        )
    report = check_application(application, call=stored_call(edition=edition))
    if not report.complete:
        raise ValidationError(report.missing)
    application.status = Status.SUBMITTED
    application.submitted_at = timezone.now()
    application.save(update_fields=["status", "submitted_at", "updated_at"])
    record(
        actor=by,
        action="application.submitted",
        target=application,
        changes={"team": len(application.team.all()), "warnings": report.warnings},
    )
    prepare_documents(application=application, by=by)
    # The clause is shown on the application's pages; its acknowledgement (which version, when) is kept.
    record_acknowledgement(user=by, organisation=edition.organiser, point=CollectionPoint.APPLICATION)
    send_templated_email(
        to=_applicant_addresses(application),
        template="recruitment/email/submitted",
        context={"application": application, "edition": edition, "call": stored_call(edition=edition)},
    )
    return application


def prepare_documents(*, application: Application, by) -> list:
    """Queue the three PDFs (Karta zgłoszenia, Deklaracja współpracy, Oświadczenia) filled from the application."""
    return [
        request_document(
            target=application,
            kind=document_job_kind(kind=kind),
            title=f"{DocumentKind(kind).label}: {application.local_government.display_name}",
            builder=DOCUMENT_BUILDERS[kind],
            view_action="application.view",
            by=by,
        )
        for kind in DocumentKind.values
    ]


@transaction.atomic
def withdraw_application(*, application: Application, by: User) -> Application:
    """The applicant withdraws a draft or an undecided application (the JST may then be entered again)."""
    application = _locked_application(application)
    if application.status not in {Status.DRAFT, Status.SUBMITTED}:
        raise ValidationError(
            _("O zgłoszeniu już zdecydowano. Aby zrezygnować, skontaktuj się z organizatorem naboru.")
        )
    previous = application.status
    application.status = Status.WITHDRAWN
    application.withdrawn_at = timezone.now()
    application.save(update_fields=["status", "withdrawn_at", "updated_at"])
    record(
        actor=by, action="application.withdrawn", target=application, changes={"status": [previous, Status.WITHDRAWN]}
    )
    return application
