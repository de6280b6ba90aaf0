from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.accounts.models import Organisation
from apps.core.forms import add_errors
from apps.core.permissions import require
from apps.editions.selectors import edition_for

from . import selectors, services
from .forms import FundingMarkForm, IdentityForm


def _image_response(fieldfile, content_type: str) -> FileResponse:
    """A public mark or logo: shown inline, never sniffed as anything else, cached briefly by browsers only."""
    if not fieldfile:
        raise Http404
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    patch_cache_control(response, public=True, max_age=3600)
    return response


def mark_image(request, slug: str, pk: int):
    mark = selectors.public_mark(request.user, slug, pk)
    return _image_response(mark.image, mark.content_type)


def logo(request, slug: str):
    identity = selectors.identity_of(get_object_or_404(Organisation, slug=slug))
    if identity is None:
        raise Http404
    return _image_response(identity.logo, identity.logo_type)


def help_page(request):
    return render(request, "branding/help.html")


@login_required
def edition_marks(request, slug: str):
    edition = edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    form = FundingMarkForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_funding_mark(
                edition=edition,
                by=request.user,
                image=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano znak finansowania."))
            return redirect("branding:edition_marks", slug=edition.slug)
    return render(
        request, "branding/edition_marks.html", {"edition": edition, "marks": selectors.marks_of(edition), "form": form}
    )


@login_required
@require_POST
def edition_mark_delete(request, slug: str, pk: int):
    edition = edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    mark = get_object_or_404(edition.funding_marks, pk=pk)
    services.remove_funding_mark(mark=mark, by=request.user)
    messages.success(request, _("Usunięto znak finansowania: %(alt)s.") % {"alt": mark.alt_text})
    return redirect("branding:edition_marks", slug=edition.slug)


@login_required
def identity_edit(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, "organisation.change_identity", organisation)
    identity = selectors.identity_of(organisation)
    form = IdentityForm(request.POST or None, request.FILES or None, instance=identity)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_identity(
                organisation=organisation,
                by=request.user,
                contact_phone=form.cleaned_data["contact_phone"],
                help_url=form.cleaned_data["help_url"],
                logo=request.FILES.get("logo"),
                remove_logo=form.cleaned_data["remove_logo"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano wizerunek organizatora."))
            return redirect("branding:identity_edit", slug=organisation.slug)
    return render(
        request, "branding/identity_form.html", {"organisation": organisation, "identity": identity, "form": form}
    )
