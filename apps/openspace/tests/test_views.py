import itertools
from datetime import time

from django.urls import reverse

from apps.core.testing import assert_constant_queries, count_queries, sign_in
from apps.documents.pdf import pdf_text
from apps.engagements.factories import EngagementFactory
from apps.events.models import Registration
from apps.openspace.documents import build_conclusions_pdf
from apps.openspace.factories import GroupFactory, TopicFactory, participant
from apps.openspace.models import Conclusion, Follower, Membership, Vote
from tests.access.submission import form_data, request_data

counter = itertools.count()
# The polled answer costs this many queries whatever the number of topics, votes and participants: the session,
# the user, the role facts (memberships), the open space, the viewer's registration, the counts, the viewer's votes.
POLL_QUERIES = 7


def _url(name, space, **kwargs):
    return reverse(f"openspace:{name}", kwargs={"pk": space.pk, **kwargs})


def _grow(cast):
    """More of everything the pages iterate: topics (with proposers' JSTs), voters, votes, followers, groups with
    members and conclusions."""
    edition = cast.event.planned_event.edition

    def build(n):
        for _ in range(n):
            i = next(counter)
            engagement = EngagementFactory(edition=edition)
            voter = participant(cast.space, full_name=f"Osoba {i}")
            Registration.objects.filter(user=voter).update(engagement=engagement)
            topic = TopicFactory(open_space=cast.space, title=f"Temat {i}", proposer_jst=engagement.local_government)
            Vote.objects.create(open_space=cast.space, topic=topic, user=voter)
            Follower.objects.create(topic=topic, user=voter)
            group = GroupFactory(topic=topic, moderator=cast.trainer)
            Membership.objects.create(group=group, user=voter)
            Conclusion.objects.create(group=group, solutions=f"Rozwiązanie {i}")

    return build


def _page(client, url, **headers):
    def request():
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
        return response

    return request


def test_the_polled_counts_are_small_and_at_a_constant_query_count(cast, client):
    cast.space.phase = "voting"
    cast.space.save()
    sign_in(client, cast.anna)
    url = _url("counts", cast.space)
    queries = assert_constant_queries(
        build=_grow(cast), request=_page(client, url, **{"HX-Request": "true"}), few=1, many=8
    )
    assert queries == POLL_QUERIES
    response = client.get(url, headers={"HX-Request": "true"})
    assert b"<html" not in response.content and len(response.content) < 8000
    assert b"Pozosta" in response.content  # the remaining votes


def test_the_participant_pages_do_not_grow_with_rows(cast, client):
    cast.space.phase = "working"
    cast.space.save()
    sign_in(client, cast.organiser)
    build = _grow(cast)
    for name in ("market", "groups", "conclusions", "plenary", "moderate", "export_xlsx"):
        assert_constant_queries(build=build, request=_page(client, _url(name, cast.space)), few=1, many=4)


def test_the_market_shows_counts_remaining_votes_and_polls_them(cast, client):
    topic = TopicFactory(open_space=cast.space, title="Opieka pielęgniarska w przedszkolu")
    cast.space.phase = "voting"
    cast.space.save()
    Vote.objects.create(open_space=cast.space, topic=topic, user=cast.bartek)
    sign_in(client, cast.anna)
    page = client.get(_url("market", cast.space)).content.decode()
    assert 'hx-get="' + _url("counts", cast.space) + '"' in page
    assert "Pozostałe głosy: <strong>3</strong> z 3" in page
    response = client.post(_url("vote", cast.space, topic_pk=topic.pk), follow=True)
    assert "Pozostałe głosy: <strong>2</strong> z 3" in response.content.decode()
    assert Vote.objects.filter(topic=topic).count() == 2


def test_people_outside_the_event_get_404(cast, client):
    sign_in(client, cast.outsider)
    for name in ("market", "counts", "plenary", "conclusions"):
        assert client.get(_url(name, cast.space)).status_code == 404


def _form(client, url, changes):
    page = client.get(url)
    assert page.status_code == 200
    return request_data(form_data(page.content, url, url, changes))


def test_two_people_writing_conclusions_at_once_lose_nothing(cast, client, django_user_model):
    from django.test import Client

    group = GroupFactory(topic=TopicFactory(open_space=cast.space), moderator=cast.trainer, scribe=cast.anna)
    conclusion = Conclusion.objects.create(group=group)
    cast.space.phase = "working"
    cast.space.save()
    url = _url("conclusion_edit", cast.space, group_pk=group.pk)
    trainer, anna = Client(), Client()
    sign_in(trainer, cast.trainer)
    sign_in(anna, cast.anna)
    trainers = _form(trainer, url, {"solutions": "Porozumienie gmin z NFZ."})
    annas = _form(anna, url, {"recommendations": "Zatrudnić pielęgniarkę wspólnie z sąsiednią gminą."})
    assert trainer.post(url, trainers).status_code == 302
    refused = anna.post(url, annas)
    assert refused.status_code == 200  # stale: merged three-way, shown to her before saving
    page = refused.content.decode()
    assert "Porozumienie gmin z NFZ." in page  # the trainer's field taken into her form
    merged = request_data(form_data(refused.content, url, url, {}))
    assert anna.post(url, merged).status_code == 302
    conclusion.refresh_from_db()
    assert conclusion.solutions == "Porozumienie gmin z NFZ."
    assert conclusion.recommendations == "Zatrudnić pielęgniarkę wspólnie z sąsiednią gminą."


def test_the_same_field_typed_by_two_shows_both_texts(cast, client):
    from django.test import Client

    group = GroupFactory(topic=TopicFactory(open_space=cast.space), moderator=cast.trainer, scribe=cast.anna)
    Conclusion.objects.create(group=group)
    url = _url("conclusion_edit", cast.space, group_pk=group.pk)
    trainer, anna = Client(), Client()
    sign_in(trainer, cast.trainer)
    sign_in(anna, cast.anna)
    first = _form(trainer, url, {"solutions": "Tekst Tomasza."})
    second = _form(anna, url, {"solutions": "Tekst Anny."})
    trainer.post(url, first)
    page = anna.post(url, second).content.decode()
    assert "Tekst Tomasza." in page and "Tekst Anny." in page


def test_exports_hold_the_conclusions(cast, client):
    topic = TopicFactory(open_space=cast.space, title="Praktyczna nauka zawodu – skąd wziąć specjalistów?")
    group = GroupFactory(
        topic=topic, moderator=cast.trainer, room="Sala Kopernik", starts_at=time(14, 0), ends_at=time(15, 30)
    )
    Membership.objects.create(group=group, user=cast.anna)
    Conclusion.objects.create(group=group, solutions="Umowy z pracodawcami; nauczyciele z branży.")
    _name, data, mime = build_conclusions_pdf(cast.space, lambda p: None)
    text = pdf_text(data)
    assert mime == "application/pdf"
    assert "Praktyczna nauka zawodu" in text and "Umowy z pracodawcami" in text and "Anna Nowak" in text
    sign_in(client, cast.anna)
    response = client.get(_url("export_xlsx", cast.space))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")


def test_the_plenary_view_has_no_chrome_and_the_moderator_moves_it(cast, client):
    for title in ("Pierwszy", "Drugi"):
        group = GroupFactory(topic=TopicFactory(open_space=cast.space, title=title))
        Conclusion.objects.create(group=group, solutions=f"Wnioski: {title}")
    cast.space.phase = "plenary"
    cast.space.save()
    sign_in(client, cast.trainer)
    page = client.get(_url("plenary", cast.space)).content.decode()
    assert "site-header" not in page and "Wnioski: Pierwszy" in page and 'data-plenary="next"' in page
    client.post(_url("plenary_move", cast.space), {"step": "next"})
    fragment = client.get(_url("plenary", cast.space), headers={"HX-Request": "true"}).content.decode()
    assert "Wnioski: Drugi" in fragment and "<html" not in fragment
    assert count_queries(lambda: client.get(_url("plenary", cast.space), headers={"HX-Request": "true"})) < 15
