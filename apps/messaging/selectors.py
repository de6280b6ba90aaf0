"""Reads of message threads, scoped: only the JST's team and its advisors read a thread (everyone else gets
404); counts for the dashboards, the karta JST and the organiser, in a fixed number of queries."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Max, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404

from apps.accounts.models import User
from apps.engagements.access import engagement_access
from apps.engagements.models import Engagement
from apps.engagements.selectors import with_card_data
from apps.territory.names import fold

from .models import Attachment, Message, NotificationPreference, ReadMarker

PAGE_SIZE = 50


def thread_for(user, pk: int) -> Engagement:
    """The engagement whose thread the user takes part in (its team or its advisors), or 404 for anyone else,
    the organiser's staff and the national coordinator included."""
    access = engagement_access(user)
    return get_object_or_404(
        with_card_data(Engagement.objects.filter(pk__in=access.member_of | access.advisor_of)), pk=pk
    )


def _page_queryset(engagement: Engagement):
    return (
        Message.objects.filter(engagement=engagement)
        .select_related("author", "quoted")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("pk")))
    )


@dataclass
class ThreadPage:
    messages: list[Message]
    older: int | None  # the ``przed`` value of the link to older messages, None when there are none
    newest_id: int
    query: str = ""


def thread_page(engagement: Engagement, *, before: int | None = None, query: str = "") -> ThreadPage:
    """Up to ``PAGE_SIZE`` messages, oldest first: the newest ones, or those before message ``before``; with a
    search, the matching messages (every word, case and Polish diacritics optional), newest first."""
    messages = _page_queryset(engagement)
    words = fold(query).split()
    if words:
        messages = messages.filter(deleted_at__isnull=True)
        for word in words:
            messages = messages.filter(search_text__contains=word)
    if before:
        messages = messages.filter(pk__lt=before)
    rows = list(messages.order_by("-pk")[: PAGE_SIZE + 1])
    older = rows[PAGE_SIZE - 1].pk if len(rows) > PAGE_SIZE else None
    rows = rows[:PAGE_SIZE]
    if not words:
        rows.reverse()
    newest = max((m.pk for m in rows), default=0)
    return ThreadPage(messages=rows, older=older, newest_id=newest, query=" ".join(words))


def message_of(engagement: Engagement, pk: int) -> Message:
    return get_object_or_404(
        Message.objects.select_related("engagement__edition", "author"), engagement=engagement, pk=pk
    )


def quotable(engagement: Engagement, pk) -> Message | None:
    """The message a reply quotes, if it is in this thread and not deleted."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        Message.objects.filter(engagement=engagement, pk=pk, deleted_at__isnull=True).select_related("author").first()
    )


def attachment_of(engagement: Engagement, pk: int) -> Attachment:
    return get_object_or_404(
        Attachment.objects.select_related("message"),
        message__engagement=engagement,
        message__deleted_at__isnull=True,
        pk=pk,
    )


def last_read(engagement: Engagement, user) -> int:
    return (
        ReadMarker.objects.filter(engagement=engagement, user=user).values_list("last_read_id", flat=True).first() or 0
    )


def unread_counts(user, engagement_ids: Iterable[int]) -> dict[int, int]:
    """``{engagement_id: unread}`` for the engagements given (others' messages after the person's read marker,
    deleted ones not counted), one query whatever their number; engagements with nothing unread are left out."""
    ids = list(engagement_ids)
    if not ids or not getattr(user, "is_authenticated", False):
        return {}
    marker = ReadMarker.objects.filter(engagement_id=OuterRef("engagement_id"), user=user).values("last_read_id")
    rows = (
        Message.objects.filter(engagement_id__in=ids, deleted_at__isnull=True)
        .exclude(author=user)
        .annotate(marker=Subquery(marker[:1]))
        .filter(Q(marker__isnull=True) | Q(pk__gt=F("marker")))
        .order_by()
        .values("engagement_id")
        .annotate(n=Count("pk"))
        .values_list("engagement_id", "n")
    )
    return dict(rows)


def my_unread(user) -> dict[int, int]:
    """Unread counts of every thread the person takes part in."""
    access = engagement_access(user)
    return unread_counts(user, access.member_of | access.advisor_of)


@dataclass(frozen=True)
class Activity:
    count: int
    last_at: datetime | None


def activity(engagement_ids: Iterable[int]) -> dict[int, Activity]:
    """How active each thread is (messages not deleted, the last one's time), without a word of its content."""
    rows = (
        Message.objects.filter(engagement_id__in=list(engagement_ids), deleted_at__isnull=True)
        .order_by()
        .values("engagement_id")
        .annotate(n=Count("pk"), last=Max("created_at"))
    )
    return {row["engagement_id"]: Activity(row["n"], row["last"]) for row in rows}


def participants(engagement: Engagement) -> list[User]:
    """Everyone with an account who takes part: the active team members and the advisors (one query)."""
    return list(
        User.objects.filter(
            Q(team_memberships__engagement=engagement, team_memberships__left_at__isnull=True)
            | Q(advisor_assignments__engagement=engagement),
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


def notification_modes(users: Iterable[User]) -> dict[int, str]:
    ids = [u.pk for u in users]
    stored = dict(NotificationPreference.objects.filter(user_id__in=ids).values_list("user_id", "mode"))
    return {pk: stored.get(pk, NotificationPreference.Mode.EACH) for pk in ids}


def notification_mode(user) -> str:
    return notification_modes([user])[user.pk]
