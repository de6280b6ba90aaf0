"""The JST picker (one field for every form that chooses a JST) and the register's filters."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import selectors
from .kinds import JstKind
from .models import LocalGovernment

# The radio buttons offered after an ambiguous entry are named after the field with this suffix.
CHOICE_SUFFIX = "_wybor"


class LocalGovernmentPicker(forms.TextInput):
    """A text input. Without JavaScript the server resolves what was typed (and offers the matches as radio
    buttons when it is ambiguous); ``static/js/jst-picker.js`` turns it into an ARIA combobox with suggestions."""

    template_name = "territory/widgets/jst_picker.html"

    def __init__(self, attrs=None, *, kinds=()):
        super().__init__({"spellcheck": "false", **(attrs or {})})
        self.kinds = list(kinds)
        # Set by LocalGovernmentField when the typed text matches several JSTs; widgets are copied per form.
        self.candidates: list[LocalGovernment] = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        url = reverse("territory:suggestions")
        if self.kinds:
            url += "?" + urlencode([("kind", kind) for kind in self.kinds])
        # The script's messages come from the server so that they are translated like the rest of the page.
        context["widget"]["attrs"].update(
            {
                "data-jst-picker": "",
                "data-suggestions-url": url,
                "data-list-label": _("Podpowiedzi JST"),
                "data-msg-count": _(
                    "Podpowiedzi: %(count)s. Wybierz strzałkami w górę i w dół, zatwierdź klawiszem Enter."
                ),
                "data-msg-none": _("Brak pasujących JST."),
                "data-msg-chosen": _("Wybrano: %(name)s."),
            }
        )
        context["widget"]["candidates"] = self.candidates
        context["widget"]["choice_name"] = name + CHOICE_SUFFIX
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(name + CHOICE_SUFFIX) or super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and name + CHOICE_SUFFIX not in data


class LocalGovernmentField(forms.ModelChoiceField):
    """Chooses one active JST by its display name, its TERYT code or a query that matches only it."""

    widget = LocalGovernmentPicker
    default_error_messages = {
        "not_found": _(
            "Nie znaleziono JST „%(text)s”. Wpisz nazwę (np. Bolesławiec) lub kod TERYT i wybierz z podpowiedzi."
        ),
        "ambiguous": _(
            "Do „%(text)s” pasuje kilka JST. Wybierz właściwą z listy pod polem albo wpisz pełną nazwę lub kod TERYT."
        ),
    }

    def __init__(self, *, queryset=None, kinds=(), **kwargs):
        queryset = selectors.local_governments() if queryset is None else queryset
        if kinds:
            queryset = queryset.filter(kind__in=kinds)
        kwargs.setdefault("widget", LocalGovernmentPicker(kinds=kinds))
        kwargs.setdefault("help_text", _("Wpisz nazwę lub kod TERYT i wybierz JST z podpowiedzi."))
        super().__init__(queryset=queryset, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, LocalGovernment):
            return value.display_name
        if isinstance(value, int):  # an initial value given as a primary key
            jst = self.queryset.filter(pk=value).first()
            return jst.display_name if jst else ""
        return value

    def to_python(self, value):
        if isinstance(value, LocalGovernment):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        jst, candidates = selectors.resolve_local_government(text, queryset=self.queryset)
        if jst:
            return jst
        self.widget.candidates = candidates
        code = "ambiguous" if candidates else "not_found"
        raise ValidationError(self.error_messages[code], code=code, params={"text": text})


class FindForm(forms.Form):
    jst = LocalGovernmentField(label=_("Nazwa JST lub kod TERYT"))


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Nazwa lub kod TERYT"), required=False, max_length=100)
    voivodeship = forms.ModelChoiceField(
        label=_("Województwo"),
        queryset=selectors.voivodeships(),
        to_field_name="code",
        required=False,
        empty_label=_("wszystkie"),
        error_messages={"invalid_choice": _("Nie ma takiego województwa; pokazujemy wszystkie.")},
    )
    kind = forms.ChoiceField(
        label=_("Rodzaj JST"),
        choices=[("", _("wszystkie")), *JstKind.choices],
        required=False,
        error_messages={"invalid_choice": _("Nie ma takiego rodzaju JST; pokazujemy wszystkie.")},
    )
