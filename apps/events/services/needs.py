"""Needs before the agenda: the organiser's candidate topics in the two families, participants' ratings and their
own proposals."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.audit.services import record

from ..access import is_invited
from ..models import Event, Topic, TopicFamily, TopicRating


@transaction.atomic
def add_topic(*, event: Event, by, family: str, title: str) -> Topic:
    title = (title or "").strip()
    if family not in TopicFamily.values:
        raise ValidationError({"family": _("Wybierz obszar tematyczny.")})
    if not title:
        raise ValidationError({"title": _("Podaj temat.")})
    if event.topics.filter(title__iexact=title).exists():
        raise ValidationError({"title": _("Taki temat już jest na liście.")})
    topic = Topic.objects.create(event=event, family=family, title=title[:300])
    record(actor=by, action="events.topic_added", target=event, changes={"topic": topic.title})
    return topic


@transaction.atomic
def submit_needs(
    *, event: Event, user, group: str, ratings: dict[int, int], proposal: str = "", family: str = ""
) -> int:
    """Save the person's ratings (1–5; a topic left out keeps no rating) and their own proposal, if any."""
    if not is_invited(user, event):
        raise ValidationError(_("Ta osoba nie jest zaproszona na to wydarzenie."))
    known = {t.pk: t for t in event.topics.filter(proposed_by__isnull=True)}
    saved = 0
    for topic_id, score in ratings.items():
        if topic_id not in known:
            continue
        if score is None:
            TopicRating.objects.filter(topic_id=topic_id, user=user).delete()
            continue
        if not 1 <= score <= 5:
            raise ValidationError(_("Ocena to liczba od 1 do 5."))
        TopicRating.objects.update_or_create(
            topic_id=topic_id, user=user, defaults={"score": score, "workshop_group": group}
        )
        saved += 1
    proposal = (proposal or "").strip()
    if proposal:
        if family not in TopicFamily.values:
            raise ValidationError({"family": _("Wybierz obszar tematyczny swojej propozycji.")})
        Topic.objects.create(
            event=event, family=family, title=proposal[:300], proposed_by=user, proposed_in_group=group
        )
    record(actor=user, action="events.needs_submitted", target=event, changes={"ratings": saved, "proposal": proposal})
    return saved
