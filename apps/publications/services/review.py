"""Submission, comments per section, review by the JST's advisors, frozen versions; stage 6 closes on acceptance."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.mail import send_templated_email
from apps.engagements.models import AdvisorAssignment, Engagement, Stage
from apps.engagements.services import advance_stage_after
from apps.engagements.timeline import record_on_timeline

from .. import structures
from ..models import EditionPublishing, FinalSummary, SummaryApproval, SummaryAttachment, SummaryComment, SummaryVersion
from .common import _advisor_emails, _label, _lock_summary, _team_emails


@dataclass(frozen=True)
class Problem:
    """A required section still empty; ``anchor`` is the section's id on the page."""

    anchor: str
    message: str


def section_filled(*, summary: FinalSummary, section: dict, attachments) -> bool:
    kind = section["kind"]
    if kind == structures.CONTACT:
        return bool(summary.contact_name.strip() and (summary.contact_email.strip() or summary.contact_phone.strip()))
    if kind == structures.FILES:
        return any(a.kind == SummaryAttachment.Kind.FILE for a in attachments)
    if kind == structures.PHOTOS:
        return any(a.kind == SummaryAttachment.Kind.PHOTO for a in attachments)
    text = (summary.content.get(section["key"]) or "").strip()
    if kind == structures.INTERVIEW:
        return bool(text and summary.interviewee_name.strip())
    return bool(text)


def submission_problems(*, summary: FinalSummary, attachments) -> list[Problem]:
    problems = []
    for section in summary.structure.sections:
        if section["required"] and not section_filled(summary=summary, section=section, attachments=attachments):
            if section["kind"] == structures.CONTACT:
                message = _("Sekcja „%(title)s”: podaj imię i nazwisko oraz e-mail lub telefon.")
            elif section["kind"] == structures.INTERVIEW:
                message = _("Sekcja „%(title)s”: wpisz wywiad i podaj imię i nazwisko rozmówcy.")
            else:
                message = _("Sekcja „%(title)s” jest wymagana: uzupełnij ją przed przekazaniem.")
            problems.append(Problem(f"sekcja-{section['key']}", message % {"title": section["title"]}))
    return problems


def build_snapshot(*, summary: FinalSummary, attachments) -> dict:
    return {
        "form": summary.form,
        "structure": summary.structure.number,
        "sections": [
            {
                "key": s["key"],
                "title": s["title"],
                "kind": s["kind"],
                "text": (summary.content.get(s["key"]) or "").strip(),
            }
            for s in summary.structure.sections
        ],
        "contact": {
            "name": summary.contact_name,
            "position": summary.contact_position,
            "email": summary.contact_email,
            "phone": summary.contact_phone,
        },
        "interviewee": {"name": summary.interviewee_name, "position": summary.interviewee_position},
        "attachments": [
            {
                "id": a.pk,
                "kind": a.kind,
                "title": a.title,
                "alt_text": a.alt_text,
                "name": a.original_name,
                "size": a.size,
            }
            for a in attachments
        ],
    }


def _current_review(summary: FinalSummary) -> SummaryVersion:
    version = summary.versions.filter(status=SummaryVersion.Status.IN_REVIEW).order_by("-number").first()
    if summary.status != FinalSummary.Status.IN_REVIEW or version is None:
        raise ValidationError(_("Podsumowanie nie czeka teraz na decyzję doradców."))
    return version


@transaction.atomic
def submit_summary(*, summary: FinalSummary, by) -> SummaryVersion:
    stored = _lock_summary(summary)
    if stored.status != FinalSummary.Status.DRAFT:
        raise ValidationError(_("Podsumowanie zostało już przekazane doradcom."))
    attachments = list(stored.attachments.filter(removed_at__isnull=True))
    problems = submission_problems(summary=stored, attachments=attachments)
    if problems:
        raise ValidationError([p.message for p in problems])
    number = (stored.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = SummaryVersion.objects.create(
        summary=stored, number=number, snapshot=build_snapshot(summary=stored, attachments=attachments), submitted_by=by
    )
    stored.status = FinalSummary.Status.IN_REVIEW
    stored.save(update_fields=["status", "updated_at"])
    engagement = stored.engagement
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="summary.submitted",
        kind="summary",
        target=stored,
        changes={"version": number},
        params={"number": number},
    )
    recipients = _advisor_emails(engagement)
    if recipients:
        send_templated_email(
            to=recipients,
            template="publications/email/submitted",
            context={"summary": stored, "engagement": engagement, "version": version, "by": _label(by)},
        )
    return version


@transaction.atomic
def add_comment(*, summary: FinalSummary, section: str, text: str, by) -> SummaryComment:
    keys = {s["key"] for s in summary.structure.sections}
    if section not in keys:
        raise ValidationError({"section": _("Wybierz sekcję podsumowania.")})
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Wpisz treść komentarza.")})
    if len(text) > 3000:
        raise ValidationError({"text": _("Komentarz może mieć najwyżej 3000 znaków.")})
    comment = SummaryComment.objects.create(
        summary=summary, section=section, text=text, author=by, author_label=_label(by)
    )
    record_on_timeline(
        engagement=summary.engagement,
        actor=by,
        action="summary.comment_added",
        kind="summary",
        target=summary,
        changes={"section": section},
        params={"section": section},
    )
    return comment


@transaction.atomic
def request_changes(*, summary: FinalSummary, by, reason: str) -> SummaryVersion:
    stored = _lock_summary(summary)
    version = _current_review(stored)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Napisz, co zespół ma poprawić.")})
    if len(reason) > 5000:
        raise ValidationError({"reason": _("Uzasadnienie może mieć najwyżej 5000 znaków.")})
    if not stored.engagement.advisor_assignments.filter(user=by).exists():
        raise ValidationError(_("Poprawki w podsumowaniu może zlecić tylko doradca tej JST."))
    version.status = SummaryVersion.Status.CHANGES_REQUESTED
    version.change_reason, version.decided_at, version.decided_by = reason, timezone.now(), by
    version.save(update_fields=["status", "change_reason", "decided_at", "decided_by"])
    stored.status = FinalSummary.Status.DRAFT
    stored.save(update_fields=["status", "updated_at"])
    record_on_timeline(
        engagement=stored.engagement,
        actor=by,
        action="summary.changes_requested",
        kind="summary",
        target=stored,
        changes={"version": version.number, "reason": reason},
        params={"number": version.number},
    )
    recipients = _team_emails(stored.engagement)
    if recipients:
        send_templated_email(
            to=recipients,
            template="publications/email/changes_requested",
            context={"summary": stored, "engagement": stored.engagement, "version": version, "by": _label(by)},
        )
    return version


def approvals_needed(*, engagement: Engagement) -> int:
    """One advisor's acceptance is enough, unless the edition asks for both (``EditionPublishing``)."""
    both = EditionPublishing.objects.filter(edition_id=engagement.edition_id, both_advisors_accept=True).exists()
    return 2 if both else 1


@transaction.atomic
def accept_summary(*, summary: FinalSummary, by) -> SummaryVersion:
    stored = _lock_summary(summary)
    version = _current_review(stored)
    engagement = stored.engagement
    assignment = engagement.advisor_assignments.filter(user=by).first()
    if assignment is None:
        raise ValidationError(_("Podsumowanie akceptują doradcy tej JST."))
    if version.approvals.filter(advisor=by).exists():
        raise ValidationError(_("Ta wersja ma już Twoją akceptację. Czeka na drugiego doradcę."))
    SummaryApproval.objects.create(version=version, advisor=by, role=assignment.role)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="summary.accepted_by_advisor",
        kind="summary",
        target=stored,
        changes={"version": version.number, "role": assignment.role},
        params={"number": version.number, "role": assignment.role},
    )
    missing_roles = set(AdvisorAssignment.Role.values) - {a.role for a in version.approvals.all()}
    if approvals_needed(engagement=engagement) == 2 and missing_roles:
        return version  # the edition asks both advisors to accept
    _finalise(stored, version, by)
    return version


def _finalise(summary: FinalSummary, version: SummaryVersion, by) -> None:
    version.status, version.decided_at, version.decided_by = SummaryVersion.Status.ACCEPTED, timezone.now(), by
    version.save(update_fields=["status", "decided_at", "decided_by"])
    summary.status, summary.accepted_version = FinalSummary.Status.ACCEPTED, version
    summary.save(update_fields=["status", "accepted_version", "updated_at"])
    engagement = summary.engagement
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="summary.accepted",
        kind="summary",
        target=summary,
        changes={"version": version.number},
        params={"number": version.number},
    )
    advance_stage_after(engagement=engagement, stage=Stage.SUMMARY, to=Stage.COMPLETED, by=by)
    recipients = _team_emails(engagement)
    if recipients:
        send_templated_email(
            to=recipients,
            template="publications/email/accepted",
            context={"summary": summary, "engagement": engagement, "version": version},
        )


@transaction.atomic
def start_new_version(*, summary: FinalSummary, by) -> FinalSummary:
    """Reopen an accepted summary; the accepted version stays in force until a newer one is accepted."""
    stored = _lock_summary(summary)
    if stored.status != FinalSummary.Status.ACCEPTED:
        raise ValidationError(_("Nową wersję można rozpocząć dopiero od zaakceptowanego podsumowania."))
    stored.status = FinalSummary.Status.DRAFT
    stored.save(update_fields=["status", "updated_at"])
    record_on_timeline(
        engagement=stored.engagement,
        actor=by,
        action="summary.reopened",
        kind="summary",
        target=stored,
        changes={"from_version": stored.accepted_version.number},
        params={"number": stored.accepted_version.number},
    )
    return stored
