"""Two people edit the same diagnosis or priority at once (issue 9 item 1): after the refused stale save, the
fields the second person did not change take what the first one saved, their own change is kept, and a field
both changed is shown side by side for them to decide."""

import pytest
from django.urls import reverse

from apps.core.form_testing import concurrent_edit, form_data, post_form
from apps.engagements.factories import DevelopmentPriorityFactory
from apps.engagements.models import DevelopmentPriority, NeedsAssessment

pytestmark = pytest.mark.django_db


def url(cast, name, **kwargs):
    return reverse(f"engagements:{name}", kwargs={"pk": cast.engagement.pk, **kwargs})


def test_diagnosis_merge_keeps_the_fields_only_the_other_person_saved(cast):
    """A saves three fields; B changed only the data sources: B's merge keeps A's three fields."""
    refused, final = concurrent_edit(
        url(cast, "diagnosis_findings"),
        first=cast.client(cast.leader),
        second=cast.client(cast.member),
        first_changes={"strengths": "Dobra sieć szkół", "problems": "Rosnące koszty dowozu", "needs": "Plan sieci"},
        second_changes={"data_sources": "SIO 2024"},
        field="problems",
    )
    assert final.status_code == 302
    saved = NeedsAssessment.objects.get(engagement=cast.engagement)
    assert (saved.strengths, saved.problems, saved.needs) == ("Dobra sieć szkół", "Rosnące koszty dowozu", "Plan sieci")
    assert saved.data_sources == "SIO 2024"
    body = refused.content.decode()
    assert "Ktoś zapisał zmiany w tym samym czasie" in body
    assert "Dobra sieć szkół</textarea>" in body and "SIO 2024</textarea>" in body


def test_diagnosis_field_both_changed_is_shown_side_by_side_with_who_and_when(cast):
    refused, final = concurrent_edit(
        url(cast, "diagnosis_findings"),
        first=cast.client(cast.leader),
        second=cast.client(cast.member),
        first_changes={"problems": "Tekst liderki", "needs": "Potrzeby liderki"},
        second_changes={"problems": "Tekst członkini"},
        field="problems",
    )
    conflict = refused.context["conflict"]
    assert [row.label for row in conflict.fields] == ["Problemy"]
    assert (conflict.fields[0].theirs, conflict.fields[0].mine) == ("Tekst liderki", "Tekst członkini")
    assert conflict.by == cast.leader.full_name and conflict.at is not None
    body = refused.content.decode()
    assert "Pola, które różnią się od zapisanej wersji" in body and f"Wersja zapisana: {cast.leader.full_name}" in body
    assert "Tekst członkini</textarea>" in body  # B's input stays in the field until B decides
    assert "Potrzeby liderki</textarea>" in body  # only A changed this one
    saved = NeedsAssessment.objects.get(engagement=cast.engagement)
    assert (saved.problems, saved.needs) == ("Tekst członkini", "Potrzeby liderki")  # B kept theirs, on purpose


def test_priority_merge_keeps_the_ratings_the_other_person_saved(cast):
    priority = DevelopmentPriorityFactory(engagement=cast.engagement, title="Czytanie", importance=2, feasibility=2)
    refused, final = concurrent_edit(
        url(cast, "priority_edit", priority_pk=priority.pk),
        first=cast.client(cast.advisor),
        second=cast.client(cast.leader),
        first_changes={"importance": "5", "description": "Opis doradcy"},
        second_changes={"title": "Czytanie ze zrozumieniem"},
        field="title",
    )
    assert final.status_code == 302
    priority = DevelopmentPriority.objects.get(pk=priority.pk)
    assert (priority.title, priority.description, priority.importance, priority.feasibility) == (
        "Czytanie ze zrozumieniem",
        "Opis doradcy",
        5,
        2,
    )
    assert refused.context["conflict"].fields == []


def test_priority_selection_merge_keeps_the_goal_the_other_person_saved(cast):
    first = DevelopmentPriorityFactory(engagement=cast.engagement, title="Czytanie", is_selected=False, goal="")
    second = DevelopmentPriorityFactory(engagement=cast.engagement, title="Remonty", is_selected=False, goal="")
    page = url(cast, "priorities")
    leader, member = cast.client(cast.leader), cast.client(cast.member)
    form_b = form_data(member.get(page), f"goal_{first.pk}")
    form_a = form_data(leader.get(page), f"goal_{first.pk}")
    assert (
        post_form(leader, page, form_a, {f"select_{first.pk}": "on", f"goal_{first.pk}": "Cel liderki"}).status_code
        == 302
    )
    refused = post_form(member, page, form_b, {f"select_{second.pk}": "on", f"goal_{second.pk}": "Cel członkini"})
    assert post_form(member, page, form_data(refused, f"goal_{first.pk}")).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_selected, first.goal, second.is_selected, second.goal) == (
        True,
        "Cel liderki",
        True,
        "Cel członkini",
    )
    assert "Ktoś zapisał zmiany w tym samym czasie" in refused.content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_end_in_one_save_and_one_conflict_never_an_error(cast):
    """Both people press "save" at once from the same loaded form: one save goes through, the other is refused with
    the merge, and neither sees a server error."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        # The in-memory test database of SQLite answers "table is locked" at once to a second writer (shared cache
        # ignores the busy timeout); SQLite under concurrent use is issue 9 item 2. CI runs this on PostgreSQL.
        pytest.skip("Concurrent writers need PostgreSQL (CI runs it); SQLite serialises the whole database.")
    page = url(cast, "diagnosis_findings")
    people = [(cast.client(cast.leader), "Tekst liderki"), (cast.client(cast.member), "Tekst członkini")]
    forms = [form_data(client.get(page), "problems") for client, _text in people]
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def save(client, form, text):
        try:
            barrier.wait()
            client.raise_request_exception = True
            outcomes.append(post_form(client, page, form, {"problems": text}).status_code)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(client, form, text))
        for (client, text), form in zip(people, forms, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(outcomes) == [200, 302]
    assert NeedsAssessment.objects.get(engagement=cast.engagement).problems in {"Tekst liderki", "Tekst członkini"}
