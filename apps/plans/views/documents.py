"""The HDR's PDF and spreadsheet."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.audit.selectors import readable_history_of
from apps.core.text import ascii_slug
from apps.documents.exports import build_xlsx, export_response
from apps.documents.jobs import request_document

from .. import selectors
from ..xlsx import action_table
from .common import _plan_url

PLAN_PDF_BUILDER = "apps.plans.documents.build_plan_pdf"


VERSION_PDF_BUILDER = "apps.plans.documents.build_version_pdf"


@login_required
@require_POST
def pdf(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    version_number = request.POST.get("wersja", "")
    if version_number.isdigit():
        version = selectors.version_of(plan, int(version_number))
        document = request_document(
            target=version,
            kind="plan_version_pdf",
            title=_("HDR %(jst)s, wersja %(number)s (PDF)")
            % {"jst": engagement.local_government.display_name, "number": version.number},
            builder=VERSION_PDF_BUILDER,
            view_action="plan_version.view",
            by=request.user,
        )
    else:
        document = request_document(
            target=plan,
            kind="plan_pdf",
            title=_("HDR %(jst)s (PDF)") % {"jst": engagement.local_government.display_name},
            builder=PLAN_PDF_BUILDER,
            view_action="plan.view",
            by=request.user,
        )
    return redirect("documents:status", pk=document.pk)


@login_required
def xlsx(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    headers, rows = action_table(plan, selectors.plan_contents(plan)["actions"])
    data = build_xlsx(_("Działania HDR"), headers, rows)
    name = ascii_slug(engagement.local_government.display_name, fallback="jst")
    return export_response(data=data, filename=f"hdr-dzialania-{name}", kind="xlsx")


@login_required
def history(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    return render(
        request,
        "audit/history.html",
        {"object": plan, "entries": readable_history_of(plan), "back_url": _plan_url(plan)},
    )
