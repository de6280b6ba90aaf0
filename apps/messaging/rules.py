"""Who may do what with an engagement's message thread. Its team and its two advisors read and write it; the
organiser's staff and the national coordinator see only that it is active (how many messages, the last one's
date); everybody else gets 404."""

from apps.core.permissions import can, rule
from apps.engagements.access import engagement_access


@rule("messaging.take_part")
def can_take_part(user, roles, engagement):
    """Read the thread, write, quote, download attachments: the JST's active team members and its advisors."""
    return can(user, "engagement.work", engagement)


@rule("messaging.see_activity")
def can_see_activity(user, roles, engagement):
    """The message count and the last message's date, never the content (the organiser, the coordinator)."""
    return can(user, "engagement.view", engagement)


@rule("messaging.change")
def can_change(user, roles, message):
    """Edit (within the time limit) or delete a message: its author, still taking part in the thread."""
    return message.author_id == getattr(user, "pk", None) and can(user, "messaging.take_part", message.engagement)


@rule("messaging.any_thread")
def takes_part_in_some_thread(user, roles, obj=None):
    """A team member or an advisor of at least one JST (the dashboard card, the notification settings)."""
    return engagement_access(user).any
