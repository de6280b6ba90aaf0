import factory
from django.core.files.base import ContentFile

from apps.accounts.factories import UserFactory
from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory, TeamMemberFactory
from apps.engagements.models import AdvisorAssignment
from apps.territory.names import fold

from .models import Attachment, Message


class MessageFactory(factory.django.DjangoModelFactory):
    """A message written straight into the thread (no e-mails, no audit): for tests and scale data."""

    class Meta:
        model = Message

    engagement = factory.SubFactory(EngagementFactory)
    author = factory.SubFactory(UserFactory)
    author_label = factory.LazyAttribute(lambda o: o.author.full_name if o.author else "system")
    body = factory.Sequence(lambda n: f"Wiadomość numer {n}: spotkanie w sprawie diagnozy.")
    search_text = factory.LazyAttribute(lambda o: fold(o.body))


def attach(message: Message, *, name: str = "notatka.pdf", content: bytes = b"%PDF-1.4\n") -> Attachment:
    attachment = Attachment(message=message, original_name=name, content_type="application/pdf", size=len(content))
    attachment.file.save(name, ContentFile(content), save=True)
    return attachment


def thread_with_people(**engagement_fields):
    """An engagement with a team leader and both advisors (accounts): ``(engagement, leader, [advisor, advisor])``."""
    engagement = EngagementFactory(**engagement_fields)
    leader = TeamMemberFactory(engagement=engagement, is_leader=True).user
    advisors = [
        AdvisorAssignmentFactory(engagement=engagement, role=AdvisorAssignment.Role.PERSONAL_DEVELOPMENT).user,
        AdvisorAssignmentFactory(engagement=engagement, role=AdvisorAssignment.Role.MANAGEMENT).user,
    ]
    return engagement, leader, advisors
