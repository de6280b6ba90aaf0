"""Every write about a person's data: requests and answers, erasure, legal holds, retention."""

import io
import json
import zipfile
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import Membership, Organisation
from apps.audit.models import AuditEntry
from apps.audit.services import record
from apps.core.mail import send_templated_email

from .models import FORMER_PARTICIPANT, DataRequest, LegalHold
from .personal_data import RETENTION, SOURCES, label_columns, needles_of, replace_names

User = get_user_model()

# --- a person's own data -----------------------------------------------------------------------------------


def collect(*, user) -> list[dict]:
    """Every section each app holds about the person (``personal_data`` modules), in one list."""
    sections = []
    for source in SOURCES:
        for section in source.collect(user):
            sections.append({"source": source.key, **section})
    return sections


def build_export(*, user) -> bytes:
    """The person's ZIP: ``dane.json`` (their records), their own files, and ``index.html`` that reads them."""
    sections = collect(user=user)
    files = [(name, field) for source in SOURCES for name, field in source.files(user)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "dane.json",
            json.dumps(
                {"generated_at": timezone.now(), "sections": sections},
                cls=DjangoJSONEncoder,
                ensure_ascii=False,
                indent=2,
            ),
        )
        stored = []
        for name, field in files:
            try:
                with field.open("rb") as handle:
                    archive.writestr(f"pliki/{name}", handle.read())
                stored.append(f"pliki/{name}")
            except (FileNotFoundError, ValueError):
                continue
        archive.writestr(
            "index.html",
            render_to_string(
                "privacy/export_index.html",
                {"user": user, "sections": sections, "files": stored, "now": timezone.now()},
            ),
        )
    record(actor=user, action="privacy.export_downloaded", target=user)
    return buffer.getvalue()


# --- requests ---------------------------------------------------------------------------------------------------


def organisation_for(*, user) -> Organisation:
    """Who answers the person's requests: the organiser that holds most of their data, else the model owner."""
    counts: dict[int, int] = {}
    for source in SOURCES:
        for pk in source.organisations(user):
            if pk:
                counts[pk] = counts.get(pk, 0) + 1
    if counts:
        return Organisation.objects.get(pk=max(counts, key=counts.get))
    owner = Organisation.objects.filter(kind=Organisation.Kind.MODEL_OWNER).order_by("pk").first()
    if owner is None:
        raise ValidationError(_("Na platformie nie ma jeszcze organizatora, który mógłby przyjąć wniosek."))
    return owner


def due_date(*, filed_on: date) -> date:
    """One month from the day the request came in (art. 12 ust. 3 RODO); the end of a shorter month if needed."""
    month = filed_on.month % 12 + 1
    year = filed_on.year + (filed_on.month == 12)
    for day in (filed_on.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _staff_emails(organisation) -> list[str]:
    return list(
        Membership.objects.filter(organisation=organisation, role=Membership.Role.STAFF, user__is_active=True)
        .values_list("user__email", flat=True)
        .distinct()
    )


@transaction.atomic
def file_request(*, user, kind: str, details: str = "") -> DataRequest:
    if kind not in DataRequest.Kind.values:
        raise ValidationError({"kind": _("Wybierz rodzaj wniosku.")})
    if DataRequest.objects.filter(user=user, kind=kind, status=DataRequest.Status.OPEN).exists():
        raise ValidationError({"kind": _("Taki wniosek już czeka na odpowiedź.")})
    organisation = organisation_for(user=user)
    request = DataRequest.objects.create(
        user=user,
        organisation=organisation,
        kind=kind,
        details=details.strip(),
        due_on=due_date(filed_on=timezone.localdate()),
    )
    record(actor=user, action="privacy.request_filed", target=request, changes={"kind": kind})
    link = settings.SITE_URL + reverse("privacy:request_detail", kwargs={"pk": request.pk})
    emails = _staff_emails(organisation)
    if emails:
        send_templated_email(
            to=emails, template="privacy/email/request_filed", context={"request": request, "link": link}
        )
    send_templated_email(to=user.email, template="privacy/email/request_received", context={"request": request})
    return request


@transaction.atomic
def answer_request(*, data_request: DataRequest, approve: bool, answer: str, by) -> DataRequest:
    """Staff answer the request; an approved erasure erases the person (unless a legal hold covers them)."""
    data_request = DataRequest.objects.select_for_update().get(pk=data_request.pk)
    if not data_request.is_open:
        raise ValidationError(_("Na ten wniosek już odpowiedziano."))
    if not answer.strip():
        raise ValidationError({"answer": _("Napisz odpowiedź dla osoby, która złożyła wniosek.")})
    person = data_request.user
    email = person.email
    if approve and data_request.kind == DataRequest.Kind.ERASURE:
        holds = holds_for(user=person)
        if holds:
            raise ValidationError(
                _("Usunięcia danych blokuje: %(holds)s. Odpowiedz odmową lub ograniczeniem przetwarzania.")
                % {"holds": "; ".join(f"{h.reason} (do {h.until:%d.%m.%Y})" for h in holds)}
            )
    data_request.status = DataRequest.Status.DONE if approve else DataRequest.Status.REFUSED
    data_request.answer = answer.strip()
    data_request.answered_at = timezone.now()
    data_request.answered_by = by
    data_request.save(update_fields=["status", "answer", "answered_at", "answered_by"])
    record(
        actor=by,
        action="privacy.request_answered",
        target=data_request,
        changes={"kind": data_request.kind, "status": data_request.status},
    )
    # Told before the address goes with the account.
    send_templated_email(to=email, template="privacy/email/request_answered", context={"request": data_request})
    if approve and data_request.kind == DataRequest.Kind.ERASURE:
        anonymise_person(user=person, by=by)
    return data_request


# --- erasure ----------------------------------------------------------------------------------------------------


def holds_for(*, user, today: date | None = None) -> list[LegalHold]:
    """The active legal holds on the editions where the person has records."""
    editions = {pk for source in SOURCES for pk in source.editions(user) if pk}
    if not editions:
        return []
    return list(LegalHold.objects.filter(edition_id__in=editions, until__gte=today or timezone.localdate()))


def _anonymise_audit(user, needles: list[str]) -> int:
    """The history stays whole (every entry, who did what when); the person's name and address in it are
    replaced. The only rewrite the append-only history allows, and itself recorded."""
    query = Q(actor=user)
    for needle in needles:
        query |= Q(actor_label__icontains=needle) | Q(target_repr__icontains=needle)
    count = 0
    candidates = AuditEntry.objects.filter(query) | AuditEntry.objects.filter(
        target_type__model="user", target_id=str(user.pk)
    )
    for entry in candidates.distinct():
        entry.actor_label = (
            replace_names(entry.actor_label, needles) if entry.actor_id != user.pk else FORMER_PARTICIPANT
        )
        entry.target_repr = replace_names(entry.target_repr, needles)
        entry.changes = replace_names(entry.changes, needles)
        entry.message = replace_names(entry.message, needles)
        entry.save(update_fields=["actor_label", "target_repr", "changes", "message"])
        count += 1
    # Entries that name the person only inside ``changes`` (an invitation sent to the address).
    in_changes = Q()
    for needle in needles:
        # SQLite stores JSON with non-ASCII escaped, PostgreSQL as it is: look for both spellings.
        in_changes |= Q(changes__icontains=needle) | Q(changes__icontains=json.dumps(needle)[1:-1])
    if needles:
        for entry in AuditEntry.objects.exclude(pk__in=candidates.values("pk")).filter(in_changes):
            entry.changes = replace_names(entry.changes, needles)
            entry.save(update_fields=["changes"])
            count += 1
    return count


@transaction.atomic
def anonymise_person(*, user, by) -> dict:
    """Erase a person: each app's records anonymised or deleted, labels replaced, the account emptied and closed.

    The user row stays as a tombstone ("były uczestnik") because kept records (HDR authorship, attendance,
    approvals) point at it; nothing in it identifies the person any more and it can never sign in."""
    user = User.objects.select_for_update().get(pk=user.pk)
    needles = needles_of(user)
    counts: dict = {}
    for source in SOURCES:
        counts.update(source.erase(user))
    for model, fk, label in label_columns():
        updated = model.objects.filter(**{fk: user}).update(**{label: FORMER_PARTICIPANT})
        if updated:
            counts[f"{model._meta.label_lower}.{label}"] = updated
    counts["audit_entries_anonymised"] = _anonymise_audit(user, needles)
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.memberships.all().delete()
    from apps.accounts.models import CalendarFeed

    CalendarFeed.objects.filter(user=user).delete()
    _end_all_sessions(user)
    user.full_name = FORMER_PARTICIPANT
    user.email = f"usuniety-{user.pk}@anonim.invalid"
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = user.is_superuser = False
    user.last_login = None
    user.save()
    record(actor=by, action="privacy.person_erased", target=user, changes={"counts": counts})
    return counts


def _end_all_sessions(user) -> None:
    from apps.accounts.services import end_sessions

    end_sessions(user=user)
    # Sessions opened before the account's sessions were tracked.
    for session in Session.objects.filter(expire_date__gte=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()


# --- legal holds ------------------------------------------------------------------------------------------------


@transaction.atomic
def place_hold(*, edition, until: date, reason: str, by) -> LegalHold:
    if not reason.strip():
        raise ValidationError({"reason": _("Podaj podstawę blokady (np. umowa o dofinansowanie, art. ...).")})
    hold = LegalHold.objects.create(edition=edition, until=until, reason=reason.strip(), created_by=by)
    record(actor=by, action="privacy.hold_placed", target=edition, changes={"until": until.isoformat()})
    return hold


@transaction.atomic
def lift_hold(*, hold: LegalHold, by) -> None:
    record(actor=by, action="privacy.hold_lifted", target=hold.edition, changes={"until": hold.until.isoformat()})
    hold.delete()


# --- retention --------------------------------------------------------------------------------------------------


def held_editions(*, today: date) -> set[int]:
    return set(LegalHold.objects.filter(until__gte=today).values_list("edition_id", flat=True))


def retention_report(*, today: date | None = None) -> list[dict]:
    """What the retention periods remove on ``today``: per kind, the records (held editions left out)."""
    today = today or timezone.localdate()
    held = held_editions(today=today)
    report = []
    for rule in RETENTION:
        queryset = rule.due(today, held)
        items = [{"pk": obj.pk, "label": rule.describe(obj)} for obj in queryset]
        report.append({"kind": rule.key, "label": str(rule.label), "count": len(items), "items": items})
    return report


def apply_retention(*, today: date | None = None) -> dict:
    """Remove what is past its period: first the report, then exactly what it lists. A second run finds nothing."""
    today = today or timezone.localdate()
    report = retention_report(today=today)
    held = held_editions(today=today)
    applied = {}
    for rule in RETENTION:
        pks = [item["pk"] for entry in report if entry["kind"] == rule.key for item in entry["items"]]
        if not pks:
            continue
        with transaction.atomic():
            applied[rule.key] = rule.apply(rule.due(today, held).filter(pk__in=pks))
    if applied:
        record(actor=None, action="privacy.retention_applied", target=_platform_target(), changes={"applied": applied})
    return {"report": {entry["kind"]: entry["count"] for entry in report}, "applied": applied}


def _platform_target():
    return Organisation.objects.filter(kind=Organisation.Kind.MODEL_OWNER).order_by("pk").first() or (
        Organisation.objects.order_by("pk").first()
    )


# --- reminders --------------------------------------------------------------------------------------------------


def send_request_reminders(*, today: date | None = None) -> list[int]:
    """Staff are reminded once of each open request whose deadline is within ``PRIVACY_REMINDER_DAYS``."""
    today = today or timezone.localdate()
    due = DataRequest.objects.filter(
        status=DataRequest.Status.OPEN,
        reminder_sent_at__isnull=True,
        due_on__lte=today + timedelta(days=settings.PRIVACY_REMINDER_DAYS),
    ).select_related("organisation")
    sent = []
    for data_request in due:
        with transaction.atomic():
            claimed = DataRequest.objects.filter(pk=data_request.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if not claimed:
                continue
            emails = _staff_emails(data_request.organisation)
            if emails:
                link = settings.SITE_URL + reverse("privacy:request_detail", kwargs={"pk": data_request.pk})
                send_templated_email(
                    to=emails,
                    template="privacy/email/request_reminder",
                    context={"request": data_request, "link": link},
                )
            sent.append(data_request.pk)
    return sent
