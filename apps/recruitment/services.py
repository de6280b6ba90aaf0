"""Every write of the recruitment: applicant accounts, drafts, submission, documents and receipts, notes,
decisions, results and the hand-over to the engagement. Each runs in one transaction and is audited."""

import hashlib
import os
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.accounts.services import sign_up
from apps.audit.services import diff, record, snapshot
from apps.core.locking import StaleEdit
from apps.core.mail import send_templated_email
from apps.documents.jobs import request_document
from apps.documents.signatures import inspect_pdf_signatures
from apps.documents.uploads import validate_pdf_upload
from apps.editions.models import PROGRAMME_TZ, Edition
from apps.engagements.models import Engagement
from apps.engagements.services import TeamMemberData, create_engagement, withdraw_engagement

from .checks import call_is_open, check_application, eligibility_problem
from .kinds import DOCUMENT_SLUGS, DeliveryMethod, DocumentKind, head_titles_for
from .models import Application, ApplicationNote, ApplicationTeamMember, Call, CallAttachment, DocumentReceipt
from .texts import unknown_placeholders

Status = Application.Status

# The fields each section of the Karta zgłoszenia writes (the team and the areas are saved separately).
SECTION_FIELDS: dict[str, list[str]] = {
    "jst": [
        "local_government",
        "address_street",
        "address_postal_code",
        "address_city",
        "office_email",
        "office_phone",
    ],
    "wladze": ["head_title", "head_name", "signatory_is_head", "signatory_name", "signatory_position"],
    "kontakt": ["contact_name", "contact_position", "contact_email", "contact_phone"],
    "motywacja": ["motivation"],
}
TEAM_FIELDS = ["full_name", "position", "email", "phone", "kind", "school_name", "is_management", "is_leader"]
CALL_FIELDS = ["introduction", "paper_address", "management_staff", "card_text", "declaration_text", "statements_text"]
DOCUMENT_BUILDERS = {
    DocumentKind.CARD: "apps.recruitment.pdfs.build_card",
    DocumentKind.DECLARATION: "apps.recruitment.pdfs.build_declaration",
    DocumentKind.STATEMENTS: "apps.recruitment.pdfs.build_statements",
}


def document_job_kind(*, kind: str) -> str:
    return f"recruitment.{kind}"


def _d(value: date) -> str:
    return date_format(value, "d.m.Y")


def _locked_application(application: Application) -> Application:
    # Only the application's row: locking the joined edition here would queue every applicant's draft save behind
    # the others. Writes that need the edition (decisions, results) lock it explicitly, first.
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("edition", "edition__organiser", "local_government", "applicant")
        .get(pk=application.pk)
    )


def _call_of(edition: Edition) -> Call:
    call, _created = Call.objects.get_or_create(edition=edition)
    return call


def stored_call(*, edition: Edition) -> Call:
    """The edition's call settings, or the defaults (unsaved) when the organiser has not changed anything."""
    return Call.objects.filter(edition=edition).first() or Call(edition=edition)


# Applicant accounts ---------------------------------------------------------------------------------------------


def register_applicant(*, email: str, full_name: str, password: str, next_url: str = "") -> None:
    """An account asked for on a call page. Its role comes from owning an application, not from a flag; it can
    do nothing until the address is confirmed, and the caller learns nothing about whether it existed."""
    sign_up(email=email, full_name=full_name, password=password, source="recruitment", next_url=next_url)


# Drafts -----------------------------------------------------------------------------------------------------------


def existing_application_message(*, existing: Application, user) -> str:
    """What a second attempt for the same JST is told: which application exists and whom to contact."""
    if existing.applicant_id == user.pk:
        return _(
            "Masz już zgłoszenie tej JST w tej edycji (stan: %(status)s). Otwórz je z listy „Moje zgłoszenia”."
        ) % {"status": existing.get_status_display()}
    # Someone else's application: its state and its applicant are not theirs to know before the results (the
    # decision may already be taken). Only that one exists, and whom at the organiser to ask.
    edition = existing.edition
    contact = edition.contact_name or edition.organiser.name
    details = [value for value in (edition.contact_email or edition.organiser.email, edition.contact_phone) if value]
    if details:
        contact = f"{contact} ({', '.join(details)})"
    return _(
        "%(jst)s ma już zgłoszenie w tej edycji. Jeśli chcesz w nim współpracować albo uważasz, że to pomyłka, "
        "skontaktuj się z organizatorem naboru: %(contact)s."
    ) % {"jst": existing.local_government.display_name, "contact": contact}


def _live_application(edition: Edition, local_government, *, exclude_pk=None) -> Application | None:
    queryset = Application.objects.select_related("applicant", "edition", "edition__organiser", "local_government")
    queryset = queryset.filter(edition=edition, local_government=local_government).exclude(status=Status.WITHDRAWN)
    if exclude_pk:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.first()


@transaction.atomic
def start_application(*, edition: Edition, local_government, by: User) -> Application:
    """A new draft for ``local_government``, prefilled with the applicant as the contact person."""
    if not call_is_open(edition):
        raise ValidationError(_("Nabór do tej edycji nie jest teraz otwarty."))
    if not by.has_confirmed_email:
        raise ValidationError(_("Potwierdź najpierw adres e-mail linkiem z wiadomości, którą wysłaliśmy."))
    if problem := eligibility_problem(edition, local_government):
        raise ValidationError({"local_government": problem})
    if existing := _live_application(edition, local_government):
        raise ValidationError({"local_government": existing_application_message(existing=existing, user=by)})
    titles = head_titles_for(local_government.kind)
    application = Application(
        edition=edition,
        local_government=local_government,
        applicant=by,
        head_title=titles[0] if len(titles) == 1 else "",
        contact_name=by.full_name,
        contact_email=by.email,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        # Someone started the same JST a moment ago: the constraint decides, the message explains.
        existing = _live_application(edition, local_government)
        raise ValidationError({"local_government": existing_application_message(existing=existing, user=by)}) from None
    record(
        actor=by,
        action="application.created",
        target=application,
        changes={"edition": edition.name, "jst": local_government.display_name},
    )
    return application


def _editable(application: Application, expected_version: int | None) -> Application:
    application = _locked_application(application)
    if not application.is_draft:
        raise ValidationError(_("Zgłoszenie zostało już złożone; jego treści nie można zmieniać."))
    if not call_is_open(application.edition):
        raise ValidationError(_("Nabór jest zamknięty; wersji roboczej nie można już zmieniać."))
    if expected_version is not None and application.version != expected_version:
        raise StaleEdit(application)
    return application


def _bump(application: Application) -> None:
    Application.objects.filter(pk=application.pk).update(version=F("version") + 1, updated_at=timezone.now())
    application.refresh_from_db(fields=["version", "updated_at"])


@transaction.atomic
def save_section(
    *, application: Application, section: str, values: dict, by: User, expected_version: int | None, areas=None
) -> Application:
    """Save one section of a draft. Missing items are allowed (completeness is checked on submit); the form has
    already refused malformed values."""
    fields = SECTION_FIELDS[section]
    application = _editable(application, expected_version)
    unknown = set(values) - set(fields)
    if unknown:
        raise TypeError(f"Unknown fields for section {section}: {sorted(unknown)}")
    before = snapshot(application, fields)
    if areas is not None:
        before["areas"] = sorted(a.name for a in application.areas.all())
    new_jst = values.get("local_government")
    if new_jst is not None and new_jst.pk != application.local_government_id:
        if problem := eligibility_problem(application.edition, new_jst):
            raise ValidationError({"local_government": problem})
        if existing := _live_application(application.edition, new_jst, exclude_pk=application.pk):
            raise ValidationError({"local_government": existing_application_message(existing=existing, user=by)})
        if application.head_title and application.head_title not in head_titles_for(new_jst.kind):
            application.head_title = ""  # a wójt does not lead a powiat: ask again
    for name, value in values.items():
        setattr(application, name, value.strip() if isinstance(value, str) else value)
    if application.signatory_is_head:
        application.signatory_name = application.signatory_position = ""
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        existing = _live_application(application.edition, new_jst, exclude_pk=application.pk)
        raise ValidationError({"local_government": existing_application_message(existing=existing, user=by)}) from None
    after = snapshot(application, fields)
    if areas is not None:
        valid = list(areas)
        application.areas.set(valid)
        after["areas"] = sorted(a.name for a in valid)
    _bump(application)
    changes = diff(before, after)
    if changes:
        record(actor=by, action="application.updated", target=application, changes={"section": section, **changes})
    return application


@dataclass(frozen=True)
class TeamRow:
    full_name: str
    position: str = ""
    email: str = ""
    phone: str = ""
    kind: str = ApplicationTeamMember.Kind.OFFICIAL
    school_name: str = ""
    is_management: bool = False
    is_leader: bool = False


def _team_snapshot(members) -> list[str]:
    return [f"{m.full_name} <{m.email}>{' (lider)' if m.is_leader else ''}" for m in members]


@transaction.atomic
def save_team(*, application: Application, rows: list[TeamRow], by: User, expected_version: int | None) -> Application:
    """Replace the draft's team with ``rows`` (empty rows already dropped by the form)."""
    application = _editable(application, expected_version)
    if len(rows) > application.edition.team_size_max:
        raise ValidationError(
            _("Zespół może liczyć najwyżej %(max)s osób.") % {"max": application.edition.team_size_max}
        )
    emails = [row.email.strip().lower() for row in rows if row.email]
    if len(set(emails)) != len(emails):
        raise ValidationError(_("Ten sam adres e-mail podano więcej niż raz."))
    before = _team_snapshot(application.team.all())
    application.team.all().delete()
    members = [
        ApplicationTeamMember(
            application=application,
            order=number,
            full_name=row.full_name.strip(),
            position=row.position.strip(),
            email=row.email.strip().lower(),
            phone=row.phone.strip(),
            kind=row.kind,
            school_name=row.school_name.strip() if row.kind == ApplicationTeamMember.Kind.SCHOOL_DIRECTOR else "",
            is_management=row.is_management,
            is_leader=row.is_leader,
        )
        for number, row in enumerate(rows, start=1)
    ]
    ApplicationTeamMember.objects.bulk_create(members)
    _bump(application)
    after = _team_snapshot(members)
    if before != after:
        record(actor=by, action="application.team_updated", target=application, changes={"team": [before, after]})
    return application


# Submission and withdrawal ---------------------------------------------------------------------------------------


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


# Documents ------------------------------------------------------------------------------------------------------


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


# The organiser's desk -------------------------------------------------------------------------------------------


@transaction.atomic
def add_note(*, application: Application, text: str, by: User) -> ApplicationNote:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Notatka nie może być pusta.")})
    note = ApplicationNote.objects.create(application=application, author=by, author_label=by.full_name, text=text)
    # The note's text stays in the notes; the history records that one was added.
    record(actor=by, action="application.note_added", target=application, changes={"length": len(text)})
    return note


def _close_reserve_gap(edition_id: int, rank: int) -> None:
    Application.objects.filter(edition_id=edition_id, status=Status.RESERVE, reserve_rank__gt=rank).update(
        reserve_rank=F("reserve_rank") - 1
    )


@transaction.atomic
def decide(
    *,
    application: Application,
    status: str,
    by: User,
    reason: str = "",
    rank: int | None = None,
    despite_documents: bool = False,
) -> Application:
    """Qualify, put on the reserve list (at ``rank``, default last) or reject (with a reason).

    The edition row is locked first, so two staff deciding on the last free place at once are served one after
    the other: the second sees the first's qualification and is refused."""
    edition = Edition.objects.select_for_update().get(pk=application.edition_id)
    application = _locked_application(application)
    if status not in {Status.QUALIFIED, Status.RESERVE, Status.REJECTED}:
        raise ValidationError(_("Nieznana decyzja."))
    if application.status not in {Status.SUBMITTED, Status.QUALIFIED, Status.RESERVE, Status.REJECTED}:
        raise ValidationError(_("Decyzję można podjąć tylko o złożonym zgłoszeniu."))
    if application.engagement_id and status != Status.QUALIFIED:
        # Its team already works on the karta JST: only a withdrawal (which ends the engagement) frees the place.
        raise ValidationError(
            {
                "decision": _(
                    "Ta JST jest zakwalifikowana, a jej zespół pracuje już na karcie JST. Aby zwolnić jej miejsce, "
                    "użyj „Wycofaj JST”."
                )
            }
        )
    previous = snapshot(application, ["status", "reserve_rank", "decision_reason"])
    if status == Status.QUALIFIED and application.status != Status.QUALIFIED:
        taken = Application.objects.filter(edition=edition, status=Status.QUALIFIED).count()
        if taken >= edition.capacity:
            raise ValidationError(
                _(
                    "Brak wolnych miejsc: zakwalifikowano już %(taken)s z %(capacity)s JST. Zmień najpierw decyzję o "
                    "innej JST albo zwiększ liczbę miejsc w ustawieniach edycji."
                )
                % {"taken": taken, "capacity": edition.capacity}
            )
        if not application.documents_in_time and not despite_documents:
            raise ValidationError(
                {
                    "despite_documents": _(
                        "Dokumenty tej JST są niekompletne lub wpłynęły po terminie. Zaznacz, że kwalifikujesz ją "
                        "mimo to, jeśli taka jest decyzja."
                    )
                }
            )
    if status == Status.REJECTED and not reason.strip():
        raise ValidationError({"reason": _("Podaj uzasadnienie odrzucenia; JST otrzyma je w powiadomieniu.")})
    if application.status == Status.RESERVE and application.reserve_rank:
        old_rank = application.reserve_rank
        application.reserve_rank = None
        application.save(update_fields=["reserve_rank"])
        _close_reserve_gap(edition.pk, old_rank)
    if status == Status.RESERVE:
        last = (
            Application.objects.filter(edition=edition, status=Status.RESERVE)
            .exclude(pk=application.pk)
            .aggregate(m=Max("reserve_rank"))["m"]
            or 0
        )
        wanted = last + 1 if rank is None else max(1, min(rank, last + 1))
        Application.objects.filter(edition=edition, status=Status.RESERVE, reserve_rank__gte=wanted).update(
            reserve_rank=F("reserve_rank") + 1
        )
        application.reserve_rank = wanted
    application.status = status
    application.decision_reason = reason.strip()
    application.decided_at = timezone.now()
    application.decided_by = by
    application.save(
        update_fields=["status", "reserve_rank", "decision_reason", "decided_at", "decided_by", "updated_at"]
    )
    changes = diff(previous, snapshot(application, ["status", "reserve_rank", "decision_reason"]))
    if despite_documents and status == Status.QUALIFIED and not application.documents_in_time:
        changes["despite_documents"] = True
    record(actor=by, action="application.decided", target=application, changes=changes)
    if stored_call(edition=edition).results_published:
        # The results are public already: this change is final at once.
        if status == Status.QUALIFIED:
            hand_over(application=application, by=by)
        notify_result(application=application)
    return application


def first_on_reserve(*, edition: Edition) -> Application | None:
    return (
        Application.objects.filter(edition=edition, status=Status.RESERVE)
        .select_related("local_government")
        .order_by("reserve_rank", "pk")
        .first()
    )


@transaction.atomic
def withdraw_qualified(*, application: Application, reason: str, by: User) -> Application | None:
    """A qualified JST withdraws (or is withdrawn). Its place becomes free; returns the first JST on the reserve
    list, which the organiser is offered to qualify."""
    edition = Edition.objects.select_for_update().get(pk=application.edition_id)
    application = _locked_application(application)
    if application.status != Status.QUALIFIED:
        raise ValidationError(_("Wycofać można tylko zakwalifikowaną JST."))
    if not reason.strip():
        raise ValidationError({"reason": _("Podaj powód wycofania (np. rezygnacja JST z pismem z dnia …).")})
    application.status = Status.WITHDRAWN
    application.withdrawn_at = timezone.now()
    application.decision_reason = reason.strip()
    application.save(update_fields=["status", "withdrawn_at", "decision_reason", "updated_at"])
    if application.engagement_id:
        _withdraw_engagement(application.engagement_id, reason=reason.strip(), by=by)
    record(
        actor=by,
        action="application.qualification_withdrawn",
        target=application,
        changes={"status": [Status.QUALIFIED, Status.WITHDRAWN], "reason": reason.strip()},
    )
    if stored_call(edition=edition).results_published:
        notify_result(application=application)
    return first_on_reserve(edition=edition)


def _withdraw_engagement(engagement_id: int, *, reason: str, by: User) -> None:
    engagement = Engagement.objects.filter(pk=engagement_id).first()
    if engagement is not None:
        withdraw_engagement(engagement=engagement, reason=reason, by=by)


# Results and hand-over -----------------------------------------------------------------------------------------


def _applicant_addresses(application: Application) -> list[str]:
    addresses = [application.applicant.email]
    if application.contact_email and application.contact_email.lower() != application.applicant.email.lower():
        addresses.append(application.contact_email)
    return addresses


def notify_result(*, application: Application) -> bool:
    """E-mail the applicant its own result, once per decision: returns False when it was already told."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.notified_status == locked.status:
        return False
    application.refresh_from_db()
    send_templated_email(
        to=_applicant_addresses(application),
        template="recruitment/email/result",
        context={"application": application, "edition": application.edition, "Status": Status},
    )
    Application.objects.filter(pk=application.pk).update(notified_status=application.status, notified_at=timezone.now())
    record(actor=None, action="application.result_sent", target=application, changes={"status": application.status})
    return True


def team_data(*, application: Application) -> tuple[list[TeamMemberData], str]:
    members = list(application.team.all())
    data = [
        TeamMemberData(
            full_name=m.full_name,
            email=m.email,
            phone=m.phone,
            position=m.position,
            kind=m.kind,
            school_name=m.school_name,
            is_management=m.is_management,
        )
        for m in members
    ]
    leader = next((m.email for m in members if m.is_leader), members[0].email if members else "")
    return data, leader


def hand_over(*, application: Application, by) -> Engagement:
    """Open the qualified JST's engagement with the application's team (invitations go out; the leader marked)."""
    application.refresh_from_db()
    if application.engagement_id:
        return application.engagement
    existing = Engagement.objects.filter(
        edition_id=application.edition_id, local_government_id=application.local_government_id
    ).first()
    if existing is not None:
        engagement = existing  # e.g. re-qualified after a withdrawal: the card and its history continue
    else:
        team, leader = team_data(application=application)
        try:
            engagement = create_engagement(
                edition=application.edition,
                local_government=application.local_government,
                team=team,
                leader_email=leader,
                by=by,
            )
        except ValidationError as error:
            # E.g. the edition's team limits changed after submission: say which JST, and nothing is published.
            raise ValidationError(
                _("Nie można utworzyć karty JST %(jst)s: %(reason)s")
                % {"jst": application.local_government.display_name, "reason": " ".join(error.messages)}
            ) from error
    Application.objects.filter(pk=application.pk).update(engagement=engagement)
    application.engagement = engagement
    record(actor=by, action="application.handed_over", target=application, changes={"engagement": engagement.pk})
    return engagement


@transaction.atomic
def publish_results(*, edition: Edition, by) -> Call:
    """Publish the results: the public page appears, qualified JSTs get their engagements and teams their
    invitations, and every applicant with a decision is e-mailed its own result. Publishing twice is refused
    and sends nothing."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    call = _call_of(edition)
    if call.results_published:
        raise ValidationError(
            _("Wyniki opublikowano już %(when)s.")
            % {"when": date_format(timezone.localtime(call.results_published_at, PROGRAMME_TZ), "d.m.Y H:i")}
        )
    applications = Application.objects.filter(edition=edition)
    undecided = applications.filter(status=Status.SUBMITTED).count()
    if undecided:
        raise ValidationError(
            _("Nie wszystkie zgłoszenia mają decyzję (bez decyzji: %(count)s). Rozstrzygnij je przed publikacją.")
            % {"count": undecided}
        )
    if not applications.filter(status=Status.QUALIFIED).exists():
        raise ValidationError(_("Nie zakwalifikowano jeszcze żadnej JST."))
    call.results_published_at = timezone.now()
    call.results_published_by = by if getattr(by, "is_authenticated", False) else None
    call.save(update_fields=["results_published_at", "results_published_by", "updated_at"])
    record(actor=by, action="recruitment.results_published", target=edition)
    for application in applications.filter(status=Status.QUALIFIED).select_related("edition", "local_government"):
        hand_over(application=application, by=by)
    for application in applications.filter(
        status__in=[Status.QUALIFIED, Status.RESERVE, Status.REJECTED]
    ).select_related("edition", "local_government", "applicant"):
        notify_result(application=application)
    return call


def publish_due_results(*, today: date | None = None) -> list[Edition]:
    """For the daily job: publish the results of editions whose results date has come and whose every submitted
    application has a decision. Idempotent; an edition with undecided applications waits for its organiser."""
    today = today or timezone.localdate(timezone=PROGRAMME_TZ)
    published = []
    due = Edition.objects.filter(status=Edition.Status.PUBLISHED, results_date__lte=today).exclude(
        call__results_published_at__isnull=False
    )
    for edition in due:
        applications = Application.objects.filter(edition=edition)
        if applications.filter(status=Status.SUBMITTED).exists():
            continue
        if not applications.filter(status=Status.QUALIFIED).exists():
            continue
        publish_results(edition=edition, by=None)
        published.append(edition)
    return published


# The call's settings and attachments -------------------------------------------------------------------------


@transaction.atomic
def update_call(*, edition: Edition, by: User, expected_version: int | None, **values) -> Call:
    unknown = set(values) - set(CALL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    _call_of(edition)
    call = Call.objects.select_for_update().get(edition=edition)
    if expected_version is not None and call.version != expected_version:
        raise StaleEdit(call)
    errors = {}
    for name in ["card_text", "declaration_text", "statements_text"]:
        if name in values and (bad := unknown_placeholders(values[name])):
            errors[name] = _("Nieznane pola do wstawienia: %(names)s. Dostępne są tylko pola z listy.") % {
                "names": ", ".join("{" + b + "}" for b in bad)
            }
    if errors:
        raise ValidationError(errors)
    before = snapshot(call, CALL_FIELDS)
    for name, value in values.items():
        setattr(call, name, value.strip() if isinstance(value, str) else value)
    call.version += 1
    call.save()
    changes = diff(before, snapshot(call, CALL_FIELDS))
    if changes:
        # Long template texts are recorded as "changed", not copied into the history twice.
        for name in ["card_text", "declaration_text", "statements_text"]:
            if name in changes:
                changes[name] = _("zmieniono treść")
        record(actor=by, action="recruitment.call_updated", target=edition, changes=changes)
    return call


@transaction.atomic
def add_attachment(*, edition: Edition, title: str, uploaded_file, by: User) -> CallAttachment:
    validate_pdf_upload(uploaded_file)
    uploaded_file.seek(0)
    data = uploaded_file.read()
    attachment = CallAttachment(
        edition=edition,
        title=title.strip(),
        filename=os.path.basename(uploaded_file.name or "zalacznik.pdf")[:255],
        size=len(data),
        uploaded_by=by,
    )
    attachment.file.save(f"zalacznik-{timezone.now():%Y%m%d-%H%M%S}.pdf", ContentFile(data), save=False)
    attachment.save()
    record(actor=by, action="recruitment.attachment_added", target=edition, changes={"title": attachment.title})
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: CallAttachment, by: User) -> None:
    record(
        actor=by,
        action="recruitment.attachment_removed",
        target=attachment.edition,
        changes={"title": attachment.title},
    )
    attachment.file.delete(save=False)
    attachment.delete()
