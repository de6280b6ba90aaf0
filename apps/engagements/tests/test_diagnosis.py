"""The needs diagnosis: figures with year and source, school views, findings under optimistic locking, guided
prioritisation with 1–3 priorities, and the guard before the HDR."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.core.locking import StaleEdit
from apps.engagements import diagnosis, services
from apps.engagements.factories import DevelopmentPriorityFactory
from apps.engagements.models import ChosenArea, ContextFigure, DevelopmentPriority, NeedsAssessment, Stage

pytestmark = pytest.mark.django_db


def url(cast, name, **kwargs):
    return reverse(f"engagements:{name}", kwargs={"pk": cast.engagement.pk, **kwargs})


def findings_data(version, **values):
    base = {"context_notes": "", "data_sources": "", "strengths": "", "problems": "", "needs": ""}
    return {**base, **values, "version": str(version)}


def test_stale_findings_save_is_refused_and_nothing_is_lost(cast):
    """Two team members open the form; the first saves; the second's save is refused with the first one's text
    shown next to their own input (kept); after merging, the second save goes through."""
    first, second = cast.client(cast.leader), cast.client(cast.member)
    assert first.get(url(cast, "diagnosis_findings")).status_code == 200
    assert second.get(url(cast, "diagnosis_findings")).status_code == 200
    version = NeedsAssessment.objects.get(engagement=cast.engagement).version

    response = first.post(url(cast, "diagnosis_findings"), findings_data(version, problems="Problem Lidii"))
    assert response.status_code == 302
    response = second.post(url(cast, "diagnosis_findings"), findings_data(version, problems="Problem Marka"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ktoś zapisał zmiany w tym samym czasie" in body
    assert "Lidia Liderka" in body  # who saved in between
    assert "Problem Lidii" in body  # their saved text, shown
    assert "\nProblem Marka</textarea>" in body  # the user's own input, kept in the form
    assessment = NeedsAssessment.objects.get(engagement=cast.engagement)
    assert assessment.problems == "Problem Lidii" and assessment.version == version + 1
    # The form now carries the version just saved, so the merged text saves.
    assert f'name="version" value="{version + 1}"' in body
    response = second.post(
        url(cast, "diagnosis_findings"), findings_data(version + 1, problems="Problem Lidii\nProblem Marka")
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.problems == "Problem Lidii\nProblem Marka" and assessment.updated_by == cast.member
    saves = AuditEntry.objects.filter(action="diagnosis.saved").order_by("pk")
    assert [e.actor for e in saves] == [cast.leader, cast.member]
    assert saves.last().changes["problems"] == ["Problem Lidii", "Problem Lidii\nProblem Marka"]


def test_save_findings_service_refuses_a_stale_version(cast):
    assessment = diagnosis.ensure_assessment(engagement=cast.engagement)
    diagnosis.save_findings(assessment=assessment, expected_version=1, values={"needs": "A"}, by=cast.leader)
    with pytest.raises(StaleEdit) as stale:
        diagnosis.save_findings(assessment=assessment, expected_version=1, values={"needs": "B"}, by=cast.member)
    assert stale.value.current.needs == "A"


def test_post_pandemic_needs_only_where_the_edition_asks(cast):
    client = cast.client(cast.leader)
    assert "Potrzeby popandemiczne" not in client.get(url(cast, "diagnosis_findings")).content.decode()
    cast.edition.diagnosis_asks_post_pandemic_needs = True
    cast.edition.save()
    assert "Potrzeby popandemiczne" in client.get(url(cast, "diagnosis_findings")).content.decode()


def test_findings_reject_over_long_text_and_show_script_as_text(cast):
    client = cast.client(cast.advisor)  # advisors write the diagnosis with the team
    client.get(url(cast, "diagnosis_findings"))
    body = client.post(url(cast, "diagnosis_findings"), findings_data(1, needs="x" * 10001)).content.decode()
    assert "Tekst jest za długi: najwyżej 10000 znaków" in body
    assert (
        client.post(
            url(cast, "diagnosis_findings"), findings_data(1, needs='<script>alert("x")</script><img src=x onerror=1>')
        ).status_code
        == 302
    )
    page = client.get(url(cast, "diagnosis")).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=1&gt;" in page
    assert "<script>alert" not in page and "<img src=x" not in page


def test_version_field_tampering_is_a_form_error_not_a_500(cast):
    client = cast.client(cast.leader)
    client.get(url(cast, "diagnosis_findings"))
    response = client.post(url(cast, "diagnosis_findings"), findings_data("abc"))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value", "dużo", "Wartość musi być liczbą"),
        ("value", "-5", "nie może być ujemna"),
        ("year", "1890", "Podaj rok od 1990"),
        ("year", "", "Podaj rok, którego dotyczy wartość."),
        ("source", "", "Podaj źródło danych"),
        ("label", "y" * 201, "najwyżej 200 znaków"),
    ],
)
def test_figure_form_bad_input(cast, field, value, message):
    data = {"topic": "pupils", "label": "uczniowie SP", "value": "1 234,5", "unit": "osób", "year": "2023"}
    data["source"] = "SIO, 30.09.2023"
    data[field] = value
    response = cast.client(cast.member).post(url(cast, "figure_add"), data)
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert not ContextFigure.objects.exists()


def test_figure_with_polish_number_format_is_stored_and_removed(cast):
    data = {"topic": "spending", "label": "wydatki bieżące", "value": "1 234,50", "unit": "zł", "year": "2023"}
    data["source"] = "Rb-28S 2023"
    client = cast.client(cast.member)
    assert client.post(url(cast, "figure_add"), data).status_code == 302
    figure = ContextFigure.objects.get()
    assert figure.value == Decimal("1234.50") and figure.added_by == cast.member
    page = client.get(url(cast, "diagnosis")).content.decode()
    assert "wydatki bieżące" in page and "Rb-28S 2023" in page
    assert client.post(url(cast, "figure_remove", figure_pk=figure.pk)).status_code == 302
    assert not ContextFigure.objects.exists()
    assert AuditEntry.objects.filter(action="diagnosis.figure_removed").exists()


def test_school_view_needs_some_content_and_uses_locking(cast):
    client = cast.client(cast.director)
    page = client.get(url(cast, "perspective_add")).content.decode()
    assert 'value="Szkoła Podstawowa nr 1 w Alfie"' in page  # the director starts from their own school
    body = client.post(url(cast, "perspective_add"), {"school_name": "SP 1"}).content.decode()
    assert "Opisz co najmniej mocne strony" in body
    assert client.post(url(cast, "perspective_add"), {"school_name": "SP 1", "needs": "Wsparcie"}).status_code == 302
    view = cast.engagement.assessment.school_perspectives.get()
    edit = url(cast, "perspective_edit", perspective_pk=view.pk)
    assert cast.client(cast.leader).post(edit, {"school_name": "SP 1", "needs": "A", "version": "1"}).status_code == 302
    body = client.post(edit, {"school_name": "SP 1", "needs": "B", "version": "1"}).content.decode()
    assert "Ktoś zapisał zmiany w tym samym czasie" in body and "\nB</textarea>" in body


def test_priorities_ratings_must_be_1_to_5(cast):
    client = cast.client(cast.member)
    for bad in ["0", "6", "pięć"]:
        body = client.post(url(cast, "priority_add"), {"title": "P", "importance": bad, "feasibility": "3"}).content
        assert "Ocena to liczba od 1 do 5." in body.decode()
    assert not DevelopmentPriority.objects.exists()
    body = client.post(url(cast, "priority_add"), {"title": ""}).content.decode()
    assert "Nazwij priorytet." in body


def test_ranking_is_importance_times_feasibility(cast):
    for title, importance, feasibility in [
        ("Niski", 2, 2),
        ("Wysoki", 5, 4),
        ("Bez oceny", None, None),
        ("Średni", 3, 3),
    ]:
        diagnosis.add_priority(
            engagement=cast.engagement, title=title, importance=importance, feasibility=feasibility, by=cast.member
        )
    from apps.engagements.selectors import ranked_priorities

    assert [p.title for p in ranked_priorities(cast.engagement)] == ["Wysoki", "Średni", "Niski", "Bez oceny"]
    page = cast.client(cast.member).get(url(cast, "priorities")).content.decode()
    assert page.index("Wysoki") < page.index("Średni") < page.index("Niski") < page.index("Bez oceny")


def selection(priorities, chosen, goals=None):
    data = {}
    for p in priorities:
        data[f"version_{p.pk}"] = str(p.version)
        data[f"goal_{p.pk}"] = (goals or {}).get(p.pk, "")
        if p.pk in chosen:
            data[f"select_{p.pk}"] = "on"
    return data


def test_selecting_zero_or_four_priorities_or_no_goal_is_refused(cast):
    priorities = [DevelopmentPriorityFactory(engagement=cast.engagement, is_selected=False, goal="") for _ in range(4)]
    client = cast.client(cast.leader)
    body = client.post(url(cast, "priorities"), selection(priorities, [])).content.decode()
    assert "Wybierz co najmniej jeden priorytet rozwojowy." in body
    all_four = [p.pk for p in priorities]
    goals = {p.pk: "Cel" for p in priorities}
    body = client.post(url(cast, "priorities"), selection(priorities, all_four, goals)).content.decode()
    assert "Wybierz najwyżej 3 priorytety rozwojowe (zaznaczono: 4)." in body
    body = client.post(url(cast, "priorities"), selection(priorities, all_four[:2], {})).content.decode()
    assert "Wpisz cel wybranego priorytetu." in body
    assert not DevelopmentPriority.objects.filter(is_selected=True).exists()
    response = client.post(url(cast, "priorities"), selection(priorities, all_four[:2], goals))
    assert response.status_code == 302
    assert set(DevelopmentPriority.objects.filter(is_selected=True).values_list("pk", flat=True)) == set(all_four[:2])


def test_advisors_rate_but_do_not_select(cast):
    priority = DevelopmentPriorityFactory(engagement=cast.engagement, is_selected=False, goal="")
    client = cast.client(cast.advisor)
    assert client.get(url(cast, "priority_edit", priority_pk=priority.pk)).status_code == 200
    response = client.post(url(cast, "priorities"), selection([priority], [priority.pk], {priority.pk: "Cel"}))
    assert response.status_code == 404


def test_stale_selection_is_refused_with_the_changes_shown(cast):
    priority = DevelopmentPriorityFactory(engagement=cast.engagement, is_selected=False, goal="", title="Czytanie")
    stale = selection([priority], [priority.pk], {priority.pk: "Mój cel"})
    diagnosis.update_priority(priority=priority, expected_version=1, values={"importance": 5}, by=cast.advisor)
    body = cast.client(cast.leader).post(url(cast, "priorities"), stale).content.decode()
    assert "Ktoś zapisał zmiany w tym samym czasie" in body
    assert "Mój cel</textarea>" in body
    priority.refresh_from_db()
    assert not priority.is_selected and priority.importance == 5
    assert f'name="version_{priority.pk}" value="2"' in body


def test_stale_priority_edit_is_refused(cast):
    priority = DevelopmentPriorityFactory(engagement=cast.engagement, is_selected=False, goal="")
    edit = url(cast, "priority_edit", priority_pk=priority.pk)
    data = {"title": "Wersja A", "importance": "4", "feasibility": "4", "version": "1"}
    assert cast.client(cast.leader).post(edit, data).status_code == 302
    body = cast.client(cast.member).post(edit, data | {"title": "Wersja B"}).content.decode()
    assert "Ktoś zapisał zmiany w tym samym czasie" in body and "Wersja A" in body and 'value="Wersja B"' in body


def test_priorities_are_fixed_after_the_diagnosis(cast):
    priority = DevelopmentPriorityFactory(engagement=cast.engagement)
    cast.engagement.stage = Stage.PLAN
    cast.engagement.save()
    with pytest.raises(ValidationError, match="już ustalone"):
        diagnosis.add_priority(engagement=cast.engagement, title="Późny", by=cast.leader)
    response = cast.client(cast.leader).get(url(cast, "priority_edit", priority_pk=priority.pk), follow=True)
    assert "Priorytety są już ustalone" in response.content.decode()


def test_guard_before_the_hdr_and_advancing_through_the_page(cast):
    area = cast.edition.catalogue_version.areas.first()
    ChosenArea.objects.create(
        engagement=cast.engagement, area=area, justification="x", confirmed_at="2026-01-01T10:00Z"
    )
    services.advance_stage(engagement=cast.engagement, to=Stage.DIAGNOSIS, by=cast.advisor)
    reasons = services.blockers_for(engagement=cast.engagement, stage=Stage.PLAN)
    assert "Diagnoza potrzeb nie ma jeszcze wniosków: opisz problemy i potrzeby." in reasons
    assert "Wybierz od 1 do 3 priorytetów rozwojowych (wybrano: 0)." in reasons
    client = cast.client(cast.member)
    page = client.get(url(cast, "detail")).content.decode()
    assert "Aby przejść dalej, trzeba jeszcze:" in page
    response = client.post(url(cast, "advance"), {"to": Stage.PLAN}, follow=True)
    assert "Nie można jeszcze przejść dalej" in response.content.decode()

    assessment = diagnosis.ensure_assessment(engagement=cast.engagement)
    diagnosis.save_findings(
        assessment=assessment, expected_version=1, values={"problems": "P", "needs": "N"}, by=cast.member
    )
    chosen = DevelopmentPriorityFactory(engagement=cast.engagement, is_selected=True, goal="   ")
    assert "nie ma celu" in " ".join(services.blockers_for(engagement=cast.engagement, stage=Stage.PLAN))
    chosen.goal = "Cel"
    chosen.save()
    assert services.blockers_for(engagement=cast.engagement, stage=Stage.PLAN) == []
    # Only the next stage can be asked for.
    client.post(url(cast, "advance"), {"to": Stage.SUMMARY})
    cast.engagement.refresh_from_db()
    assert cast.engagement.stage == Stage.DIAGNOSIS
    assert client.post(url(cast, "advance"), {"to": Stage.PLAN}).status_code == 302
    cast.engagement.refresh_from_db()
    assert cast.engagement.stage == Stage.PLAN


def test_diagnosis_pdf_has_the_jst_the_figures_and_the_priorities(cast):
    from apps.documents.models import GeneratedDocument
    from apps.documents.pdf import pdf_text

    assessment = diagnosis.ensure_assessment(engagement=cast.engagement)
    diagnosis.save_findings(
        assessment=assessment,
        expected_version=1,
        values={"problems": "Zażółć gęślą jaźń: mało danych", "needs": "Potrzeby <b>szkół</b>"},
        by=cast.member,
    )
    diagnosis.add_context_figure(
        assessment=assessment,
        data=diagnosis.FigureData(
            topic="pupils",
            label="uczniowie szkół podstawowych",
            value=Decimal("812"),
            unit="osób",
            year=2023,
            source="SIO",
        ),
        by=cast.member,
    )
    DevelopmentPriorityFactory(engagement=cast.engagement, title="Wsparcie uczniów zdolnych", goal="Więcej zajęć")
    response = cast.client(cast.member).post(url(cast, "diagnosis_pdf"))
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and str(document.pk) in response["Location"]
    assert document.status == "done", document.error
    with document.file.open("rb") as stored:
        text = pdf_text(stored.read())
    for expected in [
        "Gmina Alfa",
        "Zażółć gęślą jaźń",
        "uczniowie szkół podstawowych",
        "Wsparcie uczniów zdolnych",
        "Więcej zajęć",
        "Potrzeby <b>szkół</b>",
    ]:
        assert expected in text, expected


def test_diagnosis_pdf_file_name_keeps_polish_letters_as_ascii(cast):
    from apps.documents.models import GeneratedDocument

    jst = cast.engagement.local_government
    jst.name = jst.display_name = "Powiat bolesławiecki"
    jst.save()
    cast.client(cast.member).post(url(cast, "diagnosis_pdf"))
    assert GeneratedDocument.objects.get().filename == "diagnoza-powiat-boleslawiecki.pdf"
