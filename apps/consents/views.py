from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.accounts.models import Organisation
from apps.accounts.selectors import organisation_detail_for
from apps.core.editing import form_page, run_action
from apps.core.permissions import can, require

from . import selectors, services
from .forms import ClauseForm


@login_required
def clause_edit(request, slug: str):
    """The organiser's clause: its versions, and (for its staff) a form whose save publishes a new version."""
    organisation = organisation_detail_for(request.user, slug)
    require(request.user, "clause.view", organisation)
    may_edit = can(request.user, "clause.edit", organisation)
    current = selectors.published_clause(organisation)
    context = {"organisation": organisation, "current": current, "versions": selectors.clause_versions(organisation)}
    if request.method == "POST":
        require(request.user, "clause.edit", organisation)
    if not may_edit:
        return render(request, "consents/clause_edit.html", {**context, "may_edit": False})
    initial = {name: getattr(current, name) for name in ClauseForm.Meta.fields} if current else None
    form = ClauseForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.publish_clause(organisation=organisation, fields=f.cleaned_data, by=request.user),
        success=lambda version: _("Opublikowano wersję %(number)s klauzuli.") % {"number": version.number},
        done=reverse("consents:clause_edit", kwargs={"slug": slug}),
        template="consents/clause_edit.html",
        context={**context, "may_edit": True},
    )


def public_clause(request, slug: str):
    """The organiser's published clause, for links in e-mails and at every collection point."""
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(
        request,
        "consents/public_clause.html",
        {"organisation": organisation, "clause": selectors.published_clause(organisation)},
    )


@login_required
def my_consents(request):
    return render(request, "consents/my_consents.html", {"records": selectors.records_of(request.user)})


@login_required
@require_POST
def withdraw(request, pk: int):
    consent = get_object_or_404(selectors.records_of(request.user), pk=pk)
    return run_action(
        request,
        lambda: services.withdraw_consent(consent=consent, by=request.user),
        success=_("Zgoda wycofana."),
        done=reverse("consents:mine"),
    )
