"""The programme library's pages: public reading (a programme, its PDF, a scenario) and, for the catalogue's
managers, the programmes of each catalogue version with their scenarios and EU products."""

import copy

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import form_page, run_action
from apps.core.text import ascii_slug
from apps.documents.pdf import render_pdf

from . import selectors, services
from .forms import EuProductForm, ProgrammeForm, ScenarioForm
from .models import MIN_SCENARIOS, Audience, Programme


def programme_list(request):
    programmes = selectors.public_programmes()
    groups = [(label, [p for p in programmes if p.audience == value]) for value, label in Audience.choices]
    return render(request, "programmes/list.html", {"groups": groups, "programmes": programmes})


def programme_detail(request, key):
    programme = selectors.public_programme(key)
    return render(request, "programmes/detail.html", {"programme": programme})


def programme_pdf(request, key):
    programme = selectors.public_programme(key)
    data = render_pdf(template="programmes/programme_pdf.html", context={"programme": programme})
    response = HttpResponse(data, content_type="application/pdf")
    name = ascii_slug(f"program-{programme.title}")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=f"{name}.pdf")
    return response


def scenario_detail(request, key, number: int):
    """Where a trainer reads the scenario their session uses (public, like the programme it belongs to)."""
    scenario = selectors.public_scenario(key, number)
    return render(request, "programmes/scenario.html", {"scenario": scenario, "programme": scenario.programme})


def _manage_url(programme: Programme) -> str:
    return reverse("programmes:manage", kwargs={"number": programme.version.number, "pk": programme.pk})


@login_required
def version_programmes(request, number: int):
    version = selectors.managed_version(request.user, number)
    programmes = selectors.version_programmes(request.user, version)
    context = {"version": version, "programmes": programmes, "min_scenarios": MIN_SCENARIOS}
    return render(request, "programmes/version_list.html", context)


@login_required
def programme_create(request, number: int):
    version = selectors.managed_version(request.user, number)
    return form_page(
        request,
        ProgrammeForm(request.POST or None),
        save=lambda form: services.create_programme(version=version, by=request.user, **form.cleaned_data),
        success=_("Dodano program."),
        done=_manage_url,
        template="programmes/programme_form.html",
        context={"version": version, "programme": None},
    )


@login_required
def programme_manage(request, number: int, pk: int):
    version = selectors.managed_version(request.user, number)
    programme = selectors.managed_programme(request.user, version, pk)
    context = {"version": version, "programme": programme, "min_scenarios": MIN_SCENARIOS}
    return render(request, "programmes/manage.html", context)


@login_required
def programme_edit(request, number: int, pk: int):
    version = selectors.managed_version(request.user, number)
    programme = selectors.managed_programme(request.user, version, pk)
    return form_page(
        request,
        ProgrammeForm(request.POST or None, instance=copy.copy(programme)),
        save=lambda form: services.update_programme(programme=programme, by=request.user, **form.cleaned_data),
        success=_("Zapisano program."),
        done=_manage_url,
        template="programmes/programme_form.html",
        context={"version": version, "programme": programme},
    )


@login_required
@require_POST
def programme_publish(request, number: int, pk: int):
    version = selectors.managed_version(request.user, number)
    programme = selectors.managed_programme(request.user, version, pk)
    return run_action(
        request,
        lambda: services.publish_programme(programme=programme, by=request.user),
        success=_("Program jest opublikowany."),
        done=_manage_url(programme),
    )


@login_required
@require_POST
def programme_withdraw(request, number: int, pk: int):
    version = selectors.managed_version(request.user, number)
    programme = selectors.managed_programme(request.user, version, pk)
    return run_action(
        request,
        lambda: services.withdraw_programme(programme=programme, by=request.user),
        success=_("Program nie jest już publikowany."),
        done=_manage_url(programme),
    )


def _scenario_of(programme: Programme, scenario_pk: int):
    for scenario in programme.scenarios.all():
        if scenario.pk == scenario_pk:
            return scenario
    raise Http404


@login_required
def scenario_create(request, number: int, pk: int):
    version = selectors.managed_version(request.user, number)
    programme = selectors.managed_programme(request.user, version, pk)
    next_number = max((s.number for s in programme.scenarios.all()), default=0) + 1
    return form_page(
        request,
        ScenarioForm(request.POST or None, initial={"number": next_number, "duration_minutes": 90}),
        save=lambda form: services.add_scenario(programme=programme, by=request.user, **form.cleaned_data),
        success=_("Dodano scenariusz zajęć."),
        done=_manage_url(programme),
        template="programmes/scenario_form.html",
        context={"version": version, "programme": programme, "scenario": None},
    )


@login_required
def scenario_edit(request, number: int, pk: int, scenario_pk: int):
    version = selectors.managed_version(request.user, number)
    programme = selectors.managed_programme(request.user, version, pk)
    scenario = _scenario_of(programme, scenario_pk)
    return form_page(
        request,
        ScenarioForm(request.POST or None, instance=copy.copy(scenario)),
        save=lambda form: services.update_scenario(scenario=scenario, by=request.user, **form.cleaned_data),
        success=_("Zapisano scenariusz zajęć."),
        done=_manage_url(programme),
        template="programmes/scenario_form.html",
        context={"version": version, "programme": programme, "scenario": scenario},
    )


@login_required
@require_POST
def scenario_delete(request, number: int, pk: int, scenario_pk: int):
    version = selectors.managed_version(request.user, number)
    programme = selectors.managed_programme(request.user, version, pk)
    scenario = _scenario_of(programme, scenario_pk)
    return run_action(
        request,
        lambda: services.delete_scenario(scenario=scenario, by=request.user),
        success=_("Usunięto scenariusz zajęć."),
        done=_manage_url(programme),
    )


@login_required
def product_create(request, number: int, pk: int):
    version = selectors.managed_version(request.user, number)
    programme = selectors.managed_programme(request.user, version, pk)
    return form_page(
        request,
        EuProductForm(request.POST or None),
        save=lambda form: services.add_eu_product(programme=programme, by=request.user, **form.cleaned_data),
        success=_("Dodano przykład produktu."),
        done=_manage_url(programme),
        template="programmes/product_form.html",
        context={"version": version, "programme": programme},
    )


@login_required
@require_POST
def product_delete(request, number: int, pk: int, product_pk: int):
    version = selectors.managed_version(request.user, number)
    programme = selectors.managed_programme(request.user, version, pk)
    product = next((p for p in programme.eu_products.all() if p.pk == product_pk), None)
    if product is None:
        raise Http404
    return run_action(
        request,
        lambda: services.delete_eu_product(product=product, by=request.user),
        success=_("Usunięto przykład produktu."),
        done=_manage_url(programme),
    )
