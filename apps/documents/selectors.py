from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from apps.core.permissions import can

from .models import DocumentStatus, GeneratedDocument

EARLIER_VERSIONS_SHOWN = 10


def document_for(user, pk) -> GeneratedDocument:
    """The document if ``user`` may see its target (its ``view_action`` rule); otherwise 404."""
    document = GeneratedDocument.objects.select_related("content_type", "requested_by").filter(pk=pk).first()
    if document is None:
        raise Http404
    target = document.target
    if target is None or not can(user, document.view_action, target):
        raise Http404
    return document


def documents_for_target(target, *, kind: str | None = None):
    """Documents generated for ``target`` (newest first); the caller has checked that the user may see it."""
    documents = GeneratedDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(target, for_concrete_model=False), object_id=str(target.pk)
    ).select_related("requested_by")
    if kind is not None:
        documents = documents.filter(kind=kind)
    return documents.order_by("-created_at")


def earlier_versions(document: GeneratedDocument) -> list[GeneratedDocument]:
    """Earlier finished documents of the same target and kind, newest first."""
    return list(
        GeneratedDocument.objects.filter(
            content_type_id=document.content_type_id,
            object_id=document.object_id,
            kind=document.kind,
            status=DocumentStatus.DONE,
            created_at__lt=document.created_at,
        )
        .select_related("requested_by")
        .order_by("-created_at")[:EARLIER_VERSIONS_SHOWN]
    )
