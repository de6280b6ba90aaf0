"""The feedback register's pages: making a remark (from the "Uwaga do modelu" links), one's own remarks, and the
coordinator's register with triage, merging, linking to a catalogue draft and the export."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import form_page, run_action, show_error
from apps.core.permissions import require
from apps.documents.exports import build_csv, build_xlsx, export_response

from . import selectors, services
from .forms import RegisterFilters, RemarkForm, StatusForm
from .models import Remark

PAGE_SIZE = 25


@login_required
def remark_create(request):
    require(request.user, "feedback.submit")
    initial = {"part": request.GET.get("part", "")}
    form = RemarkForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.submit_remark(
            part=f.cleaned_data["part"], text=f.cleaned_data["text"], author=request.user
        ),
        success=_("Dziękujemy. Uwaga trafiła do rejestru uwag do modelu; o jej wdrożeniu powiadomimy e-mailem."),
        done=reverse("feedback:my_remarks"),
        template="feedback/remark_form.html",
    )


@login_required
def my_remarks(request):
    require(request.user, "feedback.submit")
    page = Paginator(selectors.own_remarks(request.user), PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "feedback/my_remarks.html", {"page": page, "query": ""})


def _filtered(request):
    filters = RegisterFilters(request.GET)
    values = filters.values()
    return filters, values, selectors.register_for(request.user, **values)


@login_required
def register(request):
    filters, values, remarks = _filtered(request)
    page = Paginator(remarks, PAGE_SIZE).get_page(request.GET.get("strona"))
    query = urlencode({k: v for k, v in request.GET.items() if k != "strona" and v})
    return render(
        request,
        "feedback/register.html",
        {"filters": filters, "page": page, "query": query, "export_query": query},
    )


EXPORT_HEADERS = [
    "Nr",
    "Data",
    "Rodzaj części modelu",
    "Część modelu",
    "Treść",
    "Autor",
    "Źródło",
    "Stan",
    "Uzasadnienie",
    "Duplikat uwagi nr",
    "Uwzględniona w wersji",
    "Wdrożona w wersji",
]


@login_required
def export(request, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _filters, _values, remarks = _filtered(request)
    rows = [
        [
            r.pk,
            r.created_at,
            r.get_part_kind_display(),
            r.part_label,
            r.text,
            (r.author.full_name or r.author.email) if r.author else _("anonimowa"),
            " · ".join(x for x in [str(r.get_source_display()), r.source_label] if x),
            r.get_status_display(),
            r.decision_note,
            r.duplicate_of_id or "",
            r.addressed_in.number if r.addressed_in else "",
            r.implemented_in.number if r.implemented_in else "",
        ]
        for r in remarks
    ]
    builders = {
        "csv": lambda: build_csv(EXPORT_HEADERS, rows),
        "xlsx": lambda: build_xlsx(_("Uwagi"), EXPORT_HEADERS, rows),
    }
    data = builders[fmt]()
    return export_response(data=data, filename="uwagi-do-modelu", kind=fmt)


def _status_choices(remark: Remark):
    labels = dict(Remark.Status.choices)
    return [(s, labels[s]) for s in Remark.Status.values if s in services.TRANSITIONS.get(remark.status, set())]


@login_required
def remark_detail(request, pk: int):
    remark = selectors.remark_for(request.user, pk)
    context = {
        "remark": remark,
        "status_form": StatusForm(choices=_status_choices(remark)),
        "duplicates": selectors.duplicates_of(remark),
        "candidates": selectors.merge_candidates(remark),
        "draft": selectors.open_draft(),
    }
    return render(request, "feedback/detail.html", context)


def _detail_url(remark: Remark) -> str:
    return reverse("feedback:detail", kwargs={"pk": remark.pk})


@login_required
@require_POST
def remark_status(request, pk: int):
    remark = selectors.remark_for(request.user, pk)
    form = StatusForm(request.POST, choices=_status_choices(remark))
    if not form.is_valid():
        show_error(request, ValidationError(_("Wybierz nowy stan uwagi z listy.")))
        return redirect(_detail_url(remark))
    return run_action(
        request,
        lambda: services.change_status(
            remark=remark, by=request.user, status=form.cleaned_data["status"], note=form.cleaned_data["note"]
        ),
        success=lambda r: _("Uwaga jest teraz w stanie „%(status)s”.") % {"status": r.get_status_display()},
        done=_detail_url(remark),
    )


@login_required
@require_POST
def remark_merge(request, pk: int):
    remark = selectors.remark_for(request.user, pk)
    try:
        into = selectors.remark_for(request.user, int(request.POST.get("into", "")))
    except (ValueError, Http404):
        show_error(request, ValidationError(_("Wybierz uwagę, której duplikatem jest ta uwaga.")))
        return redirect(_detail_url(remark))
    return run_action(
        request,
        lambda: services.merge_remark(remark=remark, into=into, by=request.user),
        success=_("Uwaga połączona jako duplikat uwagi nr %(pk)s.") % {"pk": into.pk},
        done=_detail_url(remark),
    )


@login_required
@require_POST
def remark_link(request, pk: int):
    remark = selectors.remark_for(request.user, pk)
    version = selectors.open_draft() if request.POST.get("action") != "unlink" else None
    if version is None and request.POST.get("action") != "unlink":
        show_error(request, ValidationError(_("Nie ma wersji roboczej katalogu. Utwórz ją na liście wersji.")))
        return redirect(_detail_url(remark))
    return run_action(
        request,
        lambda: services.link_to_draft(remark=remark, by=request.user, version=version),
        success=_("Zapisano powiązanie z wersją roboczą katalogu."),
        done=_detail_url(remark),
    )
