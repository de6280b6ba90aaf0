"""The survey's settings, one question, and the answer form built from a survey's questions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.forms import DateInput, RadioSelect

from . import answers
from .models import SCALE_MAX, SCALE_MIN, Question, Survey
from .presets import preset_choices

Kind = Question.Kind


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = [
            "title",
            "scope",
            "event",
            "edition",
            "audience",
            "anonymous",
            "opens_on",
            "closes_on",
            "introduction",
            "privacy_notice",
        ]
        widgets = {
            "scope": RadioSelect,
            "audience": RadioSelect,
            "opens_on": DateInput,
            "closes_on": DateInput,
            "introduction": forms.Textarea(attrs={"rows": 3}),
            "privacy_notice": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, events, editions, may_model: bool, with_template: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events
        self.fields["event"].label_from_instance = lambda e: f"{e.title} ({e.dates_label})"
        self.fields["edition"].queryset = editions
        if not may_model:
            self.fields["scope"].choices = [c for c in Survey.Scope.choices if c[0] != Survey.Scope.MODEL]
        self.fields["event"].help_text = _("Dla ankiety po wydarzeniu.")
        self.fields["edition"].help_text = _("Dla ankiety o całej edycji (np. na koniec cyklu).")
        if self.instance.pk:
            # Anonymity is decided once: answers already given were given under the promise made.
            del self.fields["anonymous"]
        if with_template:
            self.fields["template"] = forms.ChoiceField(
                label=_("szablon pytań"), choices=preset_choices(), required=False, widget=RadioSelect
            )
            self.order_fields(["template"])

    def clean(self):
        data = super().clean()
        scope, event, edition = data.get("scope"), data.get("event"), data.get("edition")
        audience = data.get("audience")
        if scope == Survey.Scope.EVENT:
            if event is None:
                self.add_error("event", _("Wybierz wydarzenie, którego dotyczy ankieta."))
            data["edition"] = event.edition if event else None
            if audience and audience != Survey.Audience.PARTICIPANTS:
                self.add_error("audience", _("Ankietę po wydarzeniu wypełniają jego uczestnicy."))
        elif scope == Survey.Scope.EDITION:
            data["event"] = None
            if edition is None:
                self.add_error("edition", _("Wybierz edycję, której dotyczy ankieta."))
        elif scope == Survey.Scope.MODEL:
            data["event"], data["edition"] = None, None
        if scope in (Survey.Scope.EDITION, Survey.Scope.MODEL) and audience == Survey.Audience.PARTICIPANTS:
            self.add_error(
                "audience", _("Uczestników ma tylko wydarzenie: wybierz członków zespołów, doradców lub trenerów.")
            )
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("Ankieta nie może się zamknąć przed otwarciem."))
        anonymous = data.get("anonymous", self.instance.anonymous if self.instance.pk else True)
        if not anonymous and not (data.get("privacy_notice") or "").strip():
            self.add_error(
                "privacy_notice", _("Ankieta imienna zbiera dane osobowe: podaj klauzulę informacyjną RODO.")
            )
        return data


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(forms.ModelForm):
    options_text = forms.CharField(
        label=gettext_lazy("odpowiedzi do wyboru"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Dla pytań wyboru: każda odpowiedź w osobnym wierszu (co najmniej dwie)."),
    )
    items_text = forms.CharField(
        label=gettext_lazy("stwierdzenia macierzy"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Dla macierzy: każde stwierdzenie w osobnym wierszu; wszystkie ocenia się na skali 1–5."
        ),
    )

    class Meta:
        model = Question
        fields = [
            "kind",
            "text",
            "help_text",
            "required",
            "scale_low_label",
            "scale_high_label",
            "condition_question",
            "condition_value",
        ]
        widgets = {"kind": RadioSelect}

    def __init__(self, *args, earlier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["condition_question"].queryset = earlier
        self.fields["condition_question"].required = False
        self.fields["condition_value"].help_text = _(
            "Tekst odpowiedzi do wyboru albo wartość skali (1–5), przy której pytanie się pokazuje."
        )
        if self.instance.pk:
            self.fields["options_text"].initial = "\n".join(self.instance.options)
            self.fields["items_text"].initial = "\n".join(self.instance.items)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        data["options"] = _lines(data.get("options_text")) if kind in (Kind.SINGLE, Kind.MULTIPLE) else []
        data["items"] = _lines(data.get("items_text")) if kind == Kind.MATRIX else []
        if kind in (Kind.SINGLE, Kind.MULTIPLE) and len(data["options"]) < 2:
            self.add_error("options_text", _("Podaj co najmniej dwie odpowiedzi do wyboru, każdą w osobnym wierszu."))
        if kind == Kind.MATRIX and not data["items"]:
            self.add_error("items_text", _("Podaj co najmniej jedno stwierdzenie macierzy."))
        source, value = data.get("condition_question"), (data.get("condition_value") or "").strip()
        data["condition_value"] = value
        if source is not None:
            if not value:
                self.add_error("condition_value", _("Podaj odpowiedź, przy której pytanie się pokazuje."))
            elif source.is_choice and value not in source.options:
                self.add_error(
                    "condition_value",
                    _("Pytanie „%(q)s” nie ma odpowiedzi „%(v)s”. Możliwe: %(options)s.")
                    % {"q": source.text, "v": value, "options": "; ".join(source.options)},
                )
            elif source.kind == Kind.SCALE and value not in [str(i) for i in range(SCALE_MIN, SCALE_MAX + 1)]:
                self.add_error("condition_value", _("Podaj wartość skali od 1 do 5."))
            elif not (source.is_choice or source.kind == Kind.SCALE):
                self.add_error("condition_question", _("Warunek może dotyczyć pytania wyboru albo skali."))
        elif value:
            self.add_error("condition_question", _("Wybierz pytanie, którego dotyczy warunek."))
        return data


def _scale_choices(question: Question) -> list[tuple[str, str]]:
    labels = {SCALE_MIN: question.scale_low_label, SCALE_MAX: question.scale_high_label}
    return [(str(i), f"{i} – {labels[i]}" if labels.get(i) else str(i)) for i in range(SCALE_MIN, SCALE_MAX + 1)]


class AnswerForm(forms.Form):
    """One field per question (one per matrix item). Required answers are checked in ``clean`` with the
    conditions (a question not shown is never required); a draft checks only what was given."""

    def __init__(self, *args, questions: list[Question], complete: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.complete = complete
        by_id = {q.pk: q for q in questions}
        scale_error = {"invalid_choice": _("Wybierz wartość od 1 do 5.")}
        for question in questions:
            help_text = " ".join(x for x in (question.help_text, answers.condition_label(question, by_id)) if x)
            common = {"required": False, "help_text": help_text}
            name = answers.field_name(question)
            if question.kind == Kind.SINGLE:
                field = forms.ChoiceField(
                    choices=list(enumerate(question.options)), widget=RadioSelect, **common,
                    error_messages={"invalid_choice": _("Wybierz jedną z podanych odpowiedzi.")},
                )  # fmt: skip
            elif question.kind == Kind.MULTIPLE:
                field = forms.MultipleChoiceField(
                    choices=list(enumerate(question.options)), widget=forms.CheckboxSelectMultiple, **common,
                    error_messages={"invalid_choice": _("Wybierz spośród podanych odpowiedzi.")},
                )  # fmt: skip
            elif question.kind == Kind.SCALE:
                field = forms.ChoiceField(
                    choices=_scale_choices(question), widget=RadioSelect, error_messages=scale_error, **common
                )
            elif question.kind == Kind.MATRIX:
                for index, item in enumerate(question.items):
                    self.fields[answers.field_name(question, index)] = self._mark(
                        forms.ChoiceField(
                            label=f"{question.text} {item}",
                            choices=_scale_choices(question),
                            widget=RadioSelect,
                            error_messages=scale_error,
                            required=False,
                            help_text=help_text if index == 0 else "",
                        ),
                        question,
                    )
                continue
            elif question.kind == Kind.NUMBER:
                field = forms.DecimalField(
                    max_digits=12, decimal_places=2, **common,
                    error_messages={"invalid": _("Podaj liczbę, np. 12 albo 12,5.")},
                )  # fmt: skip
            elif question.kind == Kind.SHORT_TEXT:
                field = forms.CharField(max_length=300, **common)
            else:
                field = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 4}), **common)
            field.label = question.text
            self.fields[name] = self._mark(field, question)

    def _mark(self, field, question):
        # Labelled as needed (not "optional") when the question is required; the check itself is in clean().
        field.draft_required = question.required
        return field

    def values(self) -> dict:
        data = self.cleaned_data
        values = {}
        for question in self.questions:
            name = answers.field_name(question)
            if question.kind == Kind.MATRIX:
                items = {}
                for index in range(len(question.items)):
                    raw = data.get(answers.field_name(question, index))
                    if raw not in (None, ""):
                        items[index] = int(raw)
                if items:
                    values[question.pk] = items
                continue
            raw = data.get(name)
            if raw in (None, "", []):
                continue
            if question.kind in (Kind.SINGLE, Kind.SCALE):
                values[question.pk] = int(raw)
            elif question.kind == Kind.MULTIPLE:
                values[question.pk] = [int(x) for x in raw]
            elif question.kind == Kind.NUMBER:
                values[question.pk] = raw
            else:
                values[question.pk] = raw.strip()
        return values

    def clean(self):
        data = super().clean()
        for name, message in answers.check(self.questions, self.values(), complete=self.complete).items():
            if name not in self.errors:
                self.add_error(name, message)
        return data


def initial_from(questions: list[Question], values: dict) -> dict:
    """The form's initial data from saved values (a draft)."""
    initial = {}
    for question in questions:
        value = values.get(question.pk)
        if value is None:
            continue
        if question.kind == Kind.MATRIX:
            for index, v in value.items():
                initial[answers.field_name(question, index)] = str(v)
        elif question.kind == Kind.MULTIPLE:
            initial[answers.field_name(question)] = [str(v) for v in value]
        elif question.kind in (Kind.SINGLE, Kind.SCALE):
            initial[answers.field_name(question)] = str(value)
        else:
            initial[answers.field_name(question)] = value
    return initial


def refuse(errors: dict[str, str]) -> ValidationError:
    return ValidationError({name: [message] for name, message in errors.items()})
