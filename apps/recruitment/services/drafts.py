"""Drafts of the Karta zgłoszenia: sections, team, areas."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.audit.services import diff, record, snapshot
from apps.core.locking import StaleEdit
from apps.editions.models import Edition

from ..completeness import call_is_open, eligibility_problem
from ..kinds import head_titles_for
from ..models import Application, ApplicationTeamMember
from .common import SECTION_FIELDS, Status, _locked_application


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
