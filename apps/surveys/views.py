"""Surveys' pages: the organiser's list and builder, publishing, results with exports and the PDF report; the
answer page behind a one-time link and the person's own surveys."""

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.accounts.models import Organisation
from apps.core.editing import form_page, run_action
from apps.core.forms import add_errors
from apps.core.permissions import can, require
from apps.documents.jobs import request_document
from apps.documents.list_exports import export_page, export_query, last_choice
from apps.editions.models import Edition
from apps.territory.kinds import JstKind, WorkshopGroup

from . import answers, selectors, services
from .export import BACKGROUND_FROM, RESPONSES
from .feedback import promote_answer
from .forms import AnswerForm, QuestionForm, SurveyForm, initial_from
from .models import Answer, Survey
from .results import hidden_message, results_of

REPORT_BUILDER = "apps.surveys.documents.build_report_pdf"


def _survey(request, pk: int, rule: str = "survey.manage") -> Survey:
    survey = selectors.survey_for(request.user, pk)
    require(request.user, rule, survey)
    return survey


def _detail_url(survey) -> str:
    return reverse("surveys:detail", kwargs={"pk": survey.pk})


@login_required
def survey_list(request):
    require(request.user, "survey.desk")
    return render(
        request,
        "surveys/list.html",
        {"surveys": selectors.desk_list(request.user), "may_create": can(request.user, "survey.manage")},
    )


def _survey_form(request, data, instance=None, *, with_template=False):
    roles_model = can(request.user, "survey.manage", Survey(scope=Survey.Scope.MODEL))
    return SurveyForm(
        data,
        instance=instance,
        events=selectors.events_for_surveys(request.user),
        editions=selectors.editions_for_surveys(request.user),
        may_model=roles_model,
        with_template=with_template,
    )


def _organiser_for(request, data):
    if data["scope"] == Survey.Scope.MODEL:
        organiser = Organisation.objects.filter(kind=Organisation.Kind.MODEL_OWNER).order_by("pk").first()
    elif data["scope"] == Survey.Scope.EVENT:
        organiser = data["event"].planned_event.edition.organiser
    else:
        organiser = data["edition"].organiser
    probe = Survey(scope=data["scope"], organiser=organiser)
    if organiser is None or not can(request.user, "survey.manage", probe):
        raise ValidationError(_("Nie możesz tworzyć ankiet dla tego organizatora."))
    return organiser


@login_required
def survey_create(request):
    require(request.user, "survey.manage")
    form = _survey_form(request, request.POST or None, with_template=True)

    def save(f):
        data = dict(f.cleaned_data)
        template = data.pop("template", "")
        return services.create_survey(
            organiser=_organiser_for(request, data), by=request.user, template=template, **data
        )

    return form_page(
        request,
        form,
        save=save,
        success=_("Utworzono ankietę. Sprawdź pytania i opublikuj ją."),
        done=_detail_url,
        template="surveys/survey_form.html",
        context={"survey": None},
    )


@login_required
def survey_edit(request, pk: int):
    survey = _survey(request, pk)
    form = _survey_form(request, request.POST or None, instance=selectors.survey_for(request.user, pk))
    return form_page(
        request,
        form,
        save=lambda f: services.update_survey(survey=survey, by=request.user, **f.cleaned_data),
        success=_("Zapisano ustawienia ankiety."),
        done=_detail_url(survey),
        template="surveys/survey_form.html",
        context={"survey": survey},
    )


@login_required
def survey_detail(request, pk: int):
    survey = _survey(request, pk, "survey.results")
    questions = selectors.questions_of(survey)
    by_id = {q.pk: q for q in questions}
    rows = [(q, answers.condition_label(q, by_id)) for q in questions]
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "rows": rows,
            "may_manage": can(request.user, "survey.manage", survey),
            "invited": survey.invitations.count(),
            "answered": survey.invitations.filter(used=True).count(),
            "responses": survey.responses.count(),
        },
    )


def _question_form(data, survey, question=None):
    earlier = survey.questions.filter(kind__in=["single", "multiple", "scale"])
    if question is not None:
        earlier = earlier.filter(position__lt=question.position)
    return QuestionForm(data, instance=question, earlier=earlier)


def _question_fields(form) -> dict:
    data = form.cleaned_data
    names = [
        "kind", "text", "help_text", "required", "options", "items", "scale_low_label", "scale_high_label",
        "condition_question", "condition_value",
    ]  # fmt: skip
    return {name: data.get(name) for name in names}


@login_required
def question_add(request, pk: int):
    survey = _survey(request, pk)
    return form_page(
        request,
        _question_form(request.POST or None, survey),
        save=lambda f: services.save_question(survey=survey, by=request.user, **_question_fields(f)),
        success=_("Dodano pytanie."),
        done=_detail_url(survey),
        template="surveys/question_form.html",
        context={"survey": survey, "question": None},
    )


@login_required
def question_edit(request, pk: int, question_pk: int):
    survey = _survey(request, pk)
    question = selectors.question_for(survey, question_pk)
    return form_page(
        request,
        _question_form(request.POST or None, survey, question),
        save=lambda f: services.save_question(survey=survey, question=question, by=request.user, **_question_fields(f)),
        success=_("Zapisano pytanie."),
        done=_detail_url(survey),
        template="surveys/question_form.html",
        context={"survey": survey, "question": question},
    )


@login_required
@require_POST
def question_delete(request, pk: int, question_pk: int):
    survey = _survey(request, pk)
    question = selectors.question_for(survey, question_pk)
    return run_action(
        request,
        lambda: services.delete_question(question=question, by=request.user),
        success=_("Usunięto pytanie."),
        done=_detail_url(survey),
    )


@login_required
@require_POST
def question_move(request, pk: int, question_pk: int):
    survey = _survey(request, pk)
    question = selectors.question_for(survey, question_pk)
    return run_action(
        request,
        lambda: services.move_question(question=question, by=request.user, up=request.POST.get("kierunek") == "gora"),
        success=_("Zmieniono kolejność pytań."),
        done=_detail_url(survey),
    )


@login_required
def survey_publish(request, pk: int):
    survey = _survey(request, pk)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.publish(survey=survey, by=request.user),
            success=lambda n: _("Ankieta jest opublikowana. Wysłano zaproszeń: %(n)s.") % {"n": n},
            done=_detail_url(survey),
        )
    from .audience import people

    invited = set(survey.invitations.values_list("user_id", flat=True))
    newcomers = [p for p in people(survey) if p.user.pk not in invited]
    return render(request, "surveys/publish.html", {"survey": survey, "newcomers": len(newcomers)})


class ResultsFilter(django_forms.Form):
    jst_kind = django_forms.ChoiceField(label=gettext_lazy("rodzaj JST"), required=False)
    workshop_group = django_forms.ChoiceField(label=gettext_lazy("grupa warsztatowa"), required=False)
    edition = django_forms.ChoiceField(label=gettext_lazy("edycja"), required=False)

    def __init__(self, *args, editions, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("wszystkie"))]
        self.fields["jst_kind"].choices = every + list(JstKind.choices)
        self.fields["workshop_group"].choices = every + list(WorkshopGroup.choices)
        self.fields["edition"].choices = every + [(str(e.pk), e.name) for e in editions]


def _filters(request, survey):
    edition_ids = survey.responses.exclude(edition=None).values("edition_id")
    form = ResultsFilter(request.GET or None, editions=Edition.objects.filter(pk__in=edition_ids))
    filters = form.cleaned_data if form.is_valid() else {}
    return form, {k: v for k, v in filters.items() if v}


@login_required
def results(request, pk: int):
    survey = _survey(request, pk, "survey.results")
    form, filters = _filters(request, survey)
    questions = selectors.questions_of(survey)
    chosen = last_choice(RESPONSES, request.user, survey)
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "filter_form": form,
            "results": results_of(survey, questions, filters),
            "hidden_message": hidden_message(),
            "may_promote": can(request.user, "survey.manage", survey),
            "large": survey.responses.count() > BACKGROUND_FROM,
            # One click exports with this person's last choice of columns for this survey; the page offers all.
            "quick_export": {fmt: export_query(RESPONSES, fmt, chosen) for fmt in ("xlsx", "csv")},
        },
    )


@login_required
def export(request, pk: int):
    """The responses through the one list exporter: the columns of this survey, the choice remembered for it."""
    survey = _survey(request, pk, "survey.results")
    return export_page(request, RESPONSES, target=survey, back=reverse("surveys:results", kwargs={"pk": survey.pk}))


@login_required
@require_POST
def report_pdf(request, pk: int):
    survey = _survey(request, pk, "survey.results")
    document = request_document(
        target=survey,
        kind="survey_report_pdf",
        title=_("Wyniki ankiety %(title)s (PDF)") % {"title": survey.title},
        builder=REPORT_BUILDER,
        view_action="survey.results",
        by=request.user,
    )
    return redirect("documents:status", pk=document.pk)


@login_required
@require_POST
def promote(request, pk: int, answer_pk):
    survey = _survey(request, pk)
    answer = Answer.objects.filter(pk=answer_pk, response__survey=survey).first()
    if answer is None:
        raise Http404
    return run_action(
        request,
        lambda: promote_answer(answer=answer, by=request.user),
        success=_("Odpowiedź przekazano do rejestru uwag o modelu."),
        done=reverse("surveys:results", kwargs={"pk": survey.pk}),
    )


# Answering


def answer(request, token: str):
    """The answer page behind a one-time link: no sign-in (the link proves the invitation)."""
    invitation = selectors.invitation_by_token(token)
    if invitation is None or invitation.used:
        return render(
            request,
            "surveys/answer_closed.html",
            {"reason": "used" if invitation else "invalid"},
            status=410 if invitation else 404,
        )
    survey = invitation.survey
    if not survey.is_open():
        return render(request, "surveys/answer_closed.html", {"reason": "closed", "survey": survey})
    questions = selectors.questions_of(survey)
    draft = getattr(invitation, "draft", None)
    saved = answers.from_json(questions, draft.data) if draft else {}
    is_draft = request.method == "POST" and "zapisz" in request.POST
    form = AnswerForm(
        request.POST or None, initial=initial_from(questions, saved), questions=questions, complete=not is_draft
    )
    if request.method == "POST" and form.is_valid():
        try:
            if is_draft:
                services.save_draft(token=token, values=form.values())
                messages.success(
                    request, _("Zapisano odpowiedzi. Wróć tym samym linkiem z e-maila, by dokończyć i wysłać ankietę.")
                )
                return redirect(request.path)
            services.submit_response(token=token, values=form.values())
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("surveys:thanks")
    return render(
        request,
        "surveys/answer.html",
        {"survey": survey, "form": form, "has_draft": bool(draft), "title": survey.title},
    )


def thanks(request):
    return render(request, "surveys/thanks.html")


@login_required
def mine(request):
    require(request.user, "survey.mine")
    invitations = [i for i in selectors.my_open_invitations(request.user) if i.survey.is_open()]
    return render(request, "surveys/mine.html", {"invitations": invitations})


@login_required
@require_POST
def open_mine(request, pk: int):
    invitation = selectors.my_invitation(request.user, pk)
    try:
        token = services.reissue_link(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("surveys:mine")
    return redirect("surveys:answer", token=token)
