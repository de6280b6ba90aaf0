"""The JST's consents to publish its documents: the page for everybody who follows the engagement, the decisions
for its team leader."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.editing import ask_first
from apps.core.forms import add_errors
from apps.core.permissions import can, require
from apps.engagements.selectors import engagement_for

from .. import selectors, services
from ..forms import ConsentForm
from ..models import DocumentKind


def _ids(document: str) -> str:
    # Each document's form on the one page: the same field names, ids of its own.
    return f"id_{document}_%s"


def consents_url(engagement) -> str:
    return reverse("publications:consents", kwargs={"engagement_pk": engagement.pk})


@login_required
def consents(request, engagement_pk: int):
    engagement = engagement_for(request.user, engagement_pk)
    require(request.user, "consent.view", engagement)
    may_give = can(request.user, "consent.give", engagement)
    bound = None
    if request.method == "POST":
        require(request.user, "consent.give", engagement)
        posted = request.POST.get("document")
        bound = ConsentForm(request.POST, auto_id=_ids(posted if posted in DocumentKind.values else "x"))
        if bound.is_valid():
            try:
                services.record_consent(
                    engagement=engagement,
                    document=bound.cleaned_data["document"],
                    choice=bound.cleaned_data["choice"],
                    by=request.user,
                )
            except ValidationError as error:
                add_errors(bound, error)
            else:
                messages.success(request, _("Zapisano decyzję JST o publikacji."))
                return redirect(consents_url(engagement))
    history = selectors.consents_of(engagement)
    documents = []
    for document, label in DocumentKind.choices:
        version = services.consentable_version(engagement=engagement, document=document)
        current = next((c for c in history if c.document == document and c.withdrawn_at is None), None)
        form = None
        if may_give and version is not None:
            if bound is not None and bound.data.get("document") == document:
                form = bound
            else:
                form = ConsentForm(initial={"document": document}, auto_id=_ids(document))
        documents.append({"kind": document, "label": label, "version": version, "current": current, "form": form})
    return render(
        request,
        "publications/consents.html",
        {"engagement": engagement, "documents": documents, "history": history, "may_give": may_give},
    )


@login_required
def withdraw(request, engagement_pk: int, pk: int):
    engagement = engagement_for(request.user, engagement_pk)
    require(request.user, "consent.give", engagement)
    consent = selectors.consent_of(engagement, pk)
    return ask_first(
        request,
        lambda: services.withdraw_consent(consent=consent, by=request.user),
        success=_("Wycofano zgodę. Dokument zniknął z bazy wiedzy; organizator dostał wiadomość."),
        done=consents_url(engagement),
        title=_("Wycofanie zgody na publikację"),
        subject=f"{consent.get_document_display()}, {_('wersja')} {consent.version}",
        question=_(
            "Jeśli dokument jest opublikowany, zniknie z bazy wiedzy, a organizator dostanie wiadomość. "
            "Zgodę można później wyrazić ponownie."
        ),
        button=_("Wycofaj zgodę"),
        back=consents_url(engagement),
    )
