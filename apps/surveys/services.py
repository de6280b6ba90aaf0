"""Every write of surveys: building a survey (from a template), its questions, publishing with invitations and
one-time links, reminders, drafts and the submission of a response."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.consents.models import CollectionPoint
from apps.consents.services import record_acknowledgement
from apps.core.mail import send_templated_email

from . import answers, audience
from .models import Answer, Draft, Invitation, Question, Response, Survey
from .presets import PRESETS
from .tokens import answer_url, hash_token, new_token

SURVEY_FIELDS = [
    "title", "scope", "event", "edition", "audience", "anonymous", "opens_on", "closes_on", "introduction",
    "privacy_notice",
]  # fmt: skip
REMIND_DAYS_BEFORE_CLOSE = 3


# Building


def create_survey(*, organiser, by, template: str = "", **fields) -> Survey:
    with transaction.atomic():
        survey = Survey.objects.create(
            organiser=organiser,
            created_by=by,
            template_key=template,
            **{k: fields[k] for k in SURVEY_FIELDS if k in fields},
        )
        if template:
            copy_preset(survey=survey, key=template)
        record(actor=by, action="survey.created", target=survey, changes={"title": survey.title, "template": template})
    return survey


def copy_preset(*, survey: Survey, key: str) -> list[Question]:
    preset = PRESETS[key]
    made: dict[str, Question] = {}
    start = (survey.questions.aggregate(m=Max("position"))["m"] or 0) + 1
    for offset, item in enumerate(preset.questions):
        condition = made.get(item.condition[0]) if item.condition else None
        made[item.key] = Question.objects.create(
            survey=survey,
            position=start + offset,
            kind=item.kind,
            text=item.text,
            required=item.required,
            options=list(item.options),
            items=list(item.items),
            scale_low_label=item.low,
            scale_high_label=item.high,
            condition_question=condition,
            condition_value=item.condition[1] if condition else "",
        )
    return list(made.values())


def update_survey(*, survey: Survey, by, **fields) -> Survey:
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        changes = {}
        for name in SURVEY_FIELDS:
            if name in fields and name != "anonymous" and getattr(survey, name) != fields[name]:
                changes[name] = [str(getattr(survey, name)), str(fields[name])]
                setattr(survey, name, fields[name])
        survey.save()
        record(actor=by, action="survey.updated", target=survey, changes=changes)
    return survey


def _refuse_if_answered(survey: Survey) -> None:
    if survey.responses.exists():
        raise ValidationError(_("Ankieta ma już odpowiedzi: pytań nie można zmieniać, by wyniki były porównywalne."))


def save_question(*, survey: Survey, by, question: Question | None = None, **fields) -> Question:
    names = [
        "kind", "text", "help_text", "required", "options", "items", "scale_low_label", "scale_high_label",
        "condition_question", "condition_value",
    ]  # fmt: skip
    with transaction.atomic():
        _refuse_if_answered(survey)
        if question is None:
            position = (survey.questions.aggregate(m=Max("position"))["m"] or 0) + 1
            question = Question(survey=survey, position=position)
        condition = fields.get("condition_question")
        if condition is not None and (condition.survey_id != survey.pk or condition.position >= question.position):
            raise ValidationError({"condition_question": _("Warunek może dotyczyć tylko wcześniejszego pytania.")})
        for name in names:
            if name in fields:
                setattr(question, name, fields[name])
        question.save()
        record(actor=by, action="survey.question_saved", target=survey, changes={"question": question.text})
    return question


def delete_question(*, question: Question, by) -> None:
    with transaction.atomic():
        _refuse_if_answered(question.survey)
        text = question.text
        question.delete()
        record(actor=by, action="survey.question_deleted", target=question.survey, changes={"question": text})


def move_question(*, question: Question, by, up: bool) -> None:
    with transaction.atomic():
        siblings = list(question.survey.questions.order_by("position", "pk"))
        index = next(i for i, q in enumerate(siblings) if q.pk == question.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(siblings):
            return
        siblings[index], siblings[other] = siblings[other], siblings[index]
        moved = {q.pk: q for q in siblings}
        for position, q in enumerate(siblings, start=1):
            q.position = position
        for q in siblings:
            if q.condition_question_id and moved[q.condition_question_id].position >= q.position:
                raise ValidationError(_("Pytanie z warunkiem musi być po pytaniu, którego warunek dotyczy."))
        Question.objects.bulk_update(siblings, ["position"])
        record(actor=by, action="survey.question_moved", target=question.survey, changes={"question": question.text})


# Publishing and invitations


def publish(*, survey: Survey, by) -> int:
    """Open the survey and invite its audience who are not invited yet (each gets a one-time link by e-mail).
    Run again, it invites only the newcomers. Returns how many were invited now."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        if not survey.questions.exists():
            raise ValidationError(_("Dodaj pytania, zanim opublikujesz ankietę."))
        if survey.has_closed():
            raise ValidationError(_("Termin ankiety minął: zmień datę zamknięcia, by ją opublikować."))
        if survey.status != Survey.Status.PUBLISHED:
            survey.status = Survey.Status.PUBLISHED
            survey.save(update_fields=["status", "updated_at"])
        already = set(survey.invitations.values_list("user_id", flat=True))
        invited = 0
        for person in audience.people(survey):
            if person.user.pk in already:
                continue
            already.add(person.user.pk)
            token = invite(survey=survey, person=person)
            _send(survey, person.user, token, "invitation")
            invited += 1
        record(actor=by, action="survey.published", target=survey, changes={"invited": invited})
    return invited


def invite(*, survey: Survey, person) -> str:
    """One invitation; returns the token of its link (only the hash is stored)."""
    token, digest = new_token()
    Invitation.objects.create(
        survey=survey,
        user=person.user,
        token_hash=digest,
        jst_kind=person.jst_kind,
        workshop_group=person.workshop_group,
        edition_id=person.edition_id,
    )
    return token


def _send(survey: Survey, user, token: str, kind: str) -> None:
    send_templated_email(
        to=user.email,
        template=f"surveys/email/{kind}",
        context={"survey": survey, "url": answer_url(token), "closes_on": survey.closes_on.strftime("%d.%m.%Y")},
    )


def send_reminders(*, on: date | None = None) -> int:
    """Remind, once, everybody who has not answered an open survey closing within three days: a new one-time link
    replaces the earlier one (only its hash is stored). Idempotent: ``reminded`` is set in the same transaction."""
    today = on or timezone.localdate()
    sent = 0
    surveys = Survey.objects.filter(
        status=Survey.Status.PUBLISHED, opens_on__lte=today, closes_on__gte=today,
        closes_on__lte=today + timezone.timedelta(days=REMIND_DAYS_BEFORE_CLOSE),
    )  # fmt: skip
    for survey in surveys:
        with transaction.atomic():
            pending = Invitation.objects.select_for_update().select_related("user")
            for invitation in pending.filter(survey=survey, used=False, reminded=False):
                token, invitation.token_hash = new_token()
                invitation.reminded = True
                invitation.save(update_fields=["token_hash", "reminded"])
                _send(survey, invitation.user, token, "reminder")
                sent += 1
    return sent


def reissue_link(*, invitation: Invitation) -> str:
    """A new one-time link for a signed-in invited person who lost the e-mail ("Moje ankiety")."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.used:
            raise ValidationError(_("Ta ankieta została już przez Ciebie wypełniona."))
        token, invitation.token_hash = new_token()
        invitation.save(update_fields=["token_hash"])
    return token


# Answering


def _check_open(survey: Survey) -> None:
    today = timezone.localdate()
    if survey.has_closed(today):
        raise ValidationError(
            _("Ankieta została zamknięta %(date)s: odpowiedzi nie są już przyjmowane.")
            % {"date": survey.closes_on.strftime("%d.%m.%Y")}
        )
    if not survey.is_open(today):
        raise ValidationError(_("Ankieta będzie otwarta od %(date)s.") % {"date": survey.opens_on.strftime("%d.%m.%Y")})


def _locked_invitation(token: str) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update().select_related("survey").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        raise ValidationError(_("Ten link do ankiety jest nieważny: mógł zostać zastąpiony nowszym z przypomnienia."))
    if invitation.used:
        raise ValidationError(_("Odpowiedź z tego linku została już wysłana. Każda osoba odpowiada jeden raz."))
    return invitation


def save_draft(*, token: str, values: dict) -> None:
    with transaction.atomic():
        invitation = _locked_invitation(token)
        _check_open(invitation.survey)
        Draft.objects.update_or_create(invitation=invitation, defaults={"data": answers.to_json(values)})


def submit_response(*, token: str, values: dict) -> Response:
    """Check and store one response. Anonymous: the invitation only becomes ``used`` and its draft is deleted;
    the response gets no person, no time and no token, and no audit entry names who answered."""
    with transaction.atomic():
        invitation = _locked_invitation(token)
        survey = invitation.survey
        _check_open(survey)
        questions = list(survey.questions.all())
        errors = answers.check(questions, values, complete=True)
        if errors:
            raise ValidationError({name: [message] for name, message in errors.items()})
        values = answers.shown_values(questions, values)
        named = not survey.anonymous
        response = Response.objects.create(
            survey=survey,
            respondent=invitation.user if named else None,
            submitted_at=timezone.now() if named else None,
            jst_kind=invitation.jst_kind,
            workshop_group=invitation.workshop_group,
            edition_id=invitation.edition_id,
        )
        Answer.objects.bulk_create(answers.answer_rows(response, questions, values))
        invitation.used = True
        invitation.save(update_fields=["used"])
        Draft.objects.filter(invitation=invitation).delete()
        if named:
            record(actor=invitation.user, action="survey.answered", target=survey, changes={})
            # The organiser's clause shown on the answer page (apps.consents). Only for named surveys: for an
            # anonymous one a record of who acknowledged it, and when, would link the person to having answered
            # (and its time to the answers), which the anonymous tables are built to make impossible.
            record_acknowledgement(user=invitation.user, organisation=survey.organiser, point=CollectionPoint.SURVEY)
    return response
