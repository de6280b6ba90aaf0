"""The agenda: the organiser's editor (sessions, breaks, meals; copy from another event; materials) and each
person's own agenda."""

import copy

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.editing import form_page, run_action
from apps.core.permissions import can
from apps.core.text import ascii_slug
from apps.documents.views import serve_private_file

from .. import selectors, services
from ..forms import CopyAgendaForm, SessionForm
from ..models import SessionMaterial
from .common import desk_view, participant_view
from .confirm import confirm_then


def _agenda_url(event) -> str:
    return reverse("events:agenda", kwargs={"pk": event.pk})


class MaterialForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("nazwa materiału"), max_length=200)
    file = forms.FileField(
        label=gettext_lazy("plik"),
        help_text=gettext_lazy("PDF, zdjęcie albo dokument biurowy (Word, Excel, PowerPoint, OpenDocument)."),
    )


@desk_view()
def agenda(request, event):
    sessions = selectors.sessions_of(event)
    return render(
        request,
        "events/agenda.html",
        {
            "event": event,
            "days": selectors.agenda_days(event, sessions),
            "may_manage": can(request.user, "event.manage", event),
            "copy_form": CopyAgendaForm(sources=selectors.events_to_copy_from(event)) if not sessions else None,
            "material_form": MaterialForm(),
        },
    )


@desk_view("event.manage")
def session_create(request, event):
    day = request.GET.get("dzien") or event.days[0].isoformat()
    group = request.GET.get("grupa", "")
    initial = {"day": day, "workshop_group": group, "duration_minutes": 90, "kind": "session"}
    topic = (
        event.topics.filter(pk=request.GET.get("temat") or 0).first()
        if request.GET.get("temat", "").isdigit()
        else None
    )
    if topic is not None:
        initial.update({"title": topic.title, "topic_family": topic.family, "topic": topic.pk})
    try:
        from datetime import date

        initial["starts_at"] = services.next_start(event=event, day=date.fromisoformat(day), group=group)
    except ValueError:
        pass
    form = SessionForm(request.POST or None, event=event, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.save_session(event=event, by=request.user, **f.values()),
        success=_("Dodano blok programu."),
        done=_agenda_url(event),
        template="events/session_form.html",
        context={"event": event, "session": None},
    )


@desk_view("event.manage")
def session_edit(request, event, session_pk: int):
    session = selectors.session_of(event, session_pk)
    form = SessionForm(request.POST or None, event=event, instance=copy.copy(session))
    return form_page(
        request,
        form,
        save=lambda f: services.save_session(
            event=event, by=request.user, session=session, expected_version=f.started_from(), **f.values()
        ),
        success=_("Zapisano blok programu."),
        done=_agenda_url(event),
        template="events/session_form.html",
        context={"event": event, "session": session},
    )


@require_http_methods(["GET", "POST"])
@desk_view("event.manage")
def session_delete(request, event, session_pk: int):
    session = selectors.session_of(event, session_pk)
    told = _("Jeśli program został już wysłany, uczestnicy tej grupy dostaną powiadomienie o zmianie.")
    return confirm_then(
        request,
        event=event,
        title=_("Usunięcie bloku programu"),
        text=_("Blok „%(title)s” (%(day)s, %(time)s) zostanie usunięty razem z jego materiałami. %(told)s")
        % {"title": session.title, "day": session.day.strftime("%d.%m.%Y"), "time": session.time_label, "told": told},
        button=_("Usuń blok"),
        action=lambda: services.delete_session(session=session, by=request.user),
        success=_("Usunięto blok „%(title)s”.") % {"title": session.title},
        done=_agenda_url(event),
    )


@login_required
@require_POST
@desk_view("event.manage")
def copy_agenda(request, event):
    form = CopyAgendaForm(request.POST, sources=selectors.events_to_copy_from(event))
    if not form.is_valid():
        messages.error(request, _("Wybierz wydarzenie, z którego skopiować program."))
        return redirect(_agenda_url(event))
    return run_action(
        request,
        lambda: services.copy_agenda(event=event, source=form.cleaned_data["source"], by=request.user),
        success=lambda n: _("Skopiowano bloków programu: %(count)s.") % {"count": n},
        done=_agenda_url(event),
    )


@login_required
@require_POST
@desk_view("event.manage")
def material_upload(request, event, session_pk: int):
    session = selectors.session_of(event, session_pk)
    form = MaterialForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Podaj nazwę materiału i wybierz plik."))
        return redirect(_agenda_url(event))
    try:
        services.add_material(
            session=session, by=request.user, name=form.cleaned_data["name"], file=form.cleaned_data["file"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_agenda_url(event))
    messages.success(request, _("Dodano materiał do „%(title)s”.") % {"title": session.title})
    return redirect(_agenda_url(event))


@participant_view()
def material_download(request, event, material_pk: int):
    material = get_object_or_404(
        SessionMaterial.objects.select_related("session"), session__event=event, pk=material_pk
    )
    filename = f"{ascii_slug(material.name)}{material.extension}"
    return serve_private_file(request, material.file, filename, material.content_type)


@participant_view()
def my_agenda(request, event):
    group, sessions = selectors.my_agenda(event, request.user)
    return render(
        request,
        "events/my_agenda.html",
        {"event": event, "group": group, "days": selectors.agenda_days(event, sessions)},
    )
