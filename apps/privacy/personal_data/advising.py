from django.utils.translation import gettext_lazy as _

from apps.advising.models import AgreedTask, RecordAttachment, RemoteSession, TimeEntry, VisitRecord

from . import SOURCES, Source, needles_of, rows, scrub


def _hours(user):
    return TimeEntry.objects.filter(advisor=user).select_related("engagement")


def _records(user):
    return VisitRecord.objects.filter(written_by=user).select_related("visit__engagement")


def _sessions(user):
    return RemoteSession.objects.filter(logged_by=user).select_related("engagement")


def _attachments(user):
    return RecordAttachment.objects.filter(uploaded_by=user)


def _engagement_ids(user) -> set[int]:
    from apps.engagements.models import TeamMember

    return {
        *_hours(user).values_list("engagement_id", flat=True),
        *_records(user).values_list("visit__engagement_id", flat=True),
        *_sessions(user).values_list("engagement_id", flat=True),
        *TeamMember.objects.filter(user=user).values_list("engagement_id", flat=True),
    }


def _erase(user):
    # Hours, visit records and remote sessions are documents of the advising (settled, reported to the funder):
    # all kept, their author shown as "former participant" (the ``*_label`` columns), and the person's name taken
    # out of the texts of the engagements they worked in (participants, findings, tasks).
    needles = needles_of(user)
    engagements = _engagement_ids(user)
    records = scrub(
        VisitRecord.objects.filter(visit__engagement_id__in=engagements),
        ["other_participants", "topics", "findings", "correction_reason"],
        needles,
    )
    sessions = scrub(
        RemoteSession.objects.filter(engagement_id__in=engagements), ["participants", "topics", "outcome"], needles
    )
    tasks = scrub(AgreedTask.objects.filter(engagement_id__in=engagements), ["what", "who"], needles)
    notes = scrub(_hours(user), ["note"], needles)
    return {
        "visit_records_anonymised": records,
        "remote_sessions_anonymised": sessions,
        "agreed_tasks_anonymised": tasks,
        "time_entries_anonymised": notes,
    }


SOURCES.register(
    "advising",
    Source(
        key="advising",
        activity=_("Doradztwo: spotkania, notatki ze spotkań, doradztwo zdalne i czas pracy doradców"),
        purpose=_("realizacja i rozliczenie doradztwa dla JST"),
        legal_basis=_("art. 6 ust. 1 lit. b, c i e RODO"),
        subjects=_("doradcy, członkowie zespołów JST i inne osoby obecne na spotkaniach"),
        categories=_("godziny pracy, notatki ze spotkań (kto był, ustalenia), sesje zdalne, załączniki"),
        recipients=_("organizator, zespół JST, instytucja finansująca (rozliczenie)"),
        retention=_("jak edycja (dokumenty rozliczenia projektu); autor po usunięciu: „były uczestnik”"),
        collect=lambda user: [
            {
                "title": "Twój czas pracy doradcy",
                "rows": rows(_hours(user), ["engagement", "on", "hours", "kind", "note"]),
            },
            {
                "title": "Notatki ze spotkań, które napisałeś",
                "rows": rows(
                    _records(user),
                    ["visit", "number", "support_kind", "other_participants", "topics", "findings", "created_at"],
                ),
            },
            {
                "title": "Zapisane przez Ciebie sesje doradztwa zdalnego",
                "rows": rows(
                    _sessions(user),
                    ["engagement", "held_on", "duration_minutes", "channel", "participants", "topics", "outcome"],
                ),
            },
        ],  # fmt: skip
        files=lambda user: [(f"spotkania/{a.pk}-{a.original_name}", a.file) for a in _attachments(user) if a.file],
        erase=_erase,
        editions=lambda user: _hours(user).values_list("engagement__edition_id", flat=True),
        organisations=lambda user: _hours(user).values_list("engagement__edition__organiser_id", flat=True),
    ),
    order=65,
)
