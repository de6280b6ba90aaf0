"""The demo message thread: Powiat bolesławiecki's team and its advisor pair in the 2022/23 edition, written
through the messaging services (a question, a reply quoting it, a file, a message removed), with the last message
left unread by the management advisor so the unread count shows on their dashboard and the karta JST.
Idempotent: a thread that already has messages is left as it is."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.engagements.models import AdvisorAssignment, Engagement
from apps.messaging import services
from apps.messaging.models import Message

TERYT = "0201"  # Powiat bolesławiecki

MINUTES_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def seed() -> int:
    """Writes the thread; returns how many messages it wrote (0 when it was there already or has no cast)."""
    engagement = (
        Engagement.objects.filter(local_government__teryt=TERYT, withdrawn_at__isnull=True)
        .select_related("edition", "local_government")
        .order_by("-edition__period_start")
        .first()
    )
    if engagement is None or Message.objects.filter(engagement=engagement).exists():
        return 0
    leader = next(
        (
            m.user
            for m in engagement.team_members.filter(left_at__isnull=True, user__isnull=False).order_by("-is_leader")
        ),
        None,
    )
    pair = {a.role: a.user for a in engagement.advisor_assignments.select_related("user")}
    personal = pair.get(AdvisorAssignment.Role.PERSONAL_DEVELOPMENT)
    management = pair.get(AdvisorAssignment.Role.MANAGEMENT)
    if leader is None or personal is None or management is None:
        return 0
    start = timezone.now() - timedelta(days=6)
    written = []

    def write(by, body, *, days, quoted=None, attachments=()):
        message = services.post_message(
            engagement=engagement, by=by, body=body, quoted=quoted, attachments=list(attachments)
        )
        Message.objects.filter(pk=message.pk).update(created_at=start + timedelta(days=days))
        written.append(message)
        return message

    question = write(
        leader,
        "Dzień dobry (demo), czy możemy przesunąć drugie spotkanie w starostwie na początek przyszłego miesiąca? "
        "Dyrektorzy szkół mają wtedy rady pedagogiczne.",
        days=0,
    )
    write(
        personal,
        "Tak (demo), zaproponujemy dwa terminy jeszcze w tym tygodniu. Proszę przygotować wstępną listę uczestników.",
        days=1,
        quoted=question,
    )
    write(
        leader,
        "W załączniku notatka ze spotkania zespołu (demo).",
        days=2,
        attachments=[SimpleUploadedFile("notatka-zespolu.pdf", MINUTES_PDF, content_type="application/pdf")],
    )
    removed = write(leader, "Ta wiadomość trafiła do złego wątku (demo).", days=3)
    services.delete_message(message=removed, by=leader)
    write(
        management,
        "Dziękuję (demo). Przed spotkaniem warto zebrać dane o kosztach dowozu uczniów do diagnozy.",
        days=4,
    )
    # Everyone has read what came before; the team's last message stays unread for the management advisor.
    last = written[-1]
    services.mark_read(engagement=engagement, user=leader, up_to=last.pk)
    services.mark_read(engagement=engagement, user=personal, up_to=last.pk)
    final = write(leader, "Lista uczestników będzie gotowa w piątek (demo).", days=5)
    services.mark_read(engagement=engagement, user=personal, up_to=final.pk)
    return len(written)
