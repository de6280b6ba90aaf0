from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.engagements.models import TeamMember, TimelineEntry

from . import SOURCES, Source, needles_of, rows, scrub

FIELDS = ["engagement", "full_name", "email", "phone", "position", "kind", "school_name", "is_leader", "joined_at"]


def _members(user):
    return TeamMember.objects.filter(user=user).select_related("engagement__local_government")


def _erase(user):
    # The team place stays (the JST's record of who took part, EU-funded documents): name replaced, contact gone.
    from ..models import FORMER_PARTICIPANT

    timeline = TimelineEntry.objects.filter(engagement__team_members__user=user).distinct()
    scrubbed = scrub(timeline, ["params", "text"], needles_of(user))
    count = 0
    for member in _members(user):
        member.full_name = FORMER_PARTICIPANT
        member.email = f"usuniety-{member.pk}@anonim.invalid"
        member.phone = member.position = member.school_name = ""
        member.left_at = member.left_at or timezone.now()
        member.save(update_fields=["full_name", "email", "phone", "position", "school_name", "left_at"])
        count += 1
    return {"team_places_anonymised": count, "timeline_entries_anonymised": scrubbed}


SOURCES.register(
    "engagements",
    Source(
        key="engagements",
        activity=_("Zespoły JST w doradztwie"),
        purpose=_("realizacja doradztwa dla JST (karta JST, diagnoza, HDR)"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO; umowa o udział JST"),
        subjects=_("członkowie zespołów JST"),
        categories=_("imię i nazwisko, e-mail, telefon, stanowisko, szkoła"),
        recipients=_("doradcy pary, organizator, koordynator krajowy; instytucja finansująca"),
        retention=_("do końca okresu trwałości projektu (blokada edycji)"),
        collect=lambda user: [{"title": "Miejsca w zespołach JST", "rows": rows(_members(user), FIELDS)}],
        erase=_erase,
        editions=lambda user: _members(user).values_list("engagement__edition_id", flat=True),
        organisations=lambda user: _members(user).values_list("engagement__edition__organiser_id", flat=True),
    ),
    order=30,
)
