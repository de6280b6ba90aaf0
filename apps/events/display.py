"""What the registrations list prints for each row, computed once per page in Python instead of per row in the
template (as ``apps/plans/display.py`` does for the HDR page): choice labels looked up from dicts built once, the
three per-row URLs from one ``reverse`` each, the fixed texts translated once."""

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.territory.kinds import WorkshopGroup

from .models import Diet, Registration, RoomChoice

_MARK = 987654321


def _per_row(name: str, event_pk: int):
    pattern = reverse(name, kwargs={"pk": event_pk, "registration_pk": _MARK})
    head, tail = pattern.split(str(_MARK))
    return lambda pk: f"{head}{pk}{tail}"


def registration_labels() -> dict[str, str]:
    return {
        "edit": _("Zmień"),
        "approve": _("Zatwierdź pokój jednoosobowy"),
        "refuse": _("Odmów"),
        "cancel": _("Anuluj"),
        "to_decide": _("do decyzji"),
        "approved": _("zatwierdzony"),
        "refused": _("niezatwierdzony"),
    }


def registration_rows(event, registrations) -> list[Registration]:
    statuses = dict(Registration.Status.choices)
    groups = dict(WorkshopGroup.choices)
    rooms = dict(RoomChoice.choices)
    diets = dict(Diet.choices)
    edit_url = _per_row("events:registration_edit", event.pk)
    single_url = _per_row("events:single_room", event.pk)
    cancel_url = _per_row("events:registration_cancel", event.pk)
    rows = list(registrations)
    for r in rows:
        r.status_label = statuses.get(r.status, r.status)
        r.group_label = groups.get(r.workshop_group, "")
        r.room_label = rooms.get(r.room_choice, "")
        r.diet_label = diets.get(r.diet, r.diet)
        r.days_count = len(r.days)
        r.nights_count = len(r.nights)
        r.edit_url = edit_url(r.pk)
        r.single_url = single_url(r.pk)
        r.cancel_url = cancel_url(r.pk)
        r.single_pending = r.room_choice == RoomChoice.SINGLE and r.single_approved is None
        r.cancellable = r.status != Registration.Status.CANCELLED
    return rows
