"""Public pages: the list of calls, a call, its attachments, its results; creating an applicant account."""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.documents.views import serve_private_file

from .. import selectors, services
from ..completeness import call_is_open, call_phase
from ..forms import ApplicantAccountForm
from ..kinds import DocumentKind


def call_list(request):
    groups = selectors.public_calls()
    sections = [
        (_("Nabory otwarte"), groups.open, _("Żaden nabór nie jest teraz otwarty.")),
        (_("Nabory zapowiedziane"), groups.upcoming, _("Nie zapowiedziano nowych naborów.")),
        (_("Nabory zakończone"), groups.closed, _("Nie ma jeszcze zakończonych naborów.")),
    ]
    return render(request, "recruitment/call_list.html", {"sections": sections})


def call_detail(request, slug: str):
    edition = selectors.public_call_for(request.user, slug)
    call = services.stored_call(edition=edition)
    own = list(selectors.applications_of(request.user).filter(edition=edition)) if request.user.is_authenticated else []
    return render(
        request,
        "recruitment/call_detail.html",
        {
            "edition": edition,
            "call": call,
            "version": edition.catalogue_version,
            "phase": call_phase(edition),
            "is_open": call_is_open(edition),
            "document_kinds": DocumentKind.choices,
            "own_applications": own,
            "attachments": list(edition.call_attachments.all()),
        },
    )


def attachment(request, slug: str, pk: int):
    item = selectors.public_attachment(request.user, slug, pk)
    return serve_private_file(request, item.file, item.filename, "application/pdf")


def results(request, slug: str):
    edition, call, groups = selectors.public_results(slug)
    return render(
        request,
        "recruitment/results.html",
        {"edition": edition, "call": call, "groups": groups, "total": sum(len(g.jsts) for g in groups)},
    )


def register(request, slug: str):
    """Ask for an applicant account from a call page. The answer is the same whether or not the address has an
    account (the e-mail to it says which); a new account is usable once the link in that e-mail is opened."""
    edition = selectors.public_call_for(request.user, slug)
    start_url = reverse("recruitment:start", kwargs={"slug": slug})
    if request.user.is_authenticated:
        return redirect(start_url)
    form = ApplicantAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.register_applicant(
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password1"],
            next_url=start_url,
        )
        messages.success(
            request,
            _("Wysłaliśmy wiadomość na adres %(email)s. Otwórz link z tej wiadomości, żeby dokończyć.")
            % {"email": form.cleaned_data["email"]},
        )
        return redirect(f"{reverse('accounts:confirm_email_sent')}?{urlencode({'next': start_url})}")
    login_url = f"{reverse('accounts:login')}?next={start_url}"
    return render(request, "recruitment/register.html", {"edition": edition, "form": form, "login_url": login_url})
