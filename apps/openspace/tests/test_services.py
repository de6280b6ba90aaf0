from datetime import time

import pytest
from django.core.exceptions import ValidationError

from apps.engagements.factories import EngagementFactory
from apps.events.models import Registration
from apps.openspace import services
from apps.openspace.factories import GroupFactory, TopicFactory, participant
from apps.openspace.models import Follower, Membership, Vote


def _topics(cast, n):
    return [TopicFactory(open_space=cast.space, title=f"Temat {i}") for i in range(n)]


def _voting(cast):
    cast.space.phase = "voting"
    cast.space.save()


def test_a_participant_proposes_a_topic_with_their_jst_and_follows_it(cast):
    engagement = EngagementFactory(edition=cast.event.planned_event.edition)
    Registration.objects.filter(user=cast.anna).update(engagement=engagement)
    topic = services.propose_topic(space=cast.space, by=cast.anna, title="  SIO – weryfikacja danych  ", problem="x")
    assert topic.title == "SIO – weryfikacja danych"
    assert topic.proposer_jst == engagement.local_government
    assert topic.proposer_name == "Anna Nowak"
    assert Follower.objects.filter(topic=topic, user=cast.anna).exists()


def test_only_registered_participants_propose_and_only_while_proposing(cast):
    with pytest.raises(ValidationError):
        services.propose_topic(space=cast.space, by=cast.outsider, title="Obcy temat")
    _voting(cast)
    with pytest.raises(ValidationError, match="zgłaszania"):
        services.propose_topic(space=cast.space, by=cast.anna, title="Za późno")


def test_votes_within_the_limit_one_per_topic_movable_until_voting_closes(cast):
    a, b, c, d = _topics(cast, 4)
    _voting(cast)
    for topic in (a, b, c):
        services.cast_vote(space=cast.space, topic=topic, by=cast.anna)
    with pytest.raises(ValidationError, match="Wykorzystano wszystkie głosy"):
        services.cast_vote(space=cast.space, topic=d, by=cast.anna)
    with pytest.raises(ValidationError, match="jeden głos"):
        services.move_vote(space=cast.space, from_topic=a, to_topic=b, by=cast.anna)
    services.move_vote(space=cast.space, from_topic=a, to_topic=d, by=cast.anna)
    assert set(Vote.objects.filter(user=cast.anna).values_list("topic_id", flat=True)) == {b.pk, c.pk, d.pk}
    services.withdraw_vote(space=cast.space, topic=b, by=cast.anna)
    services.cast_vote(space=cast.space, topic=a, by=cast.anna)
    services.set_phase(space=cast.space, by=cast.trainer, phase="proposing")
    with pytest.raises(ValidationError, match="zamknięte"):
        services.withdraw_vote(space=cast.space, topic=a, by=cast.anna)
    assert Vote.objects.filter(user=cast.anna).count() == 3


def test_a_moderator_does_not_vote(cast):
    (a,) = _topics(cast, 1)
    _voting(cast)
    with pytest.raises(ValidationError):
        services.cast_vote(space=cast.space, topic=a, by=cast.trainer)


def test_merging_a_duplicate_carries_votes_and_followers_over_once(cast):
    original, duplicate = _topics(cast, 2)
    _voting(cast)
    services.cast_vote(space=cast.space, topic=original, by=cast.anna)
    services.cast_vote(space=cast.space, topic=duplicate, by=cast.anna)  # both: gets one back
    services.cast_vote(space=cast.space, topic=duplicate, by=cast.bartek)
    Follower.objects.create(topic=duplicate, user=cast.celina)
    services.merge_topics(duplicate=duplicate, into=original, by=cast.trainer)
    duplicate.refresh_from_db()
    assert duplicate.merged_into == original
    assert set(Vote.objects.filter(topic=original).values_list("user_id", flat=True)) == {cast.anna.pk, cast.bartek.pk}
    assert not Vote.objects.filter(topic=duplicate).exists()
    assert Follower.objects.filter(topic=original, user=cast.celina).exists()
    with pytest.raises(ValidationError, match="scalony"):
        services.cast_vote(space=cast.space, topic=duplicate, by=cast.celina)


def test_groups_from_the_top_topics_capacity_and_moving_between_groups(cast):
    a, b, c = _topics(cast, 3)
    _voting(cast)
    services.cast_vote(space=cast.space, topic=c, by=cast.anna)
    groups = services.form_groups(
        space=cast.space,
        by=cast.trainer,
        topics=[c, a],
        day=cast.event.starts_on,
        starts_at=time(11, 0),
        ends_at=time(12, 30),
        capacity=1,
    )
    cast.space.refresh_from_db()
    assert cast.space.phase == "grouping"
    first, second = groups
    services.join_group(group=first, by=cast.anna)
    with pytest.raises(ValidationError, match="nie ma już miejsc"):
        services.join_group(group=first, by=cast.bartek)
    services.join_group(group=second, by=cast.anna)  # the law of two feet: the same slot, so she leaves the first
    assert list(Membership.objects.filter(user=cast.anna).values_list("group_id", flat=True)) == [second.pk]
    services.join_group(group=first, by=cast.bartek)


def test_a_group_moderator_must_take_part_in_the_event(cast):
    group = GroupFactory(topic=TopicFactory(open_space=cast.space))
    with pytest.raises(ValidationError):
        services.update_group(group=group, by=cast.organiser, expected_version=1, moderator=cast.outsider)
    services.update_group(group=group, by=cast.organiser, expected_version=1, moderator=cast.trainer, room="Sala 2")
    group.refresh_from_db()
    assert (group.moderator, group.room) == (cast.trainer, "Sala 2")


def test_the_plenary_moves_within_the_groups(cast):
    for topic in _topics(cast, 2):
        GroupFactory(topic=topic)
    services.set_phase(space=cast.space, by=cast.trainer, phase="plenary")
    for _ in range(3):
        space = services.move_plenary(space=cast.space, by=cast.trainer, step=1)
    assert space.plenary_position == 1
    assert services.move_plenary(space=cast.space, by=cast.trainer, step=-1).plenary_position == 0


def test_publishing_mails_the_participants_and_closes_editing(cast, mailoutbox):
    group = GroupFactory(topic=TopicFactory(open_space=cast.space))
    from apps.openspace.models import Conclusion

    conclusion = Conclusion.objects.create(group=group, solutions="Wspólny zakup usług pielęgniarskich.")
    services.publish(space=cast.space, by=cast.organiser)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([cast.anna.email, cast.bartek.email, cast.celina.email])
    with pytest.raises(ValidationError):
        services.save_conclusion(conclusion=conclusion, by=cast.organiser, expected_version=1, solutions="zmiana")


def test_a_conclusion_goes_to_the_feedback_register_once(cast):
    from apps.feedback.models import Remark
    from apps.openspace.models import Conclusion

    group = GroupFactory(topic=TopicFactory(open_space=cast.space, title="Dodatek motywacyjny"))
    conclusion = Conclusion.objects.create(group=group, recommendations="Określić stawkę minimalną.")
    services.send_to_feedback(conclusion=conclusion, by=cast.trainer)
    remark = Remark.objects.get()
    assert remark.source == Remark.Source.OPEN_SPACE and remark.author == cast.trainer
    assert remark.text.startswith("Dodatek motywacyjny") and "Określić stawkę minimalną." in remark.text
    assert "Dodatek motywacyjny" in remark.source_label
    with pytest.raises(ValidationError, match="już przekazane"):
        services.send_to_feedback(conclusion=conclusion, by=cast.trainer)


def test_participants_of_the_event_only(cast):
    from apps.openspace.access import role_in

    assert role_in(cast.anna, cast.space).participant
    assert role_in(cast.trainer, cast.space).moderator
    assert role_in(cast.organiser, cast.space).organiser
    assert not role_in(cast.outsider, cast.space).any
    late = participant(cast.space)
    Registration.objects.filter(user=late).update(status="waiting")
    assert not role_in(late, cast.space).any
