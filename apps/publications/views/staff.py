"""The organiser's publication desk for an edition, and the coordinator's summary forms."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import form_page, run_action
from apps.core.permissions import can, require
from apps.documents.list_exports import export_page
from apps.editions.selectors import edition_for

from .. import exports, selectors, services, structures
from ..forms import EditionPublishingForm, StructureForm
from ..models import EditionPublishing, FormCode


def desk_url(edition) -> str:
    return reverse("publications:desk", kwargs={"slug": edition.slug})


@login_required
def desk(request, slug: str):
    edition = edition_for(request.user, slug)
    consents = selectors.edition_consents(edition)
    return render(
        request,
        "publications/desk.html",
        {
            "edition": edition,
            "consents": consents,
            "summaries_in_review": list(selectors.summaries_in_review(edition)),
            "waiting": sum(1 for c in consents if c.allows_publication and c.publication is None),
            "may_manage": can(request.user, "publication.manage", edition),
            "settings": EditionPublishing.objects.filter(edition=edition).first(),
        },
    )


@login_required
def desk_export(request, slug: str):
    """The edition's publications through the one list exporter."""
    edition = edition_for(request.user, slug)
    back = reverse("publications:desk", kwargs={"slug": slug})
    return export_page(request, exports.PUBLICATIONS, target=edition, back=back)


@login_required
def settings_edit(request, slug: str):
    edition = edition_for(request.user, slug)
    require(request.user, "publication.manage", edition)
    instance = EditionPublishing.objects.filter(edition=edition).first() or EditionPublishing(edition=edition)
    return form_page(
        request,
        EditionPublishingForm(request.POST or None, instance=instance),
        save=lambda form: services.update_edition_publishing(edition=edition, by=request.user, **form.cleaned_data),
        success=_("Zapisano ustawienia publikacji edycji."),
        done=desk_url(edition),
        template="publications/settings_form.html",
        context={"edition": edition},
    )


@login_required
def publish_all(request, slug: str):
    """Ask first (what will happen), then publish every consented document of the edition."""
    edition = edition_for(request.user, slug)
    require(request.user, "publication.manage", edition)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.publish_edition(edition=edition, by=request.user),
            success=lambda n: _("Opublikowano dokumenty: %(n)s.") % {"n": n},
            done=desk_url(edition),
        )
    waiting = [c for c in selectors.edition_consents(edition) if c.allows_publication and c.publication is None]
    return render(request, "publications/publish_all.html", {"edition": edition, "waiting": waiting})


@login_required
@require_POST
def publish_one(request, slug: str, pk: int):
    edition = edition_for(request.user, slug)
    require(request.user, "publication.manage", edition)
    consent = next((c for c in selectors.edition_consents(edition) if c.pk == pk), None)
    if consent is None:
        raise Http404
    return run_action(
        request,
        lambda: services.publish(consent=consent, by=request.user),
        success=_("Opublikowano dokument w bazie wiedzy."),
        done=desk_url(edition),
    )


@login_required
@require_POST
def feature(request, pk: int):
    publication = selectors.publication_for_staff(request.user, pk)
    featured = request.POST.get("featured") == "1"
    return run_action(
        request,
        lambda: services.set_featured(publication=publication, featured=featured, by=request.user),
        success=_("Wyróżniono publikację.") if featured else _("Publikacja nie jest już wyróżniona."),
        done=desk_url(publication.edition),
    )


@login_required
def structures_list(request):
    require(request.user, "summary.structures")
    return render(request, "publications/structures.html", {"structures": selectors.current_structures()})


@login_required
def structure_edit(request, form: str):
    require(request.user, "summary.structures")
    if form not in FormCode.values:
        raise Http404
    current = services.current_structure(form=form)
    return form_page(
        request,
        StructureForm(request.POST or None, initial={"sections": structures.format_sections(current.sections)}),
        save=lambda f: services.save_structure(
            form=form, sections_text=f.cleaned_data["sections"], note=f.cleaned_data["note"], by=request.user
        ),
        success=_("Zapisano nową wersję formy podsumowania."),
        done=reverse("publications:structures"),
        template="publications/structure_form.html",
        context={"current": current, "history": selectors.structure_history(form), "form_label": FormCode(form).label},
    )
