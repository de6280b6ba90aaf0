from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors
from .jobs import request_document

# htmx stops polling when a response has this status (https://htmx.org/docs/#polling).
HTMX_STOP_POLLING = 286


def serve_private_file(request, fieldfile, filename: str, content_type: str) -> FileResponse:
    """Stream a private file as a download. Call it only after the caller's own permission check."""
    if not fieldfile:
        raise Http404
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    # Personal data: nothing in shared caches, nothing kept by the browser's cache.
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
def status(request, pk):
    document = selectors.document_for(request.user, pk)
    context = {"document": document, "target": document.target}
    if request.headers.get("HX-Request"):
        response = render(request, "documents/_status.html", context)
        if document.is_finished:
            response.status_code = HTMX_STOP_POLLING
    else:
        context["earlier"] = selectors.earlier_versions(document)
        response = render(request, "documents/status.html", context)
    patch_vary_headers(response, ["HX-Request"])
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
def download(request, pk):
    document = selectors.document_for(request.user, pk)
    if not document.is_done:
        raise Http404
    return serve_private_file(request, document.file, document.filename, document.mime_type)


@login_required
@require_POST
def regenerate(request, pk):
    """Prepare the document again (after a failure, or because the data changed since)."""
    document = selectors.document_for(request.user, pk)
    fresh = request_document(
        target=document.target,
        kind=document.kind,
        title=document.title,
        builder=document.builder,
        view_action=document.view_action,
        by=request.user,
        params=document.params,
    )
    if fresh.pk == document.pk:
        messages.info(request, _("Dokument jest już przygotowywany."))
    else:
        messages.success(request, _("Zlecono ponowne przygotowanie dokumentu."))
    return redirect("documents:status", pk=fresh.pk)
