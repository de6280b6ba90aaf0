"""What needs the organiser's attention today in an edition (``registry.ATTENTION``). Each count is computed by
the same selector and filter as the list it links to, so the count and the list's rows agree (a browser test opens
each link); an item whose list the viewer may not open stays out."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from apps.core.permissions import can
from apps.engagements.dashboards import stuck_engagements
from apps.plans.models import DevelopmentPlan

from .registry import ATTENTION, Attention


def _url(name: str, edition, **query) -> str:
    url = reverse(name, kwargs={"slug": edition.slug})
    return f"{url}?{urlencode(query)}" if query else url


@ATTENTION.register("recruitment.submitted", order=10)
def applications_waiting(edition, user):
    from apps.recruitment.models import Application
    from apps.recruitment.selectors import DeskFilters, desk_queryset

    if not can(user, "recruitment.review", edition):
        return None
    status = Application.Status.SUBMITTED
    return Attention(
        label=_("Zgłoszenia czekające na decyzję"),
        count=desk_queryset(edition, DeskFilters(status=status)).count(),
        url=_url("recruitment:desk", edition, status=status),
    )


@ATTENTION.register("engagements.stuck", order=20)
def stuck(edition, user):
    days = settings.STUCK_AFTER_DAYS
    return Attention(
        label=_("JST na tym samym etapie dłużej niż %(days)s dni") % {"days": days},
        count=stuck_engagements(edition, since=timezone.now() - timedelta(days=days)).count(),
        url=_url("engagements:edition_matrix", edition, utknely=1),
    )


@ATTENTION.register("advising.visits_not_agreed", order=30)
def visits_not_agreed(edition, user):
    from apps.advising.selectors import overdue_visit_count

    if not can(user, "advising.edition", edition):
        return None
    return Attention(
        label=_("JST z terminami spotkań nieuzgodnionymi w czasie"),
        count=overdue_visit_count(edition),
        url=_url("advising:edition_visits", edition, po_terminie=1),
    )


def _plans_url(edition, **query) -> str:
    return f"{reverse('plans:list')}?{urlencode({'edycja': edition.slug, **query})}"


@ATTENTION.register("plans.in_review", order=40)
def plans_in_review(edition, user):
    from apps.plans.selectors import plan_list

    if not can(user, "plan.list"):
        return None
    status = DevelopmentPlan.Status.IN_REVIEW
    return Attention(
        label=_("HDR czekające na akceptację doradców"),
        count=plan_list(user, status=status, edition_slug=edition.slug).count(),
        url=_plans_url(edition, stan=status),
    )


@ATTENTION.register("plans.overdue", order=50)
def plans_overdue(edition, user):
    from apps.plans.selectors import plan_list

    if not can(user, "plan.list"):
        return None
    return Attention(
        label=_("HDR z działaniami po terminie"),
        count=plan_list(user, edition_slug=edition.slug, overdue_only=True).count(),
        url=_plans_url(edition, po_terminie=1),
    )


@ATTENTION.register("publications.summaries_in_review", order=45)
def summaries_in_review(edition, user):
    from apps.publications.selectors import summaries_in_review

    return Attention(
        label=_("Podsumowania czekające na doradców"),
        count=summaries_in_review(edition).count(),
        url=_url("publications:desk", edition) + "#podsumowania",
    )


@ATTENTION.register("events.missing_registrations", order=60)
def events_missing_registrations(edition, user):
    from apps.events.selectors import events_missing_registrations

    if not can(user, "event.desk"):
        return None
    return Attention(
        label=_("Nadchodzące wydarzenia bez zgłoszeń z części JST"),
        count=events_missing_registrations(edition).count(),
        url=f"{reverse('events:desk')}?{urlencode({'edycja': edition.slug, 'brak_zgloszen': 1})}",
    )


@ATTENTION.register("advising.sheets_submitted", order=80)
def sheets_to_approve(edition, user):
    from apps.advising.models import TimeSheet
    from apps.advising.selectors import sheets_of_edition

    if not can(user, "advising.edition", edition):
        return None
    state = TimeSheet.State.SUBMITTED
    return Attention(
        label=_("Karty czasu pracy do zatwierdzenia"),
        count=len(sheets_of_edition(edition, state=state)),
        url=_url("advising:edition_hours", edition, karty=state) + "#karty",
    )


def attention_for(edition, user) -> list[Attention]:
    return [item for item in (entry.value(edition, user) for entry in ATTENTION.entries()) if item is not None]
