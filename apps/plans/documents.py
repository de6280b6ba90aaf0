"""Document builders for ``apps.documents.request_document``: the HDR as PDF (the working copy or a frozen
version). Both render the same snapshot structure, so a frozen version prints exactly as it was approved."""

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.text import ascii_slug
from apps.documents.pdf import render_pdf

from . import selectors
from .snapshot import build_snapshot, present


def _slug(name: str) -> str:
    return ascii_slug(name, fallback="jst")


def _render(snapshot: dict, *, state: str, approvals: list[tuple[str, str]], progress, edition=None) -> bytes:
    progress(30)
    doc = present(snapshot)
    progress(50)
    return render_pdf(
        template="plans/pdf/plan.html",
        context={
            "title": _("Harmonogram Działań Rozwojowych: %(jst)s") % {"jst": snapshot["header"]["jst"]},
            "doc": doc,
            "state": state,
            "approvals": approvals,
            "generated_at": timezone.now(),
            # The funding marks the edition must show (a frozen version prints today's marks of its edition).
            "edition": edition,
        },
    )


def build_plan_pdf(plan, progress):
    plan = selectors.plan_with_header(plan.pk)
    snapshot = build_snapshot(plan, **selectors.plan_contents(plan))
    progress(15)
    data = _render(
        snapshot,
        state=_("stan na dzień wygenerowania: %(state)s") % {"state": plan.get_status_display()},
        approvals=[],
        progress=progress,
        edition=plan.engagement.edition,
    )
    return f"HDR-{_slug(plan.engagement.local_government.display_name)}.pdf", data, "application/pdf"


def build_version_pdf(version, progress):
    version = selectors.version_of(version.plan, version.number)
    approvals = [
        (a.advisor.full_name, a.get_role_display(), timezone.localtime(a.approved_at).strftime("%d.%m.%Y"))
        for a in version.approvals.all()
    ]
    state = _("wersja %(number)s: %(status)s") % {"number": version.number, "status": version.get_status_display()}
    data = _render(
        version.snapshot, state=state, approvals=approvals, progress=progress, edition=version.plan.engagement.edition
    )
    name = _slug(version.snapshot["header"]["jst"])
    return f"HDR-{name}-wersja-{version.number}.pdf", data, "application/pdf"
