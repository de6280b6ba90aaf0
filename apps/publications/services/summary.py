"""The summary's working copy: the forms' structures, starting a summary prefilled from the platform, saving it
under optimistic locking, its files and photos."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import diff, record, snapshot
from apps.core.locking import save_versioned
from apps.engagements.models import Engagement
from apps.engagements.timeline import record_on_timeline

from .. import prefill, structures, uploads
from ..models import FinalSummary, FormCode, SummaryAttachment, SummaryStructure
from .common import _label, _lock_summary, check_editable

CONTACT_FIELDS = ["contact_name", "contact_position", "contact_email", "contact_phone"]
INTERVIEW_FIELDS = ["interviewee_name", "interviewee_position"]


def ensure_structures() -> list[SummaryStructure]:
    """Version 1 of each form's structure from ``structures.DEFAULTS`` where a form has none yet."""
    made = []
    for form, sections in structures.DEFAULTS.items():
        if not SummaryStructure.objects.filter(form=form).exists():
            made.append(SummaryStructure.objects.create(form=form, number=1, sections=sections))
    return made


def current_structure(*, form: str) -> SummaryStructure:
    structure = SummaryStructure.objects.filter(form=form).order_by("-number").first()
    if structure is None:
        ensure_structures()
        structure = SummaryStructure.objects.filter(form=form).order_by("-number").first()
    return structure


@transaction.atomic
def save_structure(*, form: str, sections_text: str, note: str, by) -> SummaryStructure:
    """A new version of a form's sections (summaries already started keep theirs)."""
    if form not in FormCode.values:
        raise ValidationError({"form": _("Wybierz formę podsumowania.")})
    try:
        sections = structures.parse_sections(sections_text)
    except ValueError as error:
        raise ValidationError({"sections": str(error)}) from error
    last = SummaryStructure.objects.select_for_update().filter(form=form).order_by("-number").first()
    if last is not None and last.sections == sections:
        raise ValidationError({"sections": _("Sekcje są takie same jak w obecnej wersji.")})
    structure = SummaryStructure.objects.create(
        form=form, number=(last.number + 1) if last else 1, sections=sections, note=note.strip(), created_by=by
    )
    record(actor=by, action="summary.structure_saved", target=structure, changes={"number": structure.number})
    return structure


@transaction.atomic
def start_summary(*, engagement: Engagement, form: str, by) -> FinalSummary:
    """The team chooses a form; the summary starts prefilled from the JST, its diagnosis and its HDR."""
    if form not in FormCode.values:
        raise ValidationError({"form": _("Wybierz jedną z trzech form podsumowania.")})
    if FinalSummary.objects.filter(engagement=engagement).exists():
        raise ValidationError(_("Podsumowanie tej JST jest już rozpoczęte."))
    structure = current_structure(form=form)
    summary = FinalSummary.objects.create(
        engagement=engagement,
        form=form,
        structure=structure,
        content=prefill.content_for(engagement, structure.sections),
        created_by=by,
        updated_by=by,
        updated_by_label=_label(by),
    )
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="summary.started",
        kind="summary",
        target=summary,
        changes={"form": form},
        params={"form": form},
    )
    return summary


def _contents_errors(summary: FinalSummary, content: dict) -> dict:
    errors = {}
    for section in structures.text_sections(summary.structure.sections):
        text = content.get(section["key"], "")
        if len(text) > 20000:
            errors[f"s_{section['key']}"] = _("Sekcja może mieć najwyżej 20 000 znaków.")
    return errors


@transaction.atomic
def update_summary(*, summary: FinalSummary, expected_version: int, by, content: dict, **fields) -> FinalSummary:
    """Save the sections typed in the form (and the contact and interviewee fields the form has); ``StaleEdit``
    when someone saved since ``expected_version``."""
    stored = _lock_summary(summary)
    check_editable(summary=stored)
    errors = _contents_errors(stored, content)
    if errors:
        raise ValidationError(errors)
    allowed = set(CONTACT_FIELDS + INTERVIEW_FIELDS)
    names = [name for name in fields if name in allowed]
    before = snapshot(stored, names)
    before_content = dict(stored.content)
    stored.content = {**stored.content, **content}
    for name in names:
        setattr(stored, name, (fields[name] or "").strip())
    stored.updated_by, stored.updated_by_label = by, _label(by)
    save_versioned(
        stored, expected_version=expected_version, fields=["content", *names, "updated_by", "updated_by_label"]
    )
    changed = [key for key in content if before_content.get(key, "") != content[key]]
    record(
        actor=by,
        action="summary.saved",
        target=stored,
        changes={**diff(before, snapshot(stored, names)), **({"sections": changed} if changed else {})},
    )
    return stored


@transaction.atomic
def add_attachment(*, summary: FinalSummary, kind: str, upload, title: str, alt_text: str, by) -> SummaryAttachment:
    """A model document (section III) or a photo (mini-report; alternative text required), checked by content."""
    stored = _lock_summary(summary)
    check_editable(summary=stored)
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Opisz plik albo podpisz zdjęcie.")
    if kind == SummaryAttachment.Kind.PHOTO and not (alt_text or "").strip():
        errors["alt_text"] = _("Zdjęcie musi mieć tekst alternatywny: opisz, co na nim widać.")
    if errors:
        raise ValidationError(errors)
    checked = uploads.check_photo(upload) if kind == SummaryAttachment.Kind.PHOTO else uploads.check_file(upload)
    attachment = SummaryAttachment(
        summary=stored,
        kind=kind,
        original_name=checked.name,
        content_type=checked.content_type,
        size=upload.size,
        title=title.strip()[:300],
        alt_text=(alt_text or "").strip()[:300],
        uploaded_by=by,
    )
    attachment.file.save(checked.name, upload, save=False)
    attachment.save()
    record(
        actor=by,
        action="summary.attachment_added",
        target=stored,
        changes={"file": attachment.original_name, "kind": kind},
    )
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: SummaryAttachment, by) -> None:
    stored = _lock_summary(attachment.summary)
    check_editable(summary=stored)
    record(actor=by, action="summary.attachment_removed", target=stored, changes={"file": attachment.original_name})
    listed = any(
        item.get("id") == attachment.pk
        for snapshot in stored.versions.values_list("snapshot", flat=True)
        for item in (snapshot or {}).get("attachments", [])
    )
    if listed:
        # An earlier version lists it (and its publication may show it): it leaves the draft, not the record.
        attachment.removed_at = timezone.now()
        attachment.save(update_fields=["removed_at"])
    else:
        attachment.delete()
