from django.urls import reverse

from apps.core.testing import sign_in
from apps.events import selectors, services


def test_participants_rate_topics_and_propose_results_ranked_per_group_and_a_topic_becomes_a_session(cast, client):
    budget = services.add_topic(event=cast.event, by=cast.organiser, family="education_tasks", title="Budżet oświaty")
    teamwork = services.add_topic(event=cast.event, by=cast.organiser, family="soft_skills", title="Praca zespołowa")
    services.submit_needs(event=cast.event, user=cast.anna, group="rural_gminy", ratings={budget.pk: 5, teamwork.pk: 2})
    services.submit_needs(
        event=cast.event,
        user=cast.bartek,
        group="rural_gminy",
        ratings={budget.pk: 3, teamwork.pk: 2},
        proposal="Dowożenie uczniów",
        family="education_tasks",
    )
    services.submit_needs(event=cast.event, user=cast.dawid, group="powiaty", ratings={teamwork.pk: 5})
    results = {r.group: r for r in selectors.needs_results(cast.event)}
    rural = results["rural_gminy"]
    assert [(s.topic.title, s.average, s.votes) for s in rural.ranked] == [
        ("Budżet oświaty", 4.0, 2),
        ("Praca zespołowa", 2.0, 2),
    ]
    assert [t.title for t in rural.proposals] == ["Dowożenie uczniów"]
    assert [s.topic.title for s in results["powiaty"].ranked] == ["Praca zespołowa"]
    # Rating again replaces the earlier rating.
    services.submit_needs(
        event=cast.event, user=cast.anna, group="rural_gminy", ratings={budget.pk: 1, teamwork.pk: None}
    )
    rural = {r.group: r for r in selectors.needs_results(cast.event)}["rural_gminy"]
    assert [(s.topic.title, s.average, s.votes) for s in rural.ranked] == [
        ("Budżet oświaty", 2.0, 2),
        ("Praca zespołowa", 2.0, 1),
    ]
    # The organiser turns the top topic into a session: the form comes filled in and the session keeps the topic.
    sign_in(client, cast.organiser)
    url = reverse("events:session_create", kwargs={"pk": cast.event.pk}) + f"?temat={budget.pk}&grupa=rural_gminy"
    page = client.get(url).content.decode()
    assert 'value="Budżet oświaty"' in page
    response = client.post(
        url,
        {
            "kind": "session",
            "day": cast.event.starts_on.isoformat(),
            "starts_at": "09:00",
            "duration_minutes": "90",
            "workshop_group": "rural_gminy",
            "title": "Budżet oświaty",
            "topic_family": "education_tasks",
            "topic": str(budget.pk),
        },
    )
    assert response.status_code == 302
    assert budget.sessions.get().workshop_group == "rural_gminy"


def test_the_needs_form_for_an_invited_participant(cast, client):
    topic = services.add_topic(event=cast.event, by=cast.organiser, family="soft_skills", title="Komunikacja")
    sign_in(client, cast.anna)
    url = reverse("events:needs", kwargs={"pk": cast.event.pk})
    assert "Komunikacja" in client.get(url).content.decode()
    response = client.post(url, {f"topic_{topic.pk}": "4", "proposal": "Moja propozycja", "family": ""})
    assert response.status_code == 200 and "obszar tematyczny swojej propozycji" in response.content.decode()
    response = client.post(url, {f"topic_{topic.pk}": "4", "proposal": "Moja propozycja", "family": "soft_skills"})
    assert response.status_code == 302
    assert topic.ratings.get().score == 4 and topic.ratings.get().workshop_group == "rural_gminy"
