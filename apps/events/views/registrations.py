"""The organiser's list of registrations: changes after the deadline, single rooms, cancelling for someone."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.editing import form_page, run_action
from apps.core.permissions import can
from apps.documents.list_exports import export_page

from .. import exports, selectors, services
from ..display import registration_labels, registration_rows
from ..forms import RegistrationForm, registration_initial
from .common import desk_view
from .confirm import confirm_then

PAGE_SIZE = 100


@desk_view()
def registrations(request, event):
    rows = event.registrations.select_related("engagement__local_government", "roommate").order_by("full_name", "pk")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(
        request,
        "events/registrations.html",
        {
            "event": event,
            "registrations": registration_rows(event, page.object_list),
            "labels": registration_labels(),
            "page": page,
            "numbers": selectors.numbers_of(event),
            "may_manage": can(request.user, "event.manage", event),
        },
    )


@desk_view()
def registrations_export(request, event):
    back = reverse("events:registrations", kwargs={"pk": event.pk})
    return export_page(request, exports.REGISTRATIONS, target=event, back=back)


@desk_view("event.manage")
def registration_edit(request, event, registration_pk: int):
    registration = selectors.registration_for_desk(event, registration_pk)
    form = RegistrationForm(
        request.POST or None,
        event=event,
        roommates=selectors.roommate_options(event, exclude_user=registration.user),
        ask_privacy=False,
        initial=registration_initial(registration),
    )
    return form_page(
        request,
        form,
        save=lambda f: services.update_registration(registration=registration, by=request.user, **f.values()),
        success=_("Zapisano zgłoszenie."),
        done=reverse("events:registrations", kwargs={"pk": event.pk}),
        template="events/registration_edit.html",
        context={"event": event, "registration": registration},
    )


@login_required
@require_POST
@desk_view("event.manage")
def single_room(request, event, registration_pk: int):
    registration = selectors.registration_for_desk(event, registration_pk)
    approved = request.POST.get("decision") == "approve"
    return run_action(
        request,
        lambda: services.decide_single_room(registration=registration, by=request.user, approved=approved),
        success=_("Zatwierdzono pokój jednoosobowy.") if approved else _("Nie zatwierdzono pokoju jednoosobowego."),
        done=reverse("events:registrations", kwargs={"pk": event.pk}),
    )


@require_http_methods(["GET", "POST"])
@desk_view("event.manage")
def registration_cancel(request, event, registration_pk: int):
    registration = selectors.registration_for_desk(event, registration_pk)
    return confirm_then(
        request,
        event=event,
        title=_("Anulowanie zgłoszenia osoby %(name)s") % {"name": registration.full_name},
        text=_(
            "Zgłoszenie %(name)s zostanie anulowane: zwolnione miejsce dostanie pierwsza osoba z listy rezerwowej, "
            "pokój i posiłki przestaną być rezerwowane, a uczestnik dostanie wiadomość."
        )
        % {"name": registration.full_name},
        button=_("Anuluj zgłoszenie"),
        action=lambda: services.cancel_registration(registration=registration, by=request.user),
        success=_("Anulowano zgłoszenie: %(name)s.") % {"name": registration.full_name},
        done=reverse("events:registrations", kwargs={"pk": event.pk}),
    )
