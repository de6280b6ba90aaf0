import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from .models import DocumentStatus, GeneratedDocument

SMALL_PDF = b"%PDF-1.4\n% test file\n"


class GeneratedDocumentFactory(factory.django.DjangoModelFactory):
    """``GeneratedDocumentFactory(target=engagement)``; ``done=True`` gives a finished document with a file."""

    class Meta:
        model = GeneratedDocument
        exclude = ["target"]

    class Params:
        done = factory.Trait(
            status=DocumentStatus.DONE,
            progress=100,
            file=factory.django.FileField(data=SMALL_PDF, filename="dokument.pdf"),
            filename="dokument.pdf",
            mime_type="application/pdf",
            finished_at=factory.LazyFunction(timezone.now),
        )

    target = None
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.target))
    object_id = factory.LazyAttribute(lambda o: str(o.target.pk))
    kind = "summary"
    title = "Podsumowanie"
    builder = "apps.documents.testing.build_summary_pdf"
    view_action = "engagement.view"
