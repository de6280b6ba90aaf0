"""Background generation of documents (PDFs, exports) with progress the user can watch.

``request_document`` records a ``GeneratedDocument`` and queues ``generate_document``; the task calls the
builder (``fn(target, progress) -> (filename, data, content_type)``), stores the file in private storage and marks
the document done, or stores a Polish error and marks it failed. One job per target and kind runs at a time: a
second request while one is queued or running gets that one back.
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task

from apps.audit.services import record
from apps.core.permissions import registered_actions

from .models import ACTIVE_STATUSES, DocumentStatus, GeneratedDocument

logger = logging.getLogger(__name__)

Builder = Callable[[object, Callable[[int], None]], tuple[str, bytes, str]]


class DocumentBuildError(Exception):
    """Raised by a builder with a Polish message the user may read (e.g. "the plan has no actions yet")."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _active_jobs(content_type, object_id: str, kind: str):
    return GeneratedDocument.objects.filter(
        content_type=content_type, object_id=object_id, kind=kind, status__in=ACTIVE_STATUSES
    )


def _expire_lost_jobs(content_type, object_id: str, kind: str) -> None:
    """A job queued or running past ``DOCUMENTS_JOB_TIMEOUT`` lost its worker; fail it so a new one can start."""
    cutoff = timezone.now() - settings.DOCUMENTS_JOB_TIMEOUT
    for document in _active_jobs(content_type, object_id, kind).filter(created_at__lt=cutoff).select_for_update():
        _fail(document, _("Przygotowanie dokumentu trwało zbyt długo i zostało przerwane. Zleć je ponownie."))


def request_document(
    *, target, kind: str, title: str, builder: str, view_action: str, by, params: dict | None = None
) -> GeneratedDocument:
    """Queue the generation of a document for ``target``, or return the job already queued or running for it.

    ``params`` (JSON) are passed to the builder as keyword arguments; different params need different kinds."""
    import_string(builder)  # a wrong path is a programming error: fail here, not later in the worker
    title = str(title)[:300]  # a lazy translation is fixed in the language of the request
    if view_action not in registered_actions():
        raise ValueError(f"No permission rule named {view_action!r}.")
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
    object_id = str(target.pk)
    with transaction.atomic():
        _expire_lost_jobs(content_type, object_id, kind)
        existing = _active_jobs(content_type, object_id, kind).first()
        if existing is not None:
            return existing
        try:
            # The partial unique constraint settles a race between two requests: the loser joins the winner.
            with transaction.atomic():
                document = GeneratedDocument.objects.create(
                    content_type=content_type,
                    object_id=object_id,
                    kind=kind,
                    title=title,
                    builder=builder,
                    view_action=view_action,
                    params=params or {},
                    requested_by=by if getattr(by, "is_authenticated", False) else None,
                )
        except IntegrityError:
            return _active_jobs(content_type, object_id, kind).get()
        record(actor=by, action="document.requested", target=document, changes={"kind": kind, "title": title})
        # The queue is in the database, so the task row commits (or rolls back) with the document.
        generate_document.enqueue(document_id=str(document.pk))
    document.refresh_from_db()  # with the immediate backend (tests) the job has already run
    return document


@task()
def generate_document(*, document_id: str) -> None:
    run_document_job(document_id)


def run_document_job(document_id) -> GeneratedDocument | None:
    """Build the document: the task's body, callable directly. Does nothing unless the document is queued."""
    with transaction.atomic():
        document = (
            GeneratedDocument.objects.select_for_update().filter(pk=document_id, status=DocumentStatus.QUEUED).first()
        )
        if document is None:
            return None  # already taken by another worker, finished or expired
        document.status = DocumentStatus.RUNNING
        document.started_at = timezone.now()
        document.progress = 0
        document.save(update_fields=["status", "started_at", "progress"])

    try:
        target = document.target
        if target is None:
            raise DocumentBuildError(_("Obiekt, którego dotyczy dokument, już nie istnieje."))
        builder: Builder = import_string(document.builder)
        filename, data, mime_type = builder(target, _progress_reporter(document), **(document.params or {}))
        if not isinstance(data, bytes) or not data or not filename:
            raise TypeError(f"Builder {document.builder} returned no file: {filename!r}, {type(data)}")
    except DocumentBuildError as error:
        logger.info("Document %s not generated: %s", document.pk, error.message)
        return _fail(document, error.message)
    except Exception:
        logger.exception("Document %s (%s, builder %s) failed", document.pk, document.kind, document.builder)
        return _fail(
            document,
            _(
                "Nie udało się przygotować dokumentu z powodu błędu systemu. Spróbuj ponownie; jeśli błąd się "
                "powtórzy, zgłoś go organizatorowi."
            ),
        )

    with transaction.atomic():
        document = GeneratedDocument.objects.select_for_update().get(pk=document.pk)
        if document.status != DocumentStatus.RUNNING:
            return document  # expired while building: the newer job wins
        document.file.save(filename, ContentFile(data), save=False)
        document.filename = filename[:200]
        document.mime_type = mime_type
        document.status = DocumentStatus.DONE
        document.progress = 100
        document.error = ""
        document.finished_at = timezone.now()
        document.save()
        record(
            actor=None,
            action="document.generated",
            target=document,
            changes={"filename": document.filename, "size": len(data)},
        )
    return document


def _progress_reporter(document: GeneratedDocument) -> Callable[[int], None]:
    last = {"value": 0}

    def progress(percent: int) -> None:
        # Monotonic, at most 99 until the file is stored; writes only when the value moves.
        value = max(0, min(99, int(percent)))
        if value <= last["value"]:
            return
        last["value"] = value
        GeneratedDocument.objects.filter(pk=document.pk, status=DocumentStatus.RUNNING).update(progress=value)

    return progress


def _fail(document: GeneratedDocument, message: str) -> GeneratedDocument:
    with transaction.atomic():
        GeneratedDocument.objects.filter(pk=document.pk).update(
            status=DocumentStatus.FAILED, error=message, finished_at=timezone.now()
        )
        document.refresh_from_db()
        record(actor=None, action="document.failed", target=document, changes={"error": message})
    return document
