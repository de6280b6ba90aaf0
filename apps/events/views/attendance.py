"""Attendance: the check-in page made for a phone (code typed or scanned from the QR, or search by name), the
attendance list PDF per day and workshop group with a signature column, the signed scans."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.forms import add_errors
from apps.core.permissions import can
from apps.documents.jobs import request_document
from apps.documents.list_exports import export_page
from apps.documents.selectors import documents_for_target
from apps.documents.views import serve_private_file
from apps.territory.kinds import WorkshopGroup

from .. import exports, selectors, services
from ..forms import AttendanceScanForm, CheckInForm
from ..models import CheckIn, Registration
from .common import desk_view
from .confirm import confirm_then


def _today_or_first(event) -> date:
    today = timezone.localdate()
    return today if today in event.days else event.days[0]


def _check_in_url(event, day=None) -> str:
    url = reverse("events:check_in", kwargs={"pk": event.pk})
    return f"{url}?dzien={day.isoformat()}" if day else url


@desk_view("event.manage")
def check_in(request, event):
    try:
        day = date.fromisoformat(request.POST.get("day") or request.GET.get("dzien", ""))
    except ValueError:
        day = _today_or_first(event)
    if day not in event.days:
        day = _today_or_first(event)
    form = CheckInForm(
        request.POST or None, event=event, initial={"day": day.isoformat(), "code": request.GET.get("kod", "")}
    )
    if request.method == "POST" and form.is_valid():
        picked = None
        if request.POST.get("registration"):
            picked = get_object_or_404(
                Registration.objects.select_related("event"), event=event, pk=request.POST["registration"]
            )
        try:
            entry, new = services.check_in(
                event=event,
                by=request.user,
                code=form.cleaned_data["code"],
                registration=picked,
                day=form.cleaned_data["day"],
            )
        except ValidationError as error:
            add_errors(form, error, field="code")
        else:
            name = entry.registration.full_name
            if new:
                messages.success(request, _("Obecna/obecny: %(name)s.") % {"name": name})
            else:
                messages.info(request, _("%(name)s była/był już potwierdzona/y tego dnia.") % {"name": name})
            return redirect(_check_in_url(event, form.cleaned_data["day"]))
    query = (request.GET.get("szukaj") or "").strip()
    found = []
    if query:
        found = list(
            event.registrations.filter(status=Registration.Status.REGISTERED, full_name__icontains=query)
            .select_related("engagement__local_government")
            .order_by("full_name")[:20]
        )
    present_ids = set(
        CheckIn.objects.filter(registration__event=event, day=day).values_list("registration_id", flat=True)
    )
    for registration in found:
        registration.present = registration.pk in present_ids
    code_person = None
    if request.method == "GET" and request.GET.get("kod"):
        code_person = event.registrations.filter(code=services.code_from_scan(code=request.GET["kod"])).first()
    return render(
        request,
        "events/check_in.html",
        {
            "event": event,
            "form": form,
            "day": day,
            "query": query,
            "found": found,
            "code_person": code_person,
            "present_count": len(present_ids),
            "recent": CheckIn.objects.filter(registration__event=event, day=day)
            .select_related("registration")
            .order_by("-at")[:10],
        },
    )


@require_http_methods(["GET", "POST"])
@desk_view("event.manage")
def undo_check_in(request, event, entry_pk: int):
    entry = get_object_or_404(CheckIn.objects.select_related("registration"), registration__event=event, pk=entry_pk)
    name = entry.registration.full_name
    return confirm_then(
        request,
        event=event,
        title=_("Cofnięcie obecności"),
        text=_("Potwierdzenie obecności %(name)s w dniu %(day)s zostanie usunięte.")
        % {"name": name, "day": entry.day.strftime("%d.%m.%Y")},
        button=_("Cofnij obecność"),
        action=lambda: services.undo_check_in(entry=entry, by=request.user),
        success=_("Cofnięto obecność: %(name)s.") % {"name": name},
        done=_check_in_url(event, entry.day),
    )


PAGE_SIZE = 100
JST_PAGE_SIZE = 50
JST_SORT_LABELS = [
    ("jst", gettext_lazy("nazwa JST (A–Z)")),
    ("-jst", gettext_lazy("nazwa JST (Z–A)")),
    ("obecni", gettext_lazy("najmniej obecnych (nieobecne zespoły najpierw)")),
    ("-obecni", gettext_lazy("najwięcej obecnych")),
    ("zarejestrowani", gettext_lazy("najmniej zarejestrowanych")),
    ("-zarejestrowani", gettext_lazy("najwięcej zarejestrowanych")),
]


def _query_without(request, name: str) -> str:
    """The page's other GET parameters, encoded (each paginated table keeps the other's page and filters)."""
    params = request.GET.copy()
    params.pop(name, None)
    return params.urlencode()


ATTENDANCE_BUILDER = "apps.events.documents.build_attendance_pdf"


@login_required
@require_POST
@desk_view()
def attendance_pdf(request, event):
    """Start (or join) the background job that builds one day's attendance list, for one workshop group or all;
    the status page shows its progress and offers the PDF when it is ready."""
    try:
        day = date.fromisoformat(request.POST.get("dzien", ""))
    except ValueError:
        day = event.days[0]
    group = request.POST.get("grupa", "")
    if day not in event.days or (group and group not in WorkshopGroup.values):
        raise Http404
    label = WorkshopGroup(group).label if group else _("wszyscy")
    document = request_document(
        target=event,
        kind=f"attendance:{day.isoformat()}:{group or 'all'}",
        title=_("Lista obecności: %(title)s, %(day)s, %(group)s")
        % {"title": event.title, "day": day.strftime("%d.%m.%Y"), "group": label},
        builder=ATTENDANCE_BUILDER,
        view_action="event.desk",
        by=request.user,
        params={"day": day.isoformat(), "group": group},
    )
    return redirect("documents:status", pk=document.pk)


@desk_view()
def scans(request, event):
    form = AttendanceScanForm(request.POST or None, request.FILES or None, event=event)
    if request.method == "POST":
        if not can(request.user, "event.manage", event):
            raise Http404
        if form.is_valid():
            try:
                services.upload_attendance_scan(
                    event=event,
                    by=request.user,
                    day=form.cleaned_data["day"],
                    workshop_group=form.cleaned_data["workshop_group"],
                    file=form.cleaned_data["file"],
                )
            except ValidationError as error:
                add_errors(form, error, field="file")
            else:
                messages.success(request, _("Dodano skan listy obecności."))
                return redirect("events:scans", pk=event.pk)
    page = Paginator(selectors.attendance_people(event), PAGE_SIZE).get_page(request.GET.get("strona"))
    jst_search = (request.GET.get("jst_szukaj") or "").strip()
    jst_sort = request.GET.get("jst_sort") if request.GET.get("jst_sort") in selectors.JST_SORTS else "jst"
    jst_page = Paginator(
        selectors.jst_attendance_rows(event, search=jst_search, sort=jst_sort), JST_PAGE_SIZE
    ).get_page(request.GET.get("jst_strona"))
    return render(
        request,
        "events/attendance.html",
        {
            "event": event,
            "form": form,
            "scans": event.attendance_scans.select_related("uploaded_by"),
            "rows": selectors.attendance_of(event, page.object_list),
            "page": page,
            "by_jst": selectors.jst_attendance_page(jst_page.object_list),
            "jst_page": jst_page,
            "jst_search": jst_search,
            "jst_sort": jst_sort,
            "jst_sorts": JST_SORT_LABELS,
            "jst_query": _query_without(request, "jst_strona"),
            "people_query": _query_without(request, "strona"),
            "groups": WorkshopGroup.choices,
            "documents": documents_for_target(event).filter(kind__startswith="attendance:")[:5],
            "may_manage": can(request.user, "event.manage", event),
        },
    )


@desk_view()
def scan_download(request, event, scan_pk: int):
    scan = get_object_or_404(event.attendance_scans, pk=scan_pk)
    return serve_private_file(request, scan.file, f"lista-obecnosci-{scan.day.isoformat()}.pdf", "application/pdf")


def _scans_url(event, anchor: str = "") -> str:
    return reverse("events:scans", kwargs={"pk": event.pk}) + anchor


@desk_view()
def attendance_export(request, event):
    return export_page(request, exports.ATTENDANCE, target=event, back=_scans_url(event))


@desk_view()
def attendance_jst_export(request, event):
    """The JSTs' attendance with the page's search and order (``jst_szukaj``, ``jst_sort``) kept."""
    search = (request.GET.get("jst_szukaj") or "").strip()[:100]
    sort = request.GET.get("jst_sort") if request.GET.get("jst_sort") in selectors.JST_SORTS else "jst"
    return export_page(
        request,
        exports.ATTENDANCE_BY_JST,
        target=event,
        params={"search": search, "sort": sort},
        back=_scans_url(event, "#obecnosc-jst"),
    )
