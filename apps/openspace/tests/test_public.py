"""The conclusions in the public knowledge base: only a published open space's conclusions whose group agreed,
without names; the knowledge base's index and the event pages link to the open spaces."""

import itertools

from django.urls import reverse
from django.utils import timezone

from apps.core.testing import assert_constant_queries, sign_in
from apps.events.factories import SessionFactory
from apps.openspace import knowledge_base
from apps.openspace.factories import GroupFactory, OpenSpaceFactory, TopicFactory
from apps.openspace.models import Conclusion

counter = itertools.count()


def _conclusion(space, title, *, agreed, moderator=None):
    topic = TopicFactory(open_space=space, title=title, proposer_name="Paulina Proponująca")
    group = GroupFactory(topic=topic, moderator=moderator)
    return Conclusion.objects.create(
        group=group,
        problem=f"Problem grupy {title}",
        solutions=f"Rozwiązania grupy {title}",
        recommendations=f"Rekomendacje grupy {title}",
        participants_note="Jan Gość z gminy",
        publish_publicly=agreed,
    )


def _publish(space):
    space.published_at = timezone.now()
    space.phase = "closed"
    space.save(update_fields=["published_at", "phase"])


def test_a_conclusion_whose_group_did_not_agree_never_appears_publicly(client, cast):
    _conclusion(cast.space, "Zgoda", agreed=True, moderator=cast.trainer)
    _conclusion(cast.space, "Bez zgody", agreed=False, moderator=cast.trainer)
    _publish(cast.space)
    page = client.get(reverse("openspace:public_detail", kwargs={"pk": cast.space.pk}))
    assert page.status_code == 200
    html = page.content.decode()
    for text in ["Problem grupy Zgoda", "Rozwiązania grupy Zgoda", "Rekomendacje grupy Zgoda"]:
        assert text in html
    assert "Bez zgody" not in html
    for name in ["Tomasz Trener", "Paulina Proponująca", "Jan Gość", "Anna Nowak"]:
        assert name not in html  # no moderator, proposer, note on who took part, member
    assert [c.group.topic.title for c in knowledge_base.public_conclusions(cast.space)] == ["Zgoda"]
    listing = client.get(reverse("openspace:public_list")).content.decode()
    assert reverse("openspace:public_detail", kwargs={"pk": cast.space.pk}) in listing


def test_a_published_space_where_no_group_agreed_is_not_public(client, cast):
    _conclusion(cast.space, "Bez zgody", agreed=False)
    _publish(cast.space)
    assert client.get(reverse("openspace:public_detail", kwargs={"pk": cast.space.pk})).status_code == 404
    assert "Bez zgody" not in client.get(reverse("openspace:public_list")).content.decode()
    assert not knowledge_base.public_spaces().exists()


def test_an_empty_agreed_conclusion_shows_nothing(cast):
    topic = TopicFactory(open_space=cast.space)
    Conclusion.objects.create(group=GroupFactory(topic=topic), publish_publicly=True)
    _publish(cast.space)
    assert not knowledge_base.public_conclusions(cast.space).exists()
    assert not knowledge_base.public_spaces().exists()


def test_an_unpublished_space_is_404_even_when_its_groups_agreed(client, cast):
    _conclusion(cast.space, "Zgoda", agreed=True)
    url = reverse("openspace:public_detail", kwargs={"pk": cast.space.pk})
    assert client.get(url).status_code == 404
    sign_in(client, cast.organiser)
    assert client.get(url).status_code == 404  # not even the organiser: the public page is for published ones
    assert not knowledge_base.public_conclusions(cast.space).exists()


def test_the_knowledge_base_index_links_the_public_open_spaces(client, cast):
    index = reverse("publications:public_index")
    public_list = reverse("openspace:public_list")
    assert public_list not in client.get(index).content.decode()
    _conclusion(cast.space, "Zgoda", agreed=True)
    _publish(cast.space)
    assert public_list in client.get(index).content.decode()


def test_the_public_pages_cost_the_same_queries_for_more_spaces_and_conclusions(client, cast):
    _conclusion(cast.space, "Zgoda", agreed=True)
    _publish(cast.space)

    def build(n):
        for _ in range(n):
            i = next(counter)
            _conclusion(cast.space, f"Temat {i}", agreed=True)
            space = OpenSpaceFactory(session=SessionFactory(event=cast.event, title=f"Open space {i}"))
            _conclusion(space, f"Inny {i}", agreed=True)
            _publish(space)

    assert_constant_queries(build=build, request=lambda: client.get(reverse("openspace:public_list")), few=1, many=6)
    assert_constant_queries(
        build=build,
        request=lambda: client.get(reverse("openspace:public_detail", kwargs={"pk": cast.space.pk})),
        few=1,
        many=6,
    )


def test_the_organisers_event_page_links_the_open_space_and_its_preparation(client, cast):
    sign_in(client, cast.organiser)
    html = client.get(reverse("events:manage", kwargs={"pk": cast.event.pk})).content.decode()
    assert reverse("openspace:create", kwargs={"pk": cast.event.pk}) in html
    assert reverse("openspace:moderate", kwargs={"pk": cast.space.pk}) in html


def test_the_participants_event_detail_links_the_market(client, cast):
    sign_in(client, cast.trainer)  # an invited moderator (the cast's participants are not in a JST team)
    html = client.get(reverse("events:detail", kwargs={"pk": cast.event.pk})).content.decode()
    assert reverse("openspace:market", kwargs={"pk": cast.space.pk}) in html
    assert reverse("openspace:create", kwargs={"pk": cast.event.pk}) not in html


def test_the_event_detail_links_cost_the_same_queries_for_more_open_spaces(client, cast):
    sign_in(client, cast.trainer)

    def build(n):
        for _ in range(n):
            OpenSpaceFactory(session=SessionFactory(event=cast.event, title=f"Open space {next(counter)}"))

    assert_constant_queries(
        build=build, request=lambda: client.get(reverse("events:detail", kwargs={"pk": cast.event.pk})), many=5
    )


def test_only_the_sessions_trainer_sees_an_open_space_of_an_event_they_only_teach_in(cast):
    from apps.accounts.factories import UserFactory
    from apps.openspace.selectors import spaces_of_event_for

    teacher, stranger = UserFactory(), UserFactory()
    cast.space.session.trainers.add(teacher)
    other = OpenSpaceFactory(session=SessionFactory(event=cast.event, title="Druga"))
    assert spaces_of_event_for(cast.event, teacher) == [cast.space]
    assert spaces_of_event_for(cast.event, stranger) == []
    assert set(spaces_of_event_for(cast.event, cast.anna)) == {cast.space, other}


def test_the_organisers_event_page_costs_the_same_queries_for_more_open_spaces(client, cast):
    sign_in(client, cast.organiser)

    def build(n):
        for _ in range(n):
            OpenSpaceFactory(session=SessionFactory(event=cast.event, title=f"Open space {next(counter)}"))

    assert_constant_queries(
        build=build, request=lambda: client.get(reverse("events:manage", kwargs={"pk": cast.event.pk})), many=5
    )
