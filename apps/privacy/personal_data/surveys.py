from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.surveys.models import Answer, Draft, Invitation, Response

from . import RETENTION, SOURCES, RetentionRule, Source, needles_of, retention_days, rows, scrub

# Anonymous responses have no person (no respondent, no time, no token): nothing here reaches them, by design.


def _responses(user):
    return Response.objects.filter(respondent=user).select_related("survey")


def _invitations(user):
    return Invitation.objects.filter(user=user).select_related("survey")


def _answer_value(answer: Answer):
    question = answer.question
    if answer.choice is not None and question.options:
        return question.options[answer.choice] if answer.choice < len(question.options) else answer.choice
    if answer.number is not None:
        return str(answer.number)
    return answer.text


def _collect(user):
    responses = []
    for response in _responses(user).prefetch_related("answers__question"):
        answers = []
        for answer in sorted(response.answers.all(), key=lambda a: (a.question.position, a.question_id, a.item or 0)):
            item = answer.question.items[answer.item] if answer.item is not None and answer.question.items else None
            answers.append({"question": answer.question.text, "item": item, "value": _answer_value(answer)})
        responses.append(
            {
                "survey": response.survey.title,
                "submitted_at": response.submitted_at.isoformat() if response.submitted_at else None,
                "answers": answers,
            }
        )
    drafts = Draft.objects.filter(invitation__user=user).select_related("invitation__survey")
    return [
        {"title": "Odpowiedzi na ankiety imienne", "rows": responses},
        {"title": "Zaproszenia do ankiet", "rows": rows(_invitations(user), ["survey", "used", "reminded"])},
        {
            "title": "Zapisane wersje robocze odpowiedzi",
            "rows": [{"survey": d.invitation.survey.title, "data": d.data} for d in drafts],
        },
    ]


def _erase(user):
    # Named responses stay in the survey's results, unlinked from the person (they become like anonymous ones)
    # and with the person's name taken out of the texts; drafts and unused invitations go; a used invitation
    # (the response rate) stays on the emptied account.
    responses = _responses(user)
    scrubbed = scrub(Answer.objects.filter(response__in=responses).exclude(text=""), ["text"], needles_of(user))
    unlinked = responses.update(respondent=None, submitted_at=None)
    drafts = Draft.objects.filter(invitation__user=user).delete()[0]
    invitations = _invitations(user).filter(used=False).delete()[0]
    return {
        "survey_responses_unlinked": unlinked,
        "survey_answers_anonymised": scrubbed,
        "survey_drafts_deleted": drafts,
        "survey_invitations_deleted": invitations,
    }


def _editions(user):
    return [
        *_responses(user).values_list("edition_id", flat=True),
        *_invitations(user).values_list("survey__edition_id", flat=True),
    ]


SOURCES.register(
    "surveys",
    Source(
        key="surveys",
        activity=_("Ankiety ewaluacyjne"),
        purpose=_("ocena szkoleń, edycji i modelu doradztwa"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO"),
        subjects=_("uczestnicy wydarzeń, członkowie zespołów JST, doradcy, trenerzy"),
        categories=_(
            "zaproszenie (adres e-mail), w ankietach imiennych odpowiedzi z osobą i czasem; "
            "ankiety anonimowe nie wiążą odpowiedzi z osobą"
        ),
        recipients=_("organizator"),
        retention=_("do zakończenia ewaluacji edycji, chyba że edycję obejmuje blokada"),
        collect=_collect,
        erase=_erase,
        editions=_editions,
        organisations=lambda user: _invitations(user).values_list("survey__organiser_id", flat=True),
    ),
    order=70,
)


def _due(today, held):
    """Named responses of surveys closed longer ago than the period: the link to the person goes, the answers stay
    in the results (an anonymous response has no person and is never selected)."""
    cutoff = today - timedelta(days=retention_days("surveys"))
    return (
        Response.objects.filter(respondent__isnull=False, survey__closes_on__lt=cutoff)
        .exclude(Q(edition_id__in=held) | Q(survey__edition_id__in=held))
        .select_related("survey")
    )


def _unlink(queryset) -> int:
    return Response.objects.filter(pk__in=list(queryset.values_list("pk", flat=True))).update(
        respondent=None, submitted_at=None
    )


RETENTION.register(
    "surveys",
    RetentionRule(
        key="surveys",
        label=_("Powiązanie imiennych odpowiedzi w ankietach z osobą"),
        due=_due,
        apply=_unlink,
        describe=lambda response: str(response.survey),
    ),
    order=45,
)
