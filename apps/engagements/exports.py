"""The organiser's lists of an edition's engagements (karty JST) and team members, exportable through
``apps.documents.list_exports`` (the user picks the columns; long lists are prepared in the background)."""

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from apps.documents.list_exports import Column, ListExport

from .models import AdvisorAssignment, Engagement, TeamMember


def engagement_rows(edition):
    return (
        Engagement.objects.filter(edition=edition)
        .select_related("local_government__voivodeship")
        .annotate(team_size=Count("team_members", filter=Q(team_members__left_at__isnull=True)))
        .prefetch_related(
            Prefetch("advisor_assignments", queryset=AdvisorAssignment.objects.select_related("user").order_by("role"))
        )
        .order_by("local_government__display_name", "pk")
    )


def team_member_rows(edition):
    return (
        TeamMember.objects.filter(engagement__edition=edition, left_at__isnull=True)
        .select_related("engagement__local_government")
        .order_by("engagement__local_government__display_name", "-is_leader", "full_name", "pk")
    )


def jst_columns(*, details_by_default: bool = True) -> list[Column]:
    """The JST of a row that has a ``local_government`` (an engagement): its name, TERYT code, kind and voivodeship,
    as every list with a JST per row starts (select ``local_government__voivodeship`` in its rows)."""
    return [
        Column("jst", _("JST"), lambda e: e.local_government.display_name),
        Column("teryt", _("Kod TERYT"), lambda e: e.local_government.teryt, default=details_by_default),
        Column("kind", _("Rodzaj JST"), lambda e: e.local_government.get_kind_display(), default=details_by_default),
        Column(
            "voivodeship",
            _("Województwo"),
            lambda e: e.local_government.voivodeship.name,
            default=details_by_default,
        ),
    ]


def _advisors(engagement) -> str:
    return ", ".join(a.user.full_name or a.user.email for a in engagement.advisor_assignments.all())


ENGAGEMENTS = ListExport(
    key="engagements.engagements",
    title=_("Karty JST"),
    rows=engagement_rows,
    view_action="edition.view",
    filename=lambda edition: f"karty-jst-{edition.slug}",
    columns=[
        *jst_columns(),
        Column("group", _("Grupa warsztatowa"), lambda e: e.get_workshop_group_display()),
        Column("stage", _("Etap"), lambda e: e.get_stage_display()),
        Column("team_size", _("Liczba osób w zespole"), lambda e: e.team_size),
        Column("advisors", _("Doradcy"), _advisors),
        Column("withdrawn_at", _("Wycofana"), lambda e: e.withdrawn_at, default=False),
    ],
)

TEAM_MEMBERS = ListExport(
    key="engagements.team_members",
    title=_("Członkowie zespołów JST"),
    rows=team_member_rows,
    view_action="edition.view",
    filename=lambda edition: f"zespoly-jst-{edition.slug}",
    columns=[
        Column("jst", _("JST"), lambda m: m.engagement.local_government.display_name),
        Column("name", _("Imię i nazwisko"), lambda m: m.full_name),
        Column("position", _("Stanowisko"), lambda m: m.position),
        Column("kind", _("Rodzaj"), lambda m: m.get_kind_display()),
        Column("school", _("Szkoła lub placówka"), lambda m: m.school_name, default=False),
        Column("leader", _("Lider zespołu"), lambda m: m.is_leader),
        Column("management", _("Kadra zarządzająca"), lambda m: m.is_management, default=False),
        Column("email", _("E-mail"), lambda m: m.email),
        Column("phone", _("Telefon"), lambda m: m.phone, default=False),
    ],
)
