"""Timeline entries become "what happened" (a code and parameters) instead of a Polish sentence.

Existing rows are read back into codes where their sentence matches one of the texts the services wrote until now
(frozen below, as a migration must not follow later code); a row that matches none keeps its sentence, which the
page shows as it was (marked ``lang="pl"`` in the English UI). The audit entries of engagements and editions get
their scope columns filled as ``record()`` fills them from now on.
"""

import re

from django.db import migrations, models

STAGES = {
    "1. Wybór obszaru": "area",
    "2. Diagnoza potrzeb i priorytety": "diagnosis",
    "3. Harmonogram Działań Rozwojowych": "plan",
    "4. Kierunki wdrożenia": "directions",
    "5. Wdrożenie i monitorowanie": "implementation",
    "6. Podsumowanie": "summary",
    "Zakończone": "completed",
}
ROLES = {
    "doradca ds. personalnego rozwoju edukacji": "personal_development",
    "doradca ds. rozwiązań zarządczych": "management",
}
SECTIONS = {
    "komentarz do danych o lokalnym systemie oświaty": "context_notes",
    "wykorzystane źródła danych": "data_sources",
    "mocne strony": "strengths",
    "problemy": "problems",
    "potrzeby": "needs",
    "potrzeby popandemiczne": "post_pandemic_needs",
}


def _list(value):
    return [part for part in value.split("; ") if part]


def _role(value):
    role = ROLES.get(value.lower())
    if role is None:
        raise ValueError(value)
    return role


def _sections(value):
    names = [SECTIONS.get(part) for part in value.split(", ")]
    if None in names:
        raise ValueError(value)
    return names


def _stage(value):
    return STAGES[value]


# (code, sentence with %(name)s placeholders, converters of the parameters that were labels or lists)
PATTERNS = [
    ("engagement.created", "JST zakwalifikowana do edycji; zespół zaproszony do platformy.", {}),
    ("team.member_added", "Do zespołu dołączył(a) %(name)s.", {}),
    ("team.member_left", "%(name)s nie jest już w zespole.", {}),
    ("team.member_replaced", "%(new)s zastępuje w zespole: %(old)s.", {}),
    ("team.leader_changed", "Liderem zespołu jest teraz %(name)s.", {}),
    ("advisors.unassigned", "%(role)s: nieprzydzielony.", {"role": _role}),
    ("engagement.area_chosen", "Wybór obszaru: %(areas)s. Czeka na potwierdzenie doradcy.", {"areas": _list}),
    ("engagement.area_confirmed", "Doradca potwierdził obszar: %(areas)s.", {"areas": _list}),
    ("engagement.stage_changed", "Nowy etap: %(stage)s.", {"stage": _stage}),
    ("engagement.stage_unchanged", "Etap nie zmienił się: %(reasons)s", {"reasons": lambda v: [v]}),
    ("engagement.withdrawn", "JST wycofana z edycji: %(reason)s", {}),
    ("diagnosis.saved", "Zapisano diagnozę potrzeb (%(sections)s).", {"sections": _sections}),
    ("diagnosis.figure_added", "Dodano dane do diagnozy: %(figure)s.", {}),
    ("diagnosis.figure_removed", "Usunięto dane: %(figure)s.", {}),
    ("diagnosis.school_view_added", "Dodano spojrzenie na szkołę: %(school)s.", {}),
    ("diagnosis.school_view_changed", "Zmieniono spojrzenie na szkołę: %(school)s.", {}),
    ("diagnosis.school_view_removed", "Usunięto spojrzenie na szkołę: %(school)s.", {}),
    ("priority.added", "Nowy kandydat na priorytet: %(title)s.", {}),
    ("priority.changed", "Zmieniono priorytet: %(title)s.", {}),
    ("priority.removed", "Usunięto priorytet: %(title)s.", {}),
    ("priority.selected", "Wybrane priorytety rozwojowe: %(titles)s.", {"titles": _list}),
    ("plan.created", "Rozpoczęto pracę nad HDR.", {}),
    ("plan.submitted", "HDR (wersja %(number)s) przekazany doradcom do akceptacji.", {"number": int}),
    ("plan.changes_requested", "Doradca poprosił o poprawki w HDR (wersja %(number)s).", {"number": int}),
    ("plan.approved_by_advisor", "%(role)s zatwierdza HDR (wersja %(number)s).", {"role": _role, "number": int}),
    ("plan.approved", "HDR zatwierdzony przez obu doradców (wersja %(number)s).", {"number": int}),
    ("plan.reopened", "Rozpoczęto nową wersję HDR na podstawie zatwierdzonej wersji %(number)s.", {"number": int}),
    # Checked last: "%(role)s: %(name)s." would match almost any sentence with a colon.
    ("advisors.assigned", "%(role)s: %(name)s.", {"role": _role}),
]


def _compile(sentence):
    parts = re.split(r"%\((\w+)\)s", sentence)
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+)" for i, part in enumerate(parts))
    return re.compile(f"^{regex}$", re.DOTALL)


COMPILED = [(code, _compile(sentence), converters) for code, sentence, converters in PATTERNS]


def parse(text):
    """``(code, params)`` of a stored sentence, or ``None`` when it matches no known text."""
    for code, regex, converters in COMPILED:
        match = regex.match(text)
        if match is None:
            continue
        try:
            params = {key: converters.get(key, str)(value) for key, value in match.groupdict().items()}
        except (KeyError, ValueError):
            continue
        return code, params
    return None


def forwards(apps, schema_editor):
    TimelineEntry = apps.get_model("engagements", "TimelineEntry")
    for entry in TimelineEntry.objects.filter(code="").only("pk", "text").iterator():
        parsed = parse(entry.text)
        if parsed is not None:
            # The sentence stays as well: it is what the row said, and what shows if the code is ever unknown.
            TimelineEntry.objects.filter(pk=entry.pk).update(code=parsed[0], params=parsed[1])
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Engagement = apps.get_model("engagements", "Engagement")
    engagement_type = ContentType.objects.filter(app_label="engagements", model="engagement").first()
    if engagement_type is not None:
        editions = dict(Engagement.objects.values_list("pk", "edition_id"))
        for entry in AuditEntry.objects.filter(target_type=engagement_type, engagement_id__isnull=True).iterator():
            pk = int(entry.target_id)
            AuditEntry.objects.filter(pk=entry.pk).update(engagement_id=pk, edition_id=editions.get(pk))
    edition_type = ContentType.objects.filter(app_label="editions", model="edition").first()
    if edition_type is not None:
        for entry in AuditEntry.objects.filter(target_type=edition_type, edition_id__isnull=True).iterator():
            AuditEntry.objects.filter(pk=entry.pk).update(edition_id=int(entry.target_id))


def backwards(apps, schema_editor):
    TimelineEntry = apps.get_model("engagements", "TimelineEntry")
    TimelineEntry.objects.filter(text="").update(text="—")


class Migration(migrations.Migration):
    dependencies = [
        ("engagements", "0002_needs_assessment"),
        ("audit", "0002_scope_and_changes_type"),
        ("editions", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="timelineentry",
            name="code",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name="timelineentry",
            name="params",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AlterField(
            model_name="timelineentry",
            name="text",
            field=models.CharField(blank=True, max_length=500),
        ),
        migrations.RunPython(forwards, backwards),
    ]
