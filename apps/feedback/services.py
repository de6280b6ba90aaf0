"""Every write to the model feedback register."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.catalog.models import CatalogVersion
from apps.catalog.selectors import current_version
from apps.core.mail import send_templated_email

from . import parts
from .models import Remark

Status = Remark.Status
TEXT_MAX = 5000

# The coordinator's triage; "implemented" is reached only by publishing the catalogue version that addresses it,
# "merged" only by merging a duplicate.
TRANSITIONS: dict[str, set[str]] = {
    Status.NEW: {Status.ANALYSING, Status.ACCEPTED, Status.REJECTED},
    Status.ANALYSING: {Status.ACCEPTED, Status.REJECTED},
    Status.ACCEPTED: {Status.ANALYSING, Status.REJECTED},
    Status.REJECTED: {Status.ANALYSING},
    Status.IMPLEMENTED: set(),
    Status.MERGED: set(),
}


@transaction.atomic
def submit_remark(
    *,
    part: str,
    text: str,
    author=None,
    source: str = Remark.Source.LINK,
    source_label: str = "",
    version: CatalogVersion | None = None,
) -> Remark:
    """A remark about one part of the model.

    ``part`` is "<kind>:<key>" (``apps.feedback.parts``: "area:<uuid>", "step:needs_assessment", "model:model"...);
    ``author`` None keeps the remark anonymous (a survey's anonymous answer: nothing about the respondent is
    stored); ``source``/``source_label`` say where it came from (a survey's or an open-space session's name);
    ``version`` is the catalogue version it is about (the current published one if None)."""
    version = version or current_version()
    found = parts.resolve(part, version)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Wpisz treść uwagi.")})
    if len(text) > TEXT_MAX:
        raise ValidationError({"text": _("Uwaga może mieć najwyżej %(max)s znaków.") % {"max": TEXT_MAX}})
    if source not in Remark.Source.values:
        raise ValidationError(_("Nieznane źródło uwagi."))
    remark = Remark.objects.create(
        part_kind=found.kind,
        part_key=found.key,
        part_label=found.label[:300],
        text=text,
        author=author,
        source=source,
        source_label=source_label.strip()[:300],
        made_on_version=version,
    )
    # The actor of an anonymous remark is "system": the history must not name who answered an anonymous survey.
    record(
        actor=author,
        action="feedback.submitted",
        target=remark,
        changes={"part": found.label, "source": source},
    )
    return remark


def _locked(remark: Remark) -> Remark:
    return Remark.objects.select_for_update().get(pk=remark.pk)


@transaction.atomic
def change_status(*, remark: Remark, by, status: str, note: str = "") -> Remark:
    """Triage. A rejection needs its reason; the note of an acceptance says what will change."""
    remark = _locked(remark)
    note = (note or "").strip()
    if status not in TRANSITIONS.get(remark.status, set()):
        raise ValidationError(
            _("Uwagi w stanie „%(from)s” nie można przenieść do stanu „%(to)s”.")
            % {"from": remark.get_status_display(), "to": dict(Status.choices).get(status, status)}
        )
    if status == Status.REJECTED and not note:
        raise ValidationError({"note": _("Podaj powód odrzucenia uwagi.")})
    before = remark.status
    remark.status = status
    if note:
        remark.decision_note = note
    if status in (Status.ACCEPTED, Status.REJECTED):
        remark.decided_at = timezone.now()
    if status != Status.ACCEPTED:
        remark.addressed_in = None
    remark.save()
    record(
        actor=by,
        action="feedback.status_changed",
        target=remark,
        changes={"status": [before, status], **({"note": note} if note else {})},
    )
    return remark


@transaction.atomic
def merge_remark(*, remark: Remark, into: Remark, by) -> Remark:
    """``remark`` is a duplicate of ``into``: it leaves the triage and follows ``into`` (its author is told when
    ``into`` is implemented)."""
    remark = _locked(remark)
    into = Remark.objects.select_for_update().get(pk=into.pk)
    if remark.pk == into.pk:
        raise ValidationError(_("Uwagi nie można połączyć z nią samą."))
    if remark.status not in (Status.NEW, Status.ANALYSING):
        raise ValidationError(_("Połączyć jako duplikat można tylko uwagę nową lub w analizie."))
    if into.status == Status.MERGED:
        raise ValidationError(_("Ta uwaga sama jest duplikatem. Wybierz uwagę, z którą ją połączono."))
    before = remark.status
    remark.status = Status.MERGED
    remark.duplicate_of = into
    remark.save()
    record(
        actor=by, action="feedback.merged", target=remark, changes={"status": [before, remark.status], "into": into.pk}
    )
    return remark


@transaction.atomic
def link_to_draft(*, remark: Remark, by, version: CatalogVersion | None) -> Remark:
    """An accepted remark is addressed by the catalogue draft (None: unlink)."""
    remark = _locked(remark)
    if remark.status != Status.ACCEPTED:
        raise ValidationError(_("Z wersją roboczą katalogu można powiązać tylko przyjętą uwagę."))
    if version is not None:
        version = CatalogVersion.objects.select_for_update().get(pk=version.pk)
        if not version.is_draft:
            raise ValidationError(_("Uwagę można powiązać tylko z wersją roboczą katalogu."))
    remark.addressed_in = version
    remark.save()
    if version is None:
        record(actor=by, action="feedback.unlinked", target=remark)
    else:
        record(actor=by, action="feedback.linked", target=remark, changes={"version": version.number})
    return remark


def implement_published(*, version: CatalogVersion, by) -> None:
    """The catalogue's publication listener: the accepted remarks this version addresses are implemented in it;
    their authors (and the authors of their duplicates) are told. Anonymous remarks have no one to tell."""
    remarks = list(
        Remark.objects.select_for_update(of=("self",))  # the author is an outer join: lock the remarks only
        .filter(addressed_in=version, status=Status.ACCEPTED)
        .select_related("author")
        .prefetch_related("duplicates__author")
    )
    for remark in remarks:
        remark.status = Status.IMPLEMENTED
        remark.implemented_in = version
        remark.save(update_fields=["status", "implemented_in", "updated_at"])
        record(actor=by, action="feedback.implemented", target=remark, changes={"version": version.number})
        authors = {remark.author} if remark.author else set()
        authors |= {d.author for d in remark.duplicates.all() if d.author is not None}
        for author in authors:
            if not author.is_active:
                continue
            send_templated_email(
                to=author.email,
                template="feedback/email/implemented",
                context={"remark": remark, "version": version, "recipient": author},
            )
