"""The organiser's desk: notes and decisions under the edition's lock."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.audit.services import diff, record, snapshot
from apps.editions.models import Edition
from apps.engagements.models import Engagement
from apps.engagements.services import withdraw_engagement

from ..models import Application, ApplicationNote
from .common import Status, _locked_application, hand_over, notify_result, stored_call


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
