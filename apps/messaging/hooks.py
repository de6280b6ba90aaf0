"""Where the message thread appears outside its own pages:

* a **dashboard card** per thread with unread messages (the team's and the advisor's "Mój panel");
* **waiting items** on the advisor's dashboard: threads with unread messages;
* a **personal section link** in the karta JST's sub-navigation with the viewer's unread count (only for who
  takes part in the thread);
* a **karta JST section**: for the team and the advisors the thread's count and unread count with its link, for
  the organiser's staff and the coordinator only that the thread is active (message count, last message date);
* an **edition overview section**: how many of the edition's JSTs use their thread (counts only);
* the daily **digest job** on the platform's scheduler.

None of them shows a word of a message: what the organiser's staff can reach are counts and dates.
"""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from apps.core.dashboard import dashboard_card
from apps.core.links import per_object_url
from apps.core.permissions import can
from apps.core.sections import Section
from apps.editions.overview import OVERVIEW_SECTIONS
from apps.engagements.hooks import (
    ENGAGEMENT_SECTIONS,
    StageLink,
    WaitingItem,
    register_personal_section_link,
    register_waiting_items,
)
from apps.engagements.models import Engagement
from apps.scheduling.jobs import Daily, scheduled_job

from . import selectors
from .models import Message
from .services import DIGEST_AT, send_digests

# More cards than this and the rest is summed up in one line.
CARDS_SHOWN = 5
# A thread with a message in this many days counts as active on the edition's overview.
ACTIVE_DAYS = 30


def _unread_text(count: int) -> str:
    return ngettext("%(count)d nieprzeczytana wiadomość", "%(count)d nieprzeczytane wiadomości", count) % {
        "count": count
    }


@dashboard_card("messaging.unread", rule="messaging.any_thread", order=15)
def unread_cards(user) -> list[dict]:
    """One card per thread with unread messages, most unread first (two queries whatever the number)."""
    unread = selectors.my_unread(user)
    if not unread:
        return []
    url = per_object_url("messaging:thread")
    ranked = sorted(unread.items(), key=lambda item: (-item[1], item[0]))
    names = dict(
        Engagement.objects.filter(pk__in=[pk for pk, _n in ranked[:CARDS_SHOWN]]).values_list(
            "pk", "local_government__display_name"
        )
    )
    cards = [
        {
            "title": _("Wiadomości: %(jst)s") % {"jst": names.get(pk, "")},
            "text": _unread_text(count) + ".",
            "url": url(pk),
        }
        for pk, count in ranked[:CARDS_SHOWN]
    ]
    rest = ranked[CARDS_SHOWN:]
    if rest:
        cards.append(
            {
                "title": _("Wiadomości w innych wątkach"),
                "text": ngettext(
                    "Nieprzeczytane wiadomości czekają jeszcze w %(count)d wątku.",
                    "Nieprzeczytane wiadomości czekają jeszcze w %(count)d wątkach.",
                    len(rest),
                )
                % {"count": len(rest)},
                "url": _notifications_url(),
            }
        )
    return cards


def _notifications_url() -> str:
    from django.urls import reverse

    return reverse("messaging:notifications")


@register_waiting_items
def unread_items(user, engagements) -> list[WaitingItem]:
    """Threads with messages the advisor has not read yet (one query)."""
    ids = [e.pk for e in engagements]
    counts = selectors.unread_counts(user, ids)
    url = per_object_url("messaging:thread")
    texts: dict[int, str] = {}
    items = []
    for engagement_id, count in counts.items():
        if count not in texts:
            texts[count] = _unread_text(count).capitalize() + "."
        items.append(WaitingItem(engagement_id=engagement_id, text=texts[count], url=url(engagement_id), kind="unread"))
    return items


@register_personal_section_link
def thread_link(engagement, user) -> StageLink | None:
    if not can(user, "messaging.take_part", engagement):
        return None
    count = selectors.unread_counts(user, [engagement.pk]).get(engagement.pk, 0)
    label = _("Wiadomości (%(count)d nowe)") % {"count": count} if count else _("Wiadomości")
    return StageLink(label, per_object_url("messaging:thread")(engagement.pk))


@ENGAGEMENT_SECTIONS.register("messaging.thread", order=50)
def thread_section(engagement, viewer) -> Section | None:
    user = viewer.user
    if not can(user, "messaging.see_activity", engagement):
        return None
    active = selectors.activity([engagement.pk]).get(engagement.pk)
    takes_part = can(user, "messaging.take_part", engagement)
    context = {
        "count": active.count if active else 0,
        "last_at": active.last_at if active else None,
        "takes_part": takes_part,
        "unread": selectors.unread_counts(user, [engagement.pk]).get(engagement.pk, 0) if takes_part else 0,
    }
    return Section(
        heading=_("Wiadomości zespołu i doradców"), template="messaging/_karta_section.html", context=context
    )


@OVERVIEW_SECTIONS.register("messaging.activity", order=45)
def activity_section(edition, user) -> Section | None:
    """For the organiser's staff and the coordinator: how many JSTs' threads are in use, never what they say."""
    if not can(user, "edition.view", edition):
        return None
    engagements = edition.engagements.filter(withdrawn_at__isnull=True)
    since = timezone.now() - timedelta(days=ACTIVE_DAYS)
    totals = Message.objects.filter(engagement__in=engagements, deleted_at__isnull=True).aggregate(
        messages=Count("pk"),
        threads=Count("engagement", distinct=True),
        recent=Count("engagement", distinct=True, filter=Q(created_at__gte=since)),
        last=Max("created_at"),
    )
    return Section(
        heading=_("Wiadomości zespołów i doradców"),
        template="messaging/_edition_activity.html",
        context={**totals, "engagements": engagements.count(), "days": ACTIVE_DAYS},
    )


def _describe_digests(result) -> str:
    count = result.get("sent", 0)
    return ngettext("Wysłano %(count)d zestawienie wiadomości.", "Wysłano zestawień wiadomości: %(count)d.", count) % {
        "count": count
    }


@scheduled_job(
    "messaging.send_digests",
    schedule=Daily(at=DIGEST_AT),
    label=gettext_lazy("Dzienne zestawienia nowych wiadomości"),
    describe=_describe_digests,
    order=30,
)
def send_digests_job(*, slot):
    # Messages sent before the slot; a second run for the same slot (or one beside it) finds nothing to send.
    return {"sent": send_digests(now=slot)}
