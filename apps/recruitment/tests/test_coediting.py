"""The applicant fills the Karta zgłoszenia in two windows (issue 9 item 1): after the refused stale save, what
the second window did not change takes what the first one saved, its own change is kept, and a field both
changed is shown side by side."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.catalog.models import Area
from apps.core.form_testing import concurrent_edit
from apps.core.testing import sign_in
from apps.recruitment.factories import ApplicationFactory
from apps.recruitment.models import Application

pytestmark = pytest.mark.django_db


def window(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def section_url(application, section: str) -> str:
    return reverse("recruitment:section", kwargs={"pk": application.pk, "section": section})


def test_contact_section_merge_keeps_what_the_other_window_saved(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    refused, final = concurrent_edit(
        section_url(application, "kontakt"),
        first=window(applicant),
        second=window(applicant),
        first_changes={"contact_name": "Jan Kontaktowy", "contact_email": "jan@gmina.example.org"},
        second_changes={"contact_position": "Naczelnik Wydziału Oświaty"},
        field="contact_name",
    )
    assert final.status_code == 302
    application = Application.objects.get(pk=application.pk)
    assert (application.contact_name, application.contact_email, application.contact_position) == (
        "Jan Kontaktowy",
        "jan@gmina.example.org",
        "Naczelnik Wydziału Oświaty",
    )
    body = refused.content.decode()
    assert "Ktoś zapisał zmiany w tym samym czasie" in body and "w innym oknie lub karcie" in body


def test_motivation_section_merge_keeps_the_areas_the_other_window_chose(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, motivation="")
    areas = list(Area.objects.filter(version=edition.catalogue_version).order_by("order", "name")[:2])
    refused, final = concurrent_edit(
        section_url(application, "motywacja"),
        first=window(applicant),
        second=window(applicant),
        first_changes={"areas": [str(area.pk) for area in areas]},
        second_changes={"motivation": "Chcemy lepiej planować sieć szkół."},
        field="motivation",
    )
    assert final.status_code == 302
    application = Application.objects.get(pk=application.pk)
    assert application.motivation == "Chcemy lepiej planować sieć szkół."
    assert set(application.areas.all()) == set(areas)
    assert refused.context["conflict"].fields == []


def test_motivation_both_changed_is_shown_side_by_side(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant, motivation="")
    refused, _final = concurrent_edit(
        section_url(application, "motywacja"),
        first=window(applicant),
        second=window(applicant),
        first_changes={"motivation": "Z pierwszego okna"},
        second_changes={"motivation": "Z drugiego okna"},
        field="motivation",
    )
    [row] = refused.context["conflict"].fields
    assert (row.theirs, row.mine) == ("Z pierwszego okna", "Z drugiego okna")
    assert "Z drugiego okna</textarea>" in refused.content.decode()


def test_team_section_merge_keeps_the_rows_the_other_window_saved(edition, jst, applicant):
    application = ApplicationFactory(edition=edition, local_government=jst, applicant=applicant)
    refused, final = concurrent_edit(
        section_url(application, "zespol"),
        first=window(applicant),
        second=window(applicant),
        first_changes={"zespol-0-full_name": "Anna Pierwsza", "zespol-0-email": "anna@gmina.example.org"},
        second_changes={"zespol-1-full_name": "Bogdan Drugi", "zespol-1-position": "Dyrektor szkoły"},
        field="zespol-0-full_name",
    )
    assert final.status_code == 302
    team = {m.full_name: m for m in Application.objects.get(pk=application.pk).team.all()}
    assert team["Bogdan Drugi"].position == "Dyrektor szkoły"
    assert team["Anna Pierwsza"].email == "anna@gmina.example.org"
    assert "Ktoś zapisał zmiany w tym samym czasie" in refused.content.decode()
