from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError

from apps.events import selectors, services
from apps.events.factories import EventFactory
from apps.events.models import Session


def block(cast, event=None, trainers=(), **values):
    event = event or cast.event
    base = {
        "kind": "session",
        "day": event.starts_on,
        "starts_at": time(9, 0),
        "duration_minutes": 90,
        "workshop_group": "",
        "title": "Otwarcie",
        "method": "lecture",
        "topic_family": "education_tasks",
        "room": "Sala A",
        "description": "",
    }
    base.update(values)
    return services.save_session(event=event, by=cast.organiser, trainers=list(trainers), **base)


def test_sessions_are_90_minutes_by_default_and_listed_by_day(cast):
    plenary = block(cast)
    assert plenary.time_label == "09:00–10:30"
    block(cast, starts_at=time(10, 30), duration_minutes=15, kind="break", title="Przerwa kawowa", room="")
    block(cast, starts_at=time(10, 45), workshop_group="rural_gminy", title="Warsztat: budżet", room="Sala 1")
    block(cast, starts_at=time(10, 45), workshop_group="powiaty", title="Warsztat: sieć szkół", room="Sala 2")
    days = selectors.agenda_days(cast.event, selectors.sessions_of(cast.event))
    assert [len(d.sessions) for d in days] == [4, 0]


def test_conflicts_are_refused_with_a_clear_message_next_to_the_field(cast):
    block(cast, trainers=[cast.trainer], workshop_group="rural_gminy", room="Sala 1")
    cases = [
        (
            {"workshop_group": "rural_gminy", "room": "Sala 9", "starts_at": time(10, 0)},
            [],
            "starts_at",
            "grupa „gminy wiejskie” ma już",
        ),
        (
            {"workshop_group": "powiaty", "room": "sala 1", "starts_at": time(10, 0)},
            [],
            "room",
            "Sala „sala 1” jest w tym czasie zajęta",
        ),
        (
            {"workshop_group": "powiaty", "room": "Sala 2"},
            [cast.trainer],
            "trainers",
            "Tomasz Trener prowadzi w tym czasie",
        ),
        ({"workshop_group": "", "room": "Sala 3"}, [], "starts_at", "ma już"),  # a plenary clashes with every group
        ({"day": cast.event.ends_on + timedelta(days=1)}, [], "day", "nie należy do wydarzenia"),
    ]
    for values, trainers, field, text in cases:
        with pytest.raises(ValidationError) as error:
            block(cast, trainers=trainers, **values)
        assert text in " ".join(error.value.message_dict[field]), values
    assert Session.objects.count() == 1
    # Back to back is fine: 10:30 starts when 9:00 + 90 minutes ends.
    block(cast, trainers=[cast.trainer], workshop_group="rural_gminy", room="Sala 1", starts_at=time(10, 30))


def test_copy_an_agenda_from_another_event_onto_the_same_day_numbers(cast):
    block(cast, trainers=[cast.trainer])
    block(cast, day=cast.event.ends_on, title="Podsumowanie", room="Sala B")
    later = EventFactory(
        planned_event__edition=cast.edition,
        planned_event__starts_on=cast.event.starts_on + timedelta(days=30),
        planned_event__ends_on=cast.event.starts_on + timedelta(days=30),
    )
    assert services.copy_agenda(event=later, source=cast.event, by=cast.organiser) == 1
    copied = later.sessions.get()
    assert copied.day == later.starts_on and list(copied.trainers.all()) == [cast.trainer]
    with pytest.raises(ValidationError, match="ma już program"):
        services.copy_agenda(event=later, source=cast.event, by=cast.organiser)


def test_my_agenda_is_my_group_and_the_plenaries_and_a_trainers_own_sessions(cast):
    block(cast, title="Plenarna")
    block(
        cast, starts_at=time(11, 0), workshop_group="rural_gminy", title="Wiejskie", room="1", trainers=[cast.trainer]
    )
    block(cast, starts_at=time(11, 0), workshop_group="powiaty", title="Powiaty", room="2", trainers=[cast.trainer2])
    _group, mine = selectors.my_agenda(cast.event, cast.anna)
    assert [s.title for s in mine] == ["Plenarna", "Wiejskie"]
    _group, taught = selectors.my_agenda(cast.event, cast.trainer2)
    assert [s.title for s in taught] == ["Powiaty"]


def _docx() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_materials_take_the_usual_office_formats_checked_by_content(cast, signed_in):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from tests.access.submission import small_pdf

    session = block(cast)
    docx = services.add_material(
        session=session, by=cast.organiser, name="Ćwiczenie", file=SimpleUploadedFile("cw.docx", _docx())
    )
    assert docx.extension == ".docx" and "wordprocessingml" in docx.content_type
    pdf = services.add_material(
        session=session, by=cast.organiser, name="Slajdy", file=SimpleUploadedFile("s.pdf", small_pdf())
    )
    assert pdf.content_type == "application/pdf"
    with pytest.raises(ValidationError) as refused:
        services.add_material(
            session=session, by=cast.organiser, name="Program", file=SimpleUploadedFile("x.docx", b"MZ\x90 nie")
        )
    assert "Tego rodzaju pliku nie można dołączyć" in " ".join(refused.value.messages)
    assert session.materials.count() == 2

    client = signed_in(cast.organiser)
    response = client.get(reverse("events:material", args=[cast.event.pk, docx.pk]))
    assert response["Content-Type"] == docx.content_type
    assert 'filename="cwiczenie.docx"' in response["Content-Disposition"]
    # read the stream to its end (close() would also close the test's PostgreSQL connection)
    assert b"".join(response.streaming_content).startswith(b"PK")
    page = client.post(
        reverse("events:material_upload", args=[cast.event.pk, session.pk]),
        {"name": "Zły", "file": SimpleUploadedFile("zly.pdf", b"nie PDF")},
        follow=True,
    )
    assert "Tego rodzaju pliku nie można dołączyć" in page.content.decode()


def test_a_session_points_to_a_programme_scenario_the_trainer_reads_from_the_agenda(cast, signed_in):
    from django.urls import reverse

    from apps.events.forms import SessionForm
    from apps.programmes.factories import programme_with_scenarios

    version = cast.event.planned_event.edition.catalogue_version
    programme = programme_with_scenarios(version=version, is_published=True, title="Zarządzanie oświatą w gminie")
    draft_only = programme_with_scenarios(version=version, jst_level="powiaty", title="Program w przygotowaniu")
    scenario = programme.scenarios.get(number=2)
    offered = SessionForm(event=cast.event).fields["scenario"].queryset
    assert scenario in offered and not offered.filter(programme=draft_only).exists()
    session = block(cast, trainers=[cast.trainer], workshop_group="rural_gminy", scenario=scenario)
    assert session.scenario == scenario
    client = signed_in(cast.trainer)
    page = client.get(reverse("events:my_agenda", kwargs={"pk": cast.event.pk})).content.decode()
    link = reverse("programmes:scenario", kwargs={"key": programme.key, "number": 2})
    assert link in page
    assert client.get(link).status_code == 200
