"""Every read surveys' pages need, scoped to who may see it."""

from django.db.models import Count, Q
from django.http import Http404

from apps.accounts.roles import roles_of
from apps.editions.models import Edition
from apps.events.models import Event

from .models import Invitation, Question, Survey
from .tokens import hash_token


def surveys_visible_to(user):
    roles = roles_of(user)
    surveys = Survey.objects.select_related("organiser", "event__planned_event", "edition")
    if roles.is_coordinator:
        return surveys
    return surveys.filter(organiser_id__in=roles.staff_of).exclude(scope=Survey.Scope.MODEL)


def desk_list(user):
    return surveys_visible_to(user).annotate(
        invited=Count("invitations", distinct=True),
        answered=Count("invitations", filter=Q(invitations__used=True), distinct=True),
    )


def survey_for(user, pk: int) -> Survey:
    survey = surveys_visible_to(user).filter(pk=pk).first()
    if survey is None:
        raise Http404
    return survey


def questions_of(survey: Survey) -> list[Question]:
    return list(survey.questions.select_related("condition_question").order_by("position", "pk"))


def question_for(survey: Survey, pk: int) -> Question:
    question = survey.questions.filter(pk=pk).first()
    if question is None:
        raise Http404
    return question


def events_for_surveys(user):
    roles = roles_of(user)
    return Event.objects.filter(planned_event__edition__organiser_id__in=roles.staff_of).select_related("planned_event")


def editions_for_surveys(user):
    roles = roles_of(user)
    if roles.is_coordinator and not roles.staff_of:
        return Edition.objects.all()
    return Edition.objects.filter(organiser_id__in=roles.staff_of)


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("survey__organiser", "survey__event__planned_event", "draft")
        .filter(token_hash=hash_token(token))
        .first()
    )


def my_open_invitations(user):
    return (
        Invitation.objects.filter(user=user, used=False, survey__status=Survey.Status.PUBLISHED)
        .select_related("survey")
        .order_by("survey__closes_on", "pk")
    )


def my_invitation(user, pk: int) -> Invitation:
    invitation = my_open_invitations(user).filter(pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation
