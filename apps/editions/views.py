import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.audit.selectors import readable_history_of
from apps.catalog.selectors import current_version
from apps.core.forms import add_errors
from apps.core.permissions import can, require

from . import selectors, services
from .forms import CopyEditionForm, EditionForm, PlannedEventForm
from .models import Edition, Phase, PlannedEvent
from .overview import sections_for


def public_list(request):
    groups = selectors.public_editions()
    sections = [
        (_("Trwające"), groups.ongoing, _("Żadna edycja nie jest teraz w trakcie realizacji.")),
        (_("Nadchodzące i w trakcie naboru"), groups.upcoming, _("Nie zapowiedziano nowych edycji.")),
        (_("Zakończone"), groups.closed, _("Nie ma jeszcze zakończonych edycji.")),
    ]
    return render(request, "editions/public_list.html", {"sections": sections})


def public_detail(request, slug: str):
    edition = selectors.public_edition_for(request.user, slug)
    return render(request, "editions/public_detail.html", {"edition": edition, "version": edition.catalogue_version})


@login_required
def manage_list(request):
    require(request.user, "edition.list")
    return render(
        request,
        "editions/manage_list.html",
        {"editions": selectors.manage_list_for(request.user), "may_create": can(request.user, "edition.create")},
    )


@login_required
def create(request):
    require(request.user, "edition.create")
    organisations = selectors.organisations_for_new_edition(request.user)
    instance = Edition(organiser=organisations.first())
    form = EditionForm(request.POST or None, instance=instance, organisations=organisations)
    if current_version() is None:
        form.add_error(None, _("Katalog modelu nie ma jeszcze opublikowanej wersji. Poproś koordynatora krajowego."))
    elif request.method == "POST" and form.is_valid():
        organiser = form.cleaned_data.get("organiser") or instance.organiser
        try:
            edition = services.create_edition(organiser=organiser, by=request.user, **form.edition_values())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Utworzono edycję. Dodaj planowane wydarzenia i opublikuj ją."))
            return redirect("editions:overview", slug=edition.slug)
    return render(request, "editions/edition_form.html", {"form": form, "edition": None})


@login_required
def overview(request, slug: str):
    edition = selectors.edition_for(request.user, slug)
    return render(
        request,
        "editions/overview.html",
        {
            "edition": edition,
            "may_change": can(request.user, "edition.change", edition),
            "phase": edition.phase(),
            "Phase": Phase,
            "sections": sections_for(edition, request.user),
        },
    )


@login_required
def edit(request, slug: str):
    edition = selectors.edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    form = EditionForm(request.POST or None, instance=copy.copy(edition))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_edition(edition=edition, by=request.user, **form.edition_values())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano ustawienia edycji."))
            return redirect("editions:overview", slug=slug)
    return render(request, "editions/edition_form.html", {"form": form, "edition": edition})


@login_required
def copy_edition(request, slug: str):
    edition = selectors.edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    initial = {
        "name": _("%(name)s (kopia)") % {"name": edition.name},
        "period_start": services.same_day_next_year(day=edition.period_start),
    }
    form = CopyEditionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.copy_edition(edition=edition, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Utworzono kopię edycji. Sprawdź daty i opublikuj ją, gdy będzie gotowa."))
            return redirect("editions:overview", slug=new.slug)
    return render(request, "editions/copy_form.html", {"form": form, "edition": edition})


@login_required
@require_POST
def publish(request, slug: str):
    edition = selectors.edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    try:
        services.publish_edition(edition=edition, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Edycja jest opublikowana na stronie „Edycje”."))
    return redirect("editions:overview", slug=slug)


@login_required
def history(request, slug: str):
    edition = selectors.edition_for(request.user, slug)
    return render(
        request,
        "audit/history.html",
        {
            "object": edition,
            "entries": readable_history_of(edition),
            "back_url": reverse("editions:overview", kwargs={"slug": slug}),
        },
    )


@login_required
def event_create(request, slug: str):
    edition = selectors.edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    form = PlannedEventForm(request.POST or None, instance=PlannedEvent(edition=edition))
    if request.method == "POST" and form.is_valid():
        try:
            services.create_event(edition=edition, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano wydarzenie do harmonogramu."))
            return redirect(reverse("editions:overview", kwargs={"slug": slug}) + "#harmonogram")
    return render(request, "editions/event_form.html", {"form": form, "edition": edition, "event": None})


@login_required
def event_edit(request, slug: str, pk: int):
    edition = selectors.edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    event = selectors.event_of(edition, pk)
    form = PlannedEventForm(request.POST or None, instance=copy.copy(event))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_event(event=event, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano wydarzenie."))
            return redirect(reverse("editions:overview", kwargs={"slug": slug}) + "#harmonogram")
    return render(request, "editions/event_form.html", {"form": form, "edition": edition, "event": event})


@login_required
@require_POST
def event_delete(request, slug: str, pk: int):
    edition = selectors.edition_for(request.user, slug)
    require(request.user, "edition.change", edition)
    event = selectors.event_of(edition, pk)
    try:
        services.delete_event(event=event, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(reverse("editions:overview", kwargs={"slug": slug}) + "#harmonogram")
    messages.success(request, _("Usunięto wydarzenie „%(title)s”.") % {"title": event.title})
    return redirect(reverse("editions:overview", kwargs={"slug": slug}) + "#harmonogram")
