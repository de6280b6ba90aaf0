from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.recruitment.models import Application, ApplicationTeamMember

from . import RETENTION, SOURCES, RetentionRule, Source, retention_days, rows

# Only the applicant's own fields: the head of the JST and its signatory are other people.
APPLICATION_FIELDS = ["edition", "local_government", "status", "submitted_at", "created_at"]
CONTACT_FIELDS = ["contact_name", "contact_position", "contact_email", "contact_phone"]
TEAM_FIELDS = ["application", "full_name", "position", "email", "phone", "school_name"]


def _applications(user):
    return Application.objects.filter(applicant=user).select_related("edition", "local_government")


def _team_rows(user):
    return ApplicationTeamMember.objects.filter(email__iexact=user.email).select_related("application")


def _collect(user):
    applications = list(_applications(user))
    own_contact = [a for a in applications if a.contact_email.lower() == user.email.lower()]
    return [
        {"title": "Karty zgłoszenia (złożone przez Ciebie)", "rows": rows(applications, APPLICATION_FIELDS)},
        {"title": "Twoje dane kontaktowe w Kartach zgłoszenia", "rows": rows(own_contact, ["pk", *CONTACT_FIELDS])},
        {"title": "Twoje miejsca w zespołach w Kartach zgłoszenia", "rows": rows(_team_rows(user), TEAM_FIELDS)},
    ]


def _erase(user):
    from ..models import FORMER_PARTICIPANT

    contacts = Application.objects.filter(contact_email__iexact=user.email).update(
        contact_name=FORMER_PARTICIPANT, contact_email="", contact_phone="", contact_position=""
    )
    team = _team_rows(user).update(full_name=FORMER_PARTICIPANT, email="", phone="", position="")
    return {"application_contacts_anonymised": contacts, "application_team_rows_anonymised": team}


def _not_qualified_due(today, held):
    cutoff = today - timedelta(days=retention_days("applications_not_qualified"))
    return (
        Application.objects.filter(
            Q(status__in=[Application.Status.REJECTED, Application.Status.WITHDRAWN, Application.Status.DRAFT]),
            updated_at__date__lt=cutoff,
        )
        .exclude(edition_id__in=held)
        .select_related("local_government")
    )


SOURCES.register(
    "recruitment",
    Source(
        key="recruitment",
        activity=_("Nabór JST (Karta zgłoszenia)"),
        purpose=_("przyjmowanie i ocena zgłoszeń JST do edycji"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO"),
        subjects=_("osoby składające zgłoszenia, osoby kontaktowe, członkowie zespołów wskazani w Karcie"),
        categories=_("imię i nazwisko, stanowisko, e-mail, telefon, szkoła"),
        recipients=_("organizator edycji, koordynator krajowy"),
        retention=_("zgłoszenia JST niezakwalifikowanych: okres z ustawień; pozostałe: jak edycja"),
        collect=_collect,
        erase=_erase,
        editions=lambda user: _applications(user).values_list("edition_id", flat=True),
        organisations=lambda user: _applications(user).values_list("edition__organiser_id", flat=True),
    ),
    order=20,
)
RETENTION.register(
    "applications_not_qualified",
    RetentionRule(
        key="applications_not_qualified",
        label=_("Karty zgłoszenia JST niezakwalifikowanych (odrzucone, wycofane, niezłożone)"),
        due=_not_qualified_due,
    ),
    order=10,
)
