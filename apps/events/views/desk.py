"""The organiser's desk: venues, events over the edition's planned events, invited people, invitations."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from apps.core.editing import form_page, run_action
from apps.core.permissions import can, require

from .. import selectors, services
from ..forms import EventForm, InviteForm, VenueForm, trainer_choices
from ..links import MANAGE, links_for
from ..models import Event
from .common import desk_view
from .confirm import confirm_then


@login_required
def desk(request):
    require(request.user, "event.desk")
    edition_slug = request.GET.get("edycja", "")[:100]
    missing_only = bool(edition_slug and request.GET.get("brak_zgloszen"))
    return render(
        request,
        "events/desk.html",
        {
            "editions": selectors.desk_editions(request.user, edition_slug=edition_slug, missing_only=missing_only),
            "may_manage": can(request.user, "event.manage"),
            "filtered": bool(edition_slug),
            "missing_only": missing_only,
        },
    )


@login_required
def venues(request):
    require(request.user, "event.manage")
    return render(request, "events/venues.html", {"venues": selectors.venues_of(request.user)})


@login_required
def venue_create(request):
    require(request.user, "event.manage")
    organisations = selectors.organisations_for_venues(request.user)
    form = VenueForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda f: services.save_venue(organiser=organisations.first(), by=request.user, **f.cleaned_data),
        success=_("Dodano miejsce."),
        done=reverse("events:venues"),
        template="events/venue_form.html",
        context={"venue": None},
    )


@login_required
def venue_edit(request, pk: int):
    venue = selectors.venue_for(request.user, pk)
    form = VenueForm(request.POST or None, instance=selectors.venue_for(request.user, pk))
    return form_page(
        request,
        form,
        save=lambda f: services.save_venue(organiser=venue.organiser, by=request.user, venue=venue, **f.cleaned_data),
        success=_("Zapisano miejsce."),
        done=reverse("events:venues"),
        template="events/venue_form.html",
        context={"venue": venue},
    )


@require_http_methods(["GET", "POST"])
@login_required
def venue_delete(request, pk: int):
    venue = selectors.venue_for(request.user, pk)
    return confirm_then(
        request,
        event=None,
        title=_("Usunięcie miejsca"),
        text=_(
            "Miejsce „%(name)s” (%(address)s) zostanie usunięte. Miejsca używanego przez wydarzenie nie można usunąć."
        )
        % {"name": venue.name, "address": venue.address},
        button=_("Usuń miejsce"),
        action=lambda: services.delete_venue(venue=venue, by=request.user),
        success=_("Usunięto miejsce."),
        done=reverse("events:venues"),
    )


def _venues_for(user, organiser_id):
    return selectors.venues_of(user).filter(organiser_id=organiser_id)


@login_required
def set_up(request, planned_pk: int):
    planned = selectors.planned_event_for_desk(request.user, planned_pk)
    require(request.user, "event.manage", planned.edition)
    if Event.objects.filter(planned_event=planned).exists():
        return redirect("events:manage", pk=planned.event.pk)
    edition = planned.edition
    initial = {
        "capacity": edition.capacity * edition.team_size_max,
        # Two weeks ahead, but never a day already past (an event set up late closes on its first day).
        "registration_deadline": min(
            planned.starts_on, max(timezone.localdate(), planned.starts_on - timedelta(days=14))
        ),
        "privacy_notice": _(
            "Administratorem danych osobowych jest %(organiser)s. Dane uczestników przetwarzamy w celu organizacji "
            "wydarzenia (rejestracja, zakwaterowanie, wyżywienie, lista obecności, zaświadczenia) i rozliczenia "
            "projektu. Masz prawo dostępu do danych, ich sprostowania, usunięcia lub ograniczenia przetwarzania."
        )
        % {"organiser": edition.organiser.name},
    }
    form = EventForm(request.POST or None, initial=initial, venues=_venues_for(request.user, edition.organiser_id))
    return form_page(
        request,
        form,
        save=lambda f: services.set_up_event(planned_event=planned, by=request.user, **f.values()),
        success=_("Przygotowano wydarzenie."),
        done=lambda event: reverse("events:manage", kwargs={"pk": event.pk}),
        template="events/event_form.html",
        context={"planned": planned, "event": None},
    )


@desk_view("event.manage")
def event_edit(request, event):
    import copy

    form = EventForm(
        request.POST or None,
        instance=copy.copy(event),
        venues=_venues_for(request.user, event.planned_event.edition.organiser_id),
    )
    return form_page(
        request,
        form,
        save=lambda f: services.update_event(
            event=event, by=request.user, expected_version=f.started_from(), **f.values()
        ),
        success=_("Zapisano wydarzenie."),
        done=reverse("events:manage", kwargs={"pk": event.pk}),
        template="events/event_form.html",
        context={"planned": event.planned_event, "event": event},
    )


@desk_view()
def manage(request, event):
    return render(
        request,
        "events/manage.html",
        {
            "event": event,
            "numbers": selectors.numbers_of(event),
            "may_manage": can(request.user, "event.manage", event),
            "missed": selectors.teams_missing(event, limit=selectors.MISSED_SHOWN),
            "missed_total": selectors.missed_teams(event).count(),
            "links": links_for(event, request.user, MANAGE),
        },
    )


def _invited_people(event):
    """(name, e-mail) of everyone invited who has no registration yet."""
    return selectors.invited_without_registration(event)


@desk_view()
def invitees(request, event):
    may_manage = can(request.user, "event.manage", event)
    people = trainer_choices(event.planned_event.edition).exclude(event_invitations__event=event)
    form = InviteForm(request.POST or None, people=people)
    if request.method == "POST":
        require(request.user, "event.manage", event)
    return form_page(
        request,
        form,
        save=lambda f: services.invite_person(
            event=event, by=request.user, user=f.cleaned_data["user"], role=f.cleaned_data["role"]
        ),
        success=_("Zaproszono osobę."),
        done=reverse("events:invitees", kwargs={"pk": event.pk}),
        template="events/invitees.html",
        context={
            "event": event,
            "invitees": event.invitees.select_related("user").order_by("user__full_name"),
            "may_manage": may_manage,
            "not_registered": _invited_people(event),
        },
    )


@require_http_methods(["GET", "POST"])
@desk_view("event.manage")
def invitee_remove(request, event, invitee_pk: int):
    invitee = get_object_or_404(event.invitees.select_related("user", "event"), pk=invitee_pk)
    return confirm_then(
        request,
        event=event,
        title=_("Usunięcie osoby z zaproszonych"),
        text=_("%(name)s nie będzie już zaproszona/y na to wydarzenie (zgłoszenie, jeśli jest, zostaje).")
        % {"name": invitee.user.full_name or invitee.user.email},
        button=_("Usuń z zaproszonych"),
        action=lambda: services.remove_invitee(invitee=invitee, by=request.user),
        success=_("Usunięto osobę z zaproszonych."),
        done=reverse("events:invitees", kwargs={"pk": event.pk}),
    )


@require_http_methods(["GET", "POST"])
@desk_view("event.manage")
def programme_send(request, event):
    pending = list(services.programme_pending(event=event).order_by("full_name").values_list("full_name", flat=True))
    return confirm_then(
        request,
        event=event,
        title=_("Wysyłka programu"),
        text=_(
            "Szczegółowy program zostanie wysłany teraz, a nie 7 dni przed wydarzeniem, osobom zarejestrowanym, które "
            "jeszcze go nie dostały (%(count)s). Każda osoba dostanie go raz; późniejsze zmiany programu zostaną "
            "ogłoszone osobnym powiadomieniem."
        )
        % {"count": len(pending)},
        items=pending,
        button=_("Wyślij program"),
        action=lambda: services.send_programme_now(event=event, by=request.user),
        success=lambda count: _("Wysłano program: %(count)s.") % {"count": count},
        done=reverse("events:manage", kwargs={"pk": event.pk}),
        danger=False,
    )


@desk_view("event.manage")
def invitations_send(request, event):
    people = _invited_people(event)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.send_invitations(event=event, people=people, by=request.user),
            success=lambda count: _("Wysłano zaproszenia: %(count)s.") % {"count": count},
            done=reverse("events:manage", kwargs={"pk": event.pk}),
        )
    return render(request, "events/invitations_send.html", {"event": event, "people": people})
