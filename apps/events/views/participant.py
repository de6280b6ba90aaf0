"""The public list of an edition's events and the participants' pages: the full event page, registration,
cancelling, accepting a freed place, the team leader's view of the JST's registrations."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import form_page, run_action
from apps.core.permissions import can
from apps.territory.kinds import WorkshopGroup

from .. import selectors, services
from ..forms import RegistrationForm, registration_initial
from ..helpers import deadline_passed
from ..links import DETAIL, links_for
from ..models import Registration
from .common import participant_view


def public_list(request, slug: str):
    edition, events = selectors.public_events_of(slug)
    return render(request, "events/public_list.html", {"edition": edition, "events": events})


@login_required
def mine(request):
    events = selectors.my_events(request.user)
    states = {r.event_id: r for r in Registration.objects.filter(user=request.user, event__in=[e.pk for e in events])}
    rows = [(event, states.get(event.pk)) for event in events]
    return render(request, "events/mine.html", {"rows": rows, "may_desk": can(request.user, "event.desk")})


@participant_view()
def detail(request, event):
    registration = selectors.registration_of(event, request.user)
    group, sessions = selectors.my_agenda(event, request.user)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "venue": event.venue,
            "registration": registration,
            "may_attend": can(request.user, "event.attend", event),
            "may_desk": can(request.user, "event.desk", event),
            "may_lead": can(request.user, "event.lead_team", event),
            "deadline_passed": deadline_passed(event),
            "days": selectors.agenda_days(event, sessions),
            "group_label": WorkshopGroup(group).label if group else "",
            "links": links_for(event, request.user, DETAIL),
            "qr": services.qr_svg(registration=registration, scale=3)
            if registration and registration.is_active
            else "",
        },
    )


@participant_view("event.attend")
def register(request, event):
    registration = selectors.registration_of(event, request.user)
    if registration and registration.status == Registration.Status.CANCELLED:
        registration = None
    roommates = selectors.roommate_options(event, exclude_user=request.user)
    if registration is None:
        form = RegistrationForm(
            request.POST or None,
            event=event,
            roommates=roommates,
            initial={"days": [d.isoformat() for d in event.days], "diet": "standard"},
        )

        def save(f):
            values = f.values()
            return services.register(
                event=event,
                user=request.user,
                by=request.user,
                privacy_acknowledged=values.pop("privacy_acknowledged", False),
                **values,
            )

        def success(r):
            if r.status == Registration.Status.WAITING:
                return _("Brak wolnych miejsc: jesteś na liście rezerwowej. Napiszemy, gdy zwolni się miejsce.")
            return _("Zarejestrowano. Potwierdzenie z kodem uczestnika wysłaliśmy e-mailem.")
    else:
        form = RegistrationForm(
            request.POST or None,
            event=event,
            roommates=roommates,
            ask_privacy=False,
            initial=registration_initial(registration),
        )

        def save(f):
            return services.update_registration(registration=registration, by=request.user, **f.values())

        def success(r):
            return _("Zapisano zmiany zgłoszenia.")

    return form_page(
        request,
        form,
        save=save,
        success=success,
        done=reverse("events:detail", kwargs={"pk": event.pk}),
        template="events/register.html",
        context={
            "event": event,
            "registration": registration,
            "deadline_passed": deadline_passed(event),
        },
    )


def _own_registration(event, user) -> Registration:
    registration = selectors.registration_of(event, user)
    if registration is None:
        raise Http404
    return registration


@participant_view("event.attend")
def cancel(request, event):
    registration = _own_registration(event, request.user)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.cancel_registration(registration=registration, by=request.user),
            success=_("Anulowano zgłoszenie. Miejsce przekazujemy pierwszej osobie z listy rezerwowej."),
            done=reverse("events:detail", kwargs={"pk": event.pk}),
        )
    if registration.status == Registration.Status.CANCELLED:
        return redirect("events:detail", pk=event.pk)
    return render(request, "events/cancel.html", {"event": event, "registration": registration})


@login_required
@require_POST
@participant_view("event.attend")
def accept_offer(request, event):
    registration = _own_registration(event, request.user)
    return run_action(
        request,
        lambda: services.accept_offer(registration=registration, by=request.user),
        success=_("Przyjęto miejsce. Potwierdzenie wysłaliśmy e-mailem."),
        done=reverse("events:detail", kwargs={"pk": event.pk}),
    )


@participant_view("event.lead_team")
def team(request, event):
    return render(request, "events/team.html", {"event": event, "status": selectors.team_status(event, request.user)})
