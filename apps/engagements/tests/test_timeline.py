"""The timeline stores what happened and is read in the reader's language; one call writes it and the audit entry."""

import importlib

import pytest
from django.apps import apps as global_apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from apps.audit.models import AuditEntry
from apps.engagements import diagnosis, services
from apps.engagements.models import Stage, TimelineEntry
from apps.engagements.tests.test_team import member_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_polish():
    # A request in English leaves English active in this thread; the tests after these expect Polish.
    yield
    translation.activate(settings.LANGUAGE_CODE)


migration = importlib.import_module("apps.engagements.migrations.0003_timeline_codes")


def detail(cast, user, language):
    client = cast.client(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(reverse("engagements:detail", kwargs={"pk": cast.engagement.pk})).content.decode()


def timeline_html(page: str) -> str:
    return page.split('id="os-czasu"', 1)[1].split("</section>", 1)[0]


def test_one_call_writes_the_scoped_audit_entry_and_the_timeline_entry(cast):
    services.add_team_member(engagement=cast.engagement, data=member_data(), by=cast.leader)
    audit = AuditEntry.objects.get(action="team.member_added")
    entry = cast.engagement.timeline.get(kind="team")
    assert (audit.edition_id, audit.engagement_id) == (cast.edition.pk, cast.engagement.pk)
    assert (entry.code, entry.params, entry.text) == ("team.member_added", {"name": "Nowa Osoba"}, "")
    # The whole engagement's history is one indexed filter away, whatever the target.
    assert list(AuditEntry.objects.filter(engagement_id=cast.engagement.pk).values_list("action", flat=True)) == [
        "team.member_added"
    ]


def test_the_timeline_reads_in_english_with_polish_content_marked(cast):
    area = cast.edition.catalogue_version.areas.order_by("order").first()
    services.choose_areas(
        engagement=cast.engagement, choices=[services.AreaChoice(area=area, justification="Bo tak")], by=cast.leader
    )
    services.confirm_areas(engagement=cast.engagement, by=cast.advisor)
    assessment = diagnosis.ensure_assessment(engagement=cast.engagement)
    diagnosis.save_findings(assessment=assessment, expected_version=1, values={"problems": "Mało"}, by=cast.member)

    english = timeline_html(detail(cast, cast.leader, "en"))
    assert "Needs assessment saved (problems)." in english
    assert "New stage: 2. Needs assessment and priorities." in english
    assert f'The advisor confirmed the area: <span lang="pl">{area.name}</span>.' in english
    for polish in ["Zapisano", "Nowy etap", "Doradca potwierdził"]:
        assert polish not in english

    polish_page = timeline_html(detail(cast, cast.leader, "pl"))
    assert "Zapisano diagnozę potrzeb (problemy)." in polish_page
    assert f"Doradca potwierdził obszar: {area.name}." in polish_page
    assert 'lang="pl"' not in polish_page  # the page itself is Polish


def test_old_sentences_become_codes_and_unknown_ones_stay_readable(cast):
    old = {
        "Nowy etap: 3. Harmonogram Działań Rozwojowych.": ("engagement.stage_changed", {"stage": Stage.PLAN}),
        "Doradca ds. rozwiązań zarządczych zatwierdza HDR (wersja 2).": (
            "plan.approved_by_advisor",
            {"role": "management", "number": 2},
        ),
        "Zapisano diagnozę potrzeb (mocne strony, problemy).": (
            "diagnosis.saved",
            {"sections": ["strengths", "problems"]},
        ),
        "Wybrane priorytety rozwojowe: Czytanie; Liczenie.": (
            "priority.selected",
            {"titles": ["Czytanie", "Liczenie"]},
        ),
        "Doradca ds. personalnego rozwoju edukacji: Adam Doradca.": (
            "advisors.assigned",
            {"role": "personal_development", "name": "Adam Doradca"},
        ),
        "Coś, czego usługi nigdy nie pisały.": ("", {}),
    }
    rows = {text: TimelineEntry.objects.create(engagement=cast.engagement, kind="x", text=text) for text in old}
    migration.forwards(global_apps, None)
    for text, (code, params) in old.items():
        rows[text].refresh_from_db()
        assert (rows[text].code, rows[text].params, rows[text].text) == (code, params, text)

    english = timeline_html(detail(cast, cast.leader, "en"))
    assert "Needs assessment saved (strengths, problems)." in english
    assert "Management solutions advisor approves the HDR (version 2)." in english
    assert 'Advisor for personal development in education: <span lang="pl">Adam Doradca</span>.' in english
    # A sentence no code matches is shown as it was stored, marked as Polish.
    assert '<span lang="pl">Coś, czego usługi nigdy nie pisały.</span>' in english
