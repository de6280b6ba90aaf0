"""The application's documents: generated PDFs, signed uploads, scans and paper receipts."""

import hashlib
import os
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.audit.services import record
from apps.documents.signatures import inspect_pdf_signatures
from apps.documents.uploads import validate_pdf_upload
from apps.editions.models import PROGRAMME_TZ

from ..kinds import DOCUMENT_SLUGS, DeliveryMethod, DocumentKind
from ..models import Application, DocumentReceipt
from .common import Status, _locked_application


def _signature_data(report) -> dict:
    signed_at = report.signed_at
    return {
        "field_name": report.field_name,
        "signer_name": report.signer_name,
        "signer_subject": report.signer_subject,
        "issuer": report.issuer,
        "signed_at": signed_at.isoformat() if isinstance(signed_at, datetime) else None,
        "intact": bool(report.intact),
        "covers_whole_document": bool(report.covers_whole_document),
        "trusted": report.trusted,
        "summary": str(report.summary),
    }


def _refresh_documents(application: Application) -> None:
    """Recompute the three summary fields from the receipts: for each document its first valid receipt counts."""
    first: dict[str, date] = {}
    for receipt in application.receipts.filter(rejected_at__isnull=True).order_by("received_on", "created_at"):
        first.setdefault(receipt.kind, receipt.received_on)
    deadline = application.edition.recruitment_deadline
    application.documents_received = len(first)
    application.documents_complete_on = max(first.values()) if len(first) == len(DocumentKind.values) else None
    application.has_late_documents = any(day > deadline for day in first.values())
    application.save(update_fields=["documents_received", "documents_complete_on", "has_late_documents", "updated_at"])


def _accepts_documents(application: Application) -> None:
    if application.status in {Status.DRAFT, Status.WITHDRAWN}:
        raise ValidationError(_("Dokumenty przyjmujemy do złożonego zgłoszenia."))


def _safe_filename(kind: str) -> str:
    # Our own name on disk; the person's file name is kept for display and the download header only.
    return f"{DOCUMENT_SLUGS[kind]}-{timezone.now():%Y%m%d-%H%M%S}.pdf"


@transaction.atomic
def upload_document(
    *, application: Application, kind: str, method: str, uploaded_file, by: User, at: datetime | None = None
) -> DocumentReceipt:
    """The JST delivers one document as a PDF: electronically signed (the signatures are checked and the result
    kept) or a scan of a paper signature. The moment of upload is the moment of receipt."""
    application = _locked_application(application)
    _accepts_documents(application)
    if method not in {DeliveryMethod.SIGNED_PDF, DeliveryMethod.SCAN}:
        raise ValidationError({"method": _("Wybierz, czy to PDF z podpisem elektronicznym, czy skan.")})
    validate_pdf_upload(uploaded_file)
    uploaded_file.seek(0)
    data = uploaded_file.read()
    signatures = []
    if method == DeliveryMethod.SIGNED_PDF:
        reports = inspect_pdf_signatures(data)
        if not reports:
            raise ValidationError(
                {
                    "file": _(
                        "W tym pliku nie ma podpisu elektronicznego. Podpisz dokument podpisem kwalifikowanym lub "
                        "zaufanym albo, jeśli to skan dokumentu podpisanego odręcznie, wybierz „skan”."
                    )
                }
            )
        signatures = [_signature_data(report) for report in reports]
    received_at = at or timezone.now()
    receipt = DocumentReceipt(
        application=application,
        kind=kind,
        method=method,
        filename=os.path.basename(uploaded_file.name or "dokument.pdf")[:255],
        size=len(data),
        signatures=signatures,
        received_at=received_at,
        received_on=received_at.astimezone(PROGRAMME_TZ).date(),
        recorded_by=by,
    )
    receipt.file.save(_safe_filename(kind), ContentFile(data), save=False)
    receipt.save()
    _refresh_documents(application)
    record(
        actor=by,
        action="application.document_uploaded",
        target=application,
        changes={
            "document": str(DocumentKind(kind).label),
            "method": str(DeliveryMethod(method).label),
            "file": receipt.filename,
            "sha256": hashlib.sha256(data).hexdigest(),
            "late": receipt.is_late,
            "signatures": [s["summary"] for s in signatures],
        },
    )
    return receipt


@transaction.atomic
def record_receipt(
    *, application: Application, kind: str, received_on: date, by: User, note: str = ""
) -> DocumentReceipt:
    """The organiser records the date a paper document arrived (the date of receipt decides)."""
    application = _locked_application(application)
    _accepts_documents(application)
    today = timezone.localdate(timezone=PROGRAMME_TZ)
    if received_on > today:
        raise ValidationError({"received_on": _("Data wpływu nie może być z przyszłości.")})
    if received_on < application.edition.recruitment_opens_on:
        raise ValidationError({"received_on": _("Data wpływu nie może być wcześniejsza niż otwarcie naboru.")})
    receipt = DocumentReceipt.objects.create(
        application=application,
        kind=kind,
        method=DeliveryMethod.PAPER,
        received_on=received_on,
        recorded_by=by,
        note=note.strip(),
    )
    _refresh_documents(application)
    record(
        actor=by,
        action="application.receipt_recorded",
        target=application,
        changes={"document": str(DocumentKind(kind).label), "received_on": received_on, "late": receipt.is_late},
    )
    return receipt


@transaction.atomic
def reject_receipt(*, receipt: DocumentReceipt, reason: str, by: User) -> DocumentReceipt:
    """The organiser does not accept a delivery (e.g. a broken signature); it stays on record, marked rejected."""
    application = _locked_application(receipt.application)
    receipt = DocumentReceipt.objects.select_for_update().get(pk=receipt.pk, application=application)
    if receipt.is_rejected:
        raise ValidationError(_("Ten wpływ jest już odrzucony."))
    if not reason.strip():
        raise ValidationError({"reason": _("Podaj powód, który zobaczy JST.")})
    receipt.rejected_at = timezone.now()
    receipt.rejected_by = by
    receipt.rejection_reason = reason.strip()
    receipt.save(update_fields=["rejected_at", "rejected_by", "rejection_reason"])
    _refresh_documents(application)
    record(
        actor=by,
        action="application.receipt_rejected",
        target=application,
        changes={"document": receipt.get_kind_display(), "received_on": receipt.received_on, "reason": reason.strip()},
    )
    return receipt
