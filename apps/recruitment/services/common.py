"""What the parts of the recruitment services share: section fields, locking an application, notifications."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.core.mail import send_templated_email
from apps.editions.models import Edition
from apps.engagements.models import Engagement
from apps.engagements.services import TeamMemberData, create_engagement

from ..kinds import DocumentKind
from ..models import Application, Call

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
