"""Rooms for two and the lists for the hotel and the caterer (XLSX/CSV)."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.editing import form_page, run_action
from apps.core.permissions import can
from apps.core.text import ascii_slug
from apps.documents.exports import build_csv, build_xlsx, export_response

from .. import selectors, services
from ..forms import RoomForm, person_label
from ..lists import LISTS
from ..models import Registration
from .common import desk_view
from .confirm import confirm_then

PAGE_SIZE = 100


def _rooms_url(event) -> str:
    return reverse("events:rooms", kwargs={"pk": event.pk})


@desk_view()
def rooms(request, event):
    people = event.registrations.filter(status=Registration.Status.REGISTERED)
    form = RoomForm(request.POST or None, people=people)
    page = Paginator(selectors.rooms_of(event), PAGE_SIZE).get_page(request.GET.get("strona"))
    if request.method == "POST" and not can(request.user, "event.manage", event):
        raise Http404
    unroomed = list(selectors.unroomed(event))
    return form_page(
        request,
        form,
        save=lambda f: services.set_room(
            event=event, by=request.user, first=f.cleaned_data["first"], second=f.cleaned_data["second"]
        ),
        success=_("Zapisano pokój."),
        done=_rooms_url(event),
        template="events/rooms.html",
        context={
            "event": event,
            "rooms": list(enumerate(page.object_list, start=page.start_index())),
            "page": page,
            "unroomed": unroomed,
            # The suggestions are the people still without a room (whom one pairs by hand); anyone registered
            # may be typed by e-mail or name.
            "suggestions": [person_label(r) for r in unroomed],
            "nights": selectors.rooms_per_night(event),
            "may_manage": can(request.user, "event.manage", event),
        },
    )


@login_required
@require_POST
@desk_view("event.manage")
def pair_rooms(request, event):
    return run_action(
        request,
        lambda: services.pair_rooms(event=event, by=request.user),
        success=lambda made: (
            _(
                "Dobrano pokoje: wzajemne wybory %(mutual)s, propozycje %(proposed)s, jednoosobowe %(single)s; "
                "bez pary: %(unpaired)s."
            )
            % made
        ),
        done=_rooms_url(event),
    )


@require_http_methods(["GET", "POST"])
@desk_view("event.manage")
def room_remove(request, event, room_pk: int):
    room = get_object_or_404(event.rooms.select_related("first", "second", "event"), pk=room_pk)
    people = [room.first.full_name] + ([room.second.full_name] if room.second_id else [])
    return confirm_then(
        request,
        event=event,
        title=_("Rozdzielenie pokoju"),
        text=_("Przydział pokoju zostanie usunięty; te osoby wrócą na listę osób bez pokoju:"),
        items=people,
        button=_("Rozdziel"),
        action=lambda: services.remove_room(room=room, by=request.user),
        success=_("Usunięto przydział pokoju."),
        done=_rooms_url(event),
    )


@desk_view()
def export(request, event, kind: str, fmt: str):
    if kind not in LISTS or fmt not in ("csv", "xlsx"):
        raise Http404
    night = None
    if kind == "pokoje":
        try:
            night = date.fromisoformat(request.GET.get("noc", ""))
        except ValueError:
            night = event.nights[0]
        if night not in event.nights:
            raise Http404
    spec = LISTS[kind]
    title, headers, rows = spec(event, night) if night else spec(event)
    filename = ascii_slug(f"{title} {event.title}", max_length=80)
    data = build_csv(headers, rows) if fmt == "csv" else build_xlsx(title, headers, rows)
    return export_response(data=data, filename=filename, kind=fmt)
