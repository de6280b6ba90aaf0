"""Scale data of the message thread for ``make bench``: the sample engagement's thread holds many messages
(its team leader and both advisors in turn, every fifth quoting the one before, every tenth with an attachment
row), written with ``bulk_create`` like the rest of ``scale.py``."""

from datetime import timedelta

from django.utils import timezone

from apps.engagements.models import Engagement
from apps.messaging.models import Attachment, Message
from apps.territory.names import fold

MESSAGES = 500


def build(engagement: Engagement, *, count: int = MESSAGES) -> int:
    people = [m.user for m in engagement.team_members.filter(is_leader=True, user__isnull=False)] + [
        a.user for a in engagement.advisor_assignments.select_related("user")
    ]
    if not people:
        return 0
    start = timezone.now() - timedelta(days=count)
    texts = [
        f"Wiadomość {i} (skala): ustalenia w sprawie diagnozy potrzeb i terminu spotkania w siedzibie JST."
        for i in range(count)
    ]
    messages = Message.objects.bulk_create(
        [
            Message(
                engagement=engagement,
                author=people[i % len(people)],
                author_label=people[i % len(people)].full_name,
                body=text,
                search_text=fold(text),
                created_at=start + timedelta(hours=i),
            )
            for i, text in enumerate(texts)
        ],
        batch_size=1000,
    )
    quoting = []
    for i, message in enumerate(messages):
        if i and i % 5 == 0:
            message.quoted = messages[i - 1]
            quoting.append(message)
    Message.objects.bulk_update(quoting, ["quoted"], batch_size=1000)
    Attachment.objects.bulk_create(
        [
            Attachment(
                message=m,
                file=f"messages/{engagement.pk}/{m.pk}/notatka.pdf",
                original_name="notatka.pdf",
                content_type="application/pdf",
                size=20480,
            )
            for i, m in enumerate(messages)
            if i % 10 == 0
        ],
        batch_size=1000,
    )
    return len(messages)
