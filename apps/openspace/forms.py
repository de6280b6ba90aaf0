from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.forms import VersionedModelForm

from .models import Conclusion, Group, OpenSpace, Topic


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _user_label(user) -> str:
    return user.full_name or user.email


class CreateForm(forms.Form):
    session = forms.ModelChoiceField(label=_("blok programu"), queryset=None, empty_label=None)
    votes_per_person = forms.IntegerField(label=_("liczba głosów na osobę"), min_value=1, max_value=20, initial=3)

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["session"].label_from_instance = lambda s: f"{s.day:%d.%m.%Y} {s.time_label} · {s.title}"


class SettingsForm(VersionedModelForm):
    class Meta:
        model = OpenSpace
        fields = ["votes_per_person"]


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["title", "description", "problem"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "problem": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"title": _("Krótko, jak na karteczce: najwyżej 200 znaków.")}


class TopicEditForm(VersionedModelForm):
    class Meta:
        model = Topic
        fields = ["title", "description", "problem"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "problem": forms.Textarea(attrs={"rows": 3})}


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(label=_("scal z tematem"), queryset=None, empty_label=None)

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = topics


class FormGroupsForm(forms.Form):
    topics = forms.ModelMultipleChoiceField(
        label=_("tematy, które idą dalej"), queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )
    top = forms.IntegerField(
        label=_("albo: tyle tematów z największą liczbą głosów"), min_value=1, max_value=50, required=False
    )
    day = forms.TypedChoiceField(label=_("dzień"), coerce=date.fromisoformat)
    starts_at = forms.TimeField(label=_("początek"), widget=_time_input())
    ends_at = forms.TimeField(label=_("koniec"), widget=_time_input())
    capacity = forms.IntegerField(label=_("liczba miejsc w każdej sali"), min_value=1, max_value=500, initial=20)

    def __init__(self, *args, topics, days, **kwargs):
        super().__init__(*args, **kwargs)
        self.ranked = list(topics)
        self.fields["topics"].queryset = topics.model.objects.filter(pk__in=[t.pk for t in self.ranked])
        self.fields["topics"].label_from_instance = lambda t: t.title
        self.fields["day"].choices = [(d.isoformat(), f"{d:%d.%m.%Y}") for d in days]

    def clean(self):
        data = super().clean()
        if not data.get("topics") and not data.get("top"):
            self.add_error(
                "topics", _("Zaznacz tematy albo podaj, ile tematów z największą liczbą głosów idzie dalej.")
            )
        return data

    def chosen(self) -> list:
        if self.cleaned_data.get("topics"):
            picked = {t.pk for t in self.cleaned_data["topics"]}
            return [t for t in self.ranked if t.pk in picked]
        return self.ranked[: self.cleaned_data["top"]]


class GroupForm(VersionedModelForm):
    day = forms.TypedChoiceField(label=_("dzień"), coerce=date.fromisoformat)

    class Meta:
        model = Group
        fields = ["day", "starts_at", "ends_at", "room", "capacity", "moderator", "scribe"]
        widgets = {"starts_at": _time_input(), "ends_at": _time_input()}

    def __init__(self, *args, days, moderators, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [(d.isoformat(), f"{d:%d.%m.%Y}") for d in days]
        self.fields["moderator"].queryset = moderators
        self.fields["moderator"].label_from_instance = _user_label
        self.fields["scribe"].queryset = participants
        self.fields["scribe"].label_from_instance = _user_label


class ConclusionForm(VersionedModelForm):
    class Meta:
        model = Conclusion
        fields = ["problem", "solutions", "recommendations", "participants_note", "publish_publicly"]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 4}),
            "solutions": forms.Textarea(attrs={"rows": 8}),
            "recommendations": forms.Textarea(attrs={"rows": 8}),
            "participants_note": forms.Textarea(attrs={"rows": 2}),
        }
