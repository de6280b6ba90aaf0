import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.audit.selectors import readable_history_of
from apps.core.forms import add_errors
from apps.core.permissions import require

from . import selectors, services
from .extensions import sections_for
from .forms import AreaForm, SolutionForm, VersionForm


def public_catalogue(request):
    version = selectors.public_catalogue()
    context = {"version": version, "sections": sections_for(version, request.user)}
    return render(request, "catalog/public_catalogue.html", context)


@login_required
def version_list(request):
    versions = selectors.versions_for(request.user)
    has_draft = any(version.is_draft for version in versions)
    return render(request, "catalog/version_list.html", {"versions": versions, "has_draft": has_draft})


@login_required
@require_POST
def version_create(request):
    require(request.user, "catalog.manage")
    try:
        draft = services.create_draft_version(by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("catalog:version_list")
    messages.success(request, _("Utworzono wersję roboczą %(number)s.") % {"number": draft.number})
    return redirect("catalog:version_detail", number=draft.number)


@login_required
def version_detail(request, number: int):
    version = selectors.version_for(request.user, number)
    context = {"version": version, "sections": sections_for(version, request.user)}
    return render(request, "catalog/version_detail.html", context)


def _refuse_published(request, version):
    messages.error(request, _("Opublikowanej wersji katalogu nie można zmieniać. Utwórz nową wersję roboczą."))
    return redirect("catalog:version_detail", number=version.number)


def _save(request, form, write, version, success: str):
    """Run a service with the form's data; its refusals are shown on the form. None means: render the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        add_errors(form, error)
        return None
    messages.success(request, success)
    return redirect("catalog:version_detail", number=version.number)


@login_required
def version_edit(request, number: int):
    version = selectors.version_for(request.user, number)
    if not version.is_draft:
        return _refuse_published(request, version)
    form = VersionForm(request.POST or None, instance=copy.copy(version))
    done = _save(
        request,
        form,
        lambda data: services.update_version(version=version, by=request.user, **data),
        version,
        _("Zapisano opis wersji."),
    )
    return done or render(request, "catalog/version_form.html", {"version": version, "form": form})


@login_required
@require_POST
def version_publish(request, number: int):
    version = selectors.version_for(request.user, number)
    try:
        services.publish_version(version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Wersja %(number)s jest opublikowana.") % {"number": version.number})
    return redirect("catalog:version_detail", number=version.number)


@login_required
def version_history(request, number: int):
    version = selectors.version_for(request.user, number)
    return render(
        request,
        "audit/history.html",
        {
            "object": version,
            "entries": readable_history_of(version),
            "back_url": reverse("catalog:version_detail", kwargs={"number": number}),
        },
    )


@login_required
def area_create(request, number: int):
    version = selectors.version_for(request.user, number)
    if not version.is_draft:
        return _refuse_published(request, version)
    next_order = max((area.order for area in version.areas.all()), default=0) + 1
    form = AreaForm(request.POST or None, initial={"order": next_order})
    done = _save(
        request,
        form,
        lambda data: services.create_area(version=version, by=request.user, **data),
        version,
        _("Dodano obszar."),
    )
    return done or render(request, "catalog/area_form.html", {"version": version, "form": form, "area": None})


@login_required
def area_edit(request, number: int, pk: int):
    version = selectors.version_for(request.user, number)
    area = selectors.area_of(version, pk)
    if not version.is_draft:
        return _refuse_published(request, version)
    form = AreaForm(request.POST or None, instance=copy.copy(area))
    done = _save(
        request,
        form,
        lambda data: services.update_area(area=area, by=request.user, **data),
        version,
        _("Zapisano obszar."),
    )
    return done or render(request, "catalog/area_form.html", {"version": version, "form": form, "area": area})


@login_required
@require_POST
def area_delete(request, number: int, pk: int):
    version = selectors.version_for(request.user, number)
    area = selectors.area_of(version, pk)
    try:
        services.delete_area(area=area, by=request.user)
    except ValidationError:
        return _refuse_published(request, version)
    messages.success(request, _("Usunięto obszar „%(name)s”.") % {"name": area.name})
    return redirect("catalog:version_detail", number=version.number)


@login_required
def solution_create(request, number: int, pk: int):
    version = selectors.version_for(request.user, number)
    area = selectors.area_of(version, pk)
    if not version.is_draft:
        return _refuse_published(request, version)
    next_order = max((s.order for s in area.solutions.all()), default=0) + 1
    form = SolutionForm(request.POST or None, initial={"order": next_order})
    done = _save(
        request,
        form,
        lambda data: services.create_solution(area=area, by=request.user, **data),
        version,
        _("Dodano rozwiązanie zarządcze."),
    )
    context = {"version": version, "area": area, "form": form, "solution": None}
    return done or render(request, "catalog/solution_form.html", context)


@login_required
def solution_edit(request, number: int, pk: int):
    version = selectors.version_for(request.user, number)
    solution = selectors.solution_of(version, pk)
    if not version.is_draft:
        return _refuse_published(request, version)
    form = SolutionForm(request.POST or None, instance=copy.copy(solution))
    done = _save(
        request,
        form,
        lambda data: services.update_solution(solution=solution, by=request.user, **data),
        version,
        _("Zapisano rozwiązanie zarządcze."),
    )
    context = {"version": version, "area": solution.area, "form": form, "solution": solution}
    return done or render(request, "catalog/solution_form.html", context)


@login_required
@require_POST
def solution_delete(request, number: int, pk: int):
    version = selectors.version_for(request.user, number)
    solution = selectors.solution_of(version, pk)
    try:
        services.delete_solution(solution=solution, by=request.user)
    except ValidationError:
        return _refuse_published(request, version)
    messages.success(request, _("Usunięto rozwiązanie „%(name)s”.") % {"name": solution.name})
    return redirect("catalog:version_detail", number=version.number)
