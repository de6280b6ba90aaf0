from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from apps.core.forms import CoEditedForm, PolishDecimalField, VersionedModelForm

from .diagnosis import MAX_PRIORITIES, FigureData, PriorityChoice
from .models import (
    AdvisorAssignment,
    ContextFigure,
    DevelopmentPriority,
    NeedsAssessment,
    SchoolPerspective,
    TeamMember,
)
from .services import AreaChoice, TeamMemberData


def _max_length_message(field: forms.CharField) -> None:
    if getattr(field, "max_length", None):
        field.error_messages["max_length"] = _(
            "Tekst jest za długi: najwyżej %(limit_value)s znaków (jest %(show_value)s)."
        )


class PolishFormMixin:
    """Clear Polish messages for over-long text on every field of the form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                _max_length_message(field)


class TeamMemberForm(PolishFormMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Imię i nazwisko"),
        max_length=200,
        error_messages={"required": _("Podaj imię i nazwisko.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Adres e-mail"),
        max_length=254,
        error_messages={"required": _("Podaj adres e-mail."), "invalid": _("Podaj poprawny adres e-mail.")},
        help_text=_("Na ten adres wyślemy zaproszenie do platformy."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)
    position = forms.CharField(label=_("Stanowisko"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Rodzaj"), choices=TeamMember.Kind.choices, initial=TeamMember.Kind.OFFICIAL, widget=forms.RadioSelect
    )
    school_name = forms.CharField(
        label=_("Szkoła lub placówka"),
        max_length=300,
        required=False,
        help_text=_("Wymagane, gdy osoba jest dyrektorem szkoły lub placówki."),
    )
    is_management = forms.BooleanField(label=_("Kadra zarządzająca (osoba podejmująca decyzje)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("kind") == TeamMember.Kind.SCHOOL_DIRECTOR and not (data.get("school_name") or "").strip():
            self.add_error("school_name", _("Podaj nazwę szkoły lub placówki, którą kieruje ta osoba."))
        return data

    def member_data(self) -> TeamMemberData:
        d = self.cleaned_data
        return TeamMemberData(
            full_name=d["full_name"],
            email=d["email"],
            phone=d["phone"],
            position=d["position"],
            kind=d["kind"],
            school_name=d["school_name"] if d["kind"] == TeamMember.Kind.SCHOOL_DIRECTOR else "",
            is_management=d["is_management"],
        )


def advisor_choices(advisors) -> list[tuple[str, str]]:
    return [("", _("— nie przydzielono —"))] + [(str(u.pk), f"{u.full_name or u.email} ({u.email})") for u in advisors]


class AdvisorPairForm(forms.Form):
    """The two advisor roles of one JST. Choices are built once from the organiser's advisors (no query per field)."""

    def __init__(self, *args, advisors, initial_pair: dict[str, int | None] | None = None, prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.advisors = {u.pk: u for u in advisors}
        choices = advisor_choices(advisors)
        for role, label in AdvisorAssignment.Role.choices:
            self.fields[role] = forms.ChoiceField(
                label=capfirst(label),
                choices=choices,
                required=False,
                initial=(initial_pair or {}).get(role) or "",
                error_messages={"invalid_choice": _("Wybierz doradcę z listy doradców organizatora.")},
            )

    def clean(self):
        data = super().clean()
        chosen = [data.get(role) for role in AdvisorAssignment.Role.values if data.get(role)]
        if len(chosen) != len(set(chosen)):
            self.add_error(
                AdvisorAssignment.Role.MANAGEMENT,
                _("Para doradców to dwie różne osoby: wybierz innego doradcę ds. rozwiązań zarządczych."),
            )
        return data

    def pair(self) -> dict:
        return {
            role: self.advisors.get(int(value)) if (value := self.cleaned_data.get(role)) else None
            for role in AdvisorAssignment.Role.values
        }


def advisor_label(user) -> str:
    """How an advisor is written in the assignment table (and what its shared suggestion list inserts)."""
    return f"{user.full_name or user.email} ({user.email})"


class AdvisorTableForm(forms.Form):
    """A page of the edition's JSTs × the two advisor roles. Each cell is a text field that takes an advisor as
    the shared suggestion list writes it ("Name (e-mail)"), or just the e-mail or the unique name, so the page
    carries the advisor pool once (one ``<datalist>``) instead of once per cell: its size grows with the JSTs on
    the page plus the advisors, not with their product."""

    def __init__(self, data=None, *, engagements, advisors):
        super().__init__(data)
        self.engagements = list(engagements)
        self.advisors = list(advisors)
        self._by_email = {u.email.lower(): u for u in self.advisors}
        names: dict[str, list] = {}
        for user in self.advisors:
            names.setdefault((user.full_name or "").strip().lower(), []).append(user)
        self._by_name = {name: users[0] for name, users in names.items() if name and len(users) == 1}
        self.current = {e.pk: {a.role: a.user for a in e.advisor_assignments.all()} for e in self.engagements}
        for engagement in self.engagements:
            for role, role_label in AdvisorAssignment.Role.choices:
                user = self.current[engagement.pk].get(role)
                self.fields[self.field_name(engagement, role)] = forms.CharField(
                    label=f"{capfirst(role_label)}: {engagement.local_government.display_name}",
                    required=False,
                    max_length=400,
                    initial=advisor_label(user) if user else "",
                )

    @staticmethod
    def field_name(engagement, role: str) -> str:
        return f"e{engagement.pk}-{role}"

    def rows(self) -> list[tuple]:
        """(engagement, its two bound fields, whether the row has an error) for the template."""
        rows = []
        for engagement in self.engagements:
            cells = [self[self.field_name(engagement, role)] for role in AdvisorAssignment.Role.values]
            rows.append((engagement, cells, any(cell.errors for cell in cells)))
        return rows

    def _advisor(self, text: str):
        text = text.strip()
        if not text:
            return None
        if text.endswith(")") and "(" in text:
            text = text[text.rindex("(") + 1 : -1].strip()
        return self._by_email.get(text.lower()) or self._by_name.get(text.lower())

    def clean(self):
        data = super().clean()
        self.pairs: dict[int, dict] = {}
        for engagement in self.engagements:
            pair = {}
            for role in AdvisorAssignment.Role.values:
                name = self.field_name(engagement, role)
                text = data.get(name) or ""
                user = self._advisor(text)
                if text.strip() and user is None:
                    self.add_error(name, _("Wybierz doradcę z listy doradców organizatora."))
                pair[role] = user
            chosen = [u.pk for u in pair.values() if u is not None]
            if len(chosen) != len(set(chosen)):
                self.add_error(
                    self.field_name(engagement, AdvisorAssignment.Role.MANAGEMENT),
                    _("Para doradców to dwie różne osoby: wybierz innego doradcę ds. rozwiązań zarządczych."),
                )
            current = {role: getattr(u, "pk", None) for role, u in self.current[engagement.pk].items()}
            if any(current.get(role) != getattr(user, "pk", None) for role, user in pair.items()):
                self.pairs[engagement.pk] = pair  # only changed rows go to the service
        return data


class AreaForm(PolishFormMixin, forms.Form):
    area = forms.ModelChoiceField(
        label=_("Obszar wsparcia"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Wybierz obszar."), "invalid_choice": _("Wybierz obszar z listy.")},
    )
    justification = forms.CharField(
        label=_("Uzasadnienie wyboru"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Dlaczego ten obszar: jakie potrzeby lokalnej oświaty za nim stoją."),
        error_messages={"required": _("Napisz, dlaczego zespół wybrał ten obszar.")},
    )

    def __init__(self, *args, areas, allows_two: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas
        if allows_two:
            self.fields["second_area"] = forms.ModelChoiceField(
                label=_("Drugi obszar"),
                queryset=areas,
                required=False,
                empty_label=_("— bez drugiego obszaru —"),
                help_text=_("W tej edycji JST może pracować nad dwoma obszarami."),
                error_messages={"invalid_choice": _("Wybierz obszar z listy.")},
            )
            self.fields["second_justification"] = forms.CharField(
                label=_("Uzasadnienie wyboru drugiego obszaru"),
                max_length=5000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            _max_length_message(self.fields["second_justification"])

    def clean(self):
        data = super().clean()
        second = data.get("second_area")
        if second is not None:
            if second == data.get("area"):
                self.add_error("second_area", _("Drugi obszar musi być inny niż pierwszy."))
            if not (data.get("second_justification") or "").strip():
                self.add_error("second_justification", _("Napisz, dlaczego zespół wybrał także ten obszar."))
        elif (data.get("second_justification") or "").strip():
            self.add_error("second_area", _("Wybierz drugi obszar albo usuń jego uzasadnienie."))
        return data

    def choices(self) -> list[AreaChoice]:
        d = self.cleaned_data
        result = [AreaChoice(area=d["area"], justification=d["justification"])]
        if d.get("second_area") is not None:
            result.append(AreaChoice(area=d["second_area"], justification=d["second_justification"]))
        return result


class FindingsForm(PolishFormMixin, VersionedModelForm):
    FIELDSETS = [
        (_("Lokalny system oświaty"), ["context_notes", "data_sources"]),
        (_("Wnioski dla wybranego obszaru"), ["strengths", "problems", "needs", "post_pandemic_needs"]),
    ]

    class Meta:
        model = NeedsAssessment
        fields = ["context_notes", "data_sources", "strengths", "problems", "needs", "post_pandemic_needs"]
        labels = {
            "context_notes": _("Komentarz do danych o lokalnym systemie oświaty"),
            "data_sources": _("Wykorzystane źródła danych"),
            "strengths": _("Mocne strony"),
            "problems": _("Problemy"),
            "needs": _("Potrzeby"),
            "post_pandemic_needs": _("Potrzeby popandemiczne"),
        }
        help_texts = {
            "data_sources": _(
                "Na przykład: SIO, sprawozdania budżetowe, informacja o stanie realizacji zadań oświatowych."
            ),
            "problems": _("Potrzebne, by przejść do HDR."),
            "needs": _("Potrzebne, by przejść do HDR."),
        }
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}

    def __init__(self, *args, asks_post_pandemic: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not asks_post_pandemic:
            del self.fields["post_pandemic_needs"]
        # may be saved empty, but needed to move on to the HDR: not "(opcjonalnie)" beside a hint saying so
        for name in ("problems", "needs"):
            self.fields[name].draft_required = True

    def grouped_fields(self):
        return [(legend, [self[name] for name in names if name in self.fields]) for legend, names in self.FIELDSETS]


class FigureForm(PolishFormMixin, forms.ModelForm):
    value = PolishDecimalField(
        label=_("Wartość"),
        max_digits=16,
        decimal_places=2,
        error_messages={
            "required": _("Podaj wartość."),
            "invalid": _("Wartość musi być liczbą, na przykład 1250 albo 1250,50."),
            "max_digits": _("Liczba jest za duża."),
            "max_decimal_places": _("Podaj najwyżej dwie cyfry po przecinku."),
            "max_whole_digits": _("Liczba jest za duża."),
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    year = forms.IntegerField(
        label=_("Rok"),
        error_messages={"required": _("Podaj rok, którego dotyczy wartość."), "invalid": _("Rok to liczba, np. 2023.")},
    )

    class Meta:
        model = ContextFigure
        fields = ["topic", "label", "value", "unit", "year", "source"]
        labels = {
            "topic": _("Czego dotyczy"),
            "label": _("Opis"),
            "unit": _("Jednostka"),
            "source": _("Źródło"),
        }
        error_messages = {
            "label": {"required": _("Opisz, czego dotyczy liczba (np. szkoły podstawowe).")},
            "unit": {"required": _("Podaj jednostkę (np. szt., osób, zł).")},
            "source": {"required": _("Podaj źródło danych: każda liczba w diagnozie ma swoje źródło.")},
            "topic": {"required": _("Wybierz, czego dotyczy liczba.")},
        }

    def clean_year(self):
        year = self.cleaned_data["year"]
        latest = timezone.localdate().year + 1
        if not 1990 <= year <= latest:
            raise ValidationError(_("Podaj rok od 1990 do %(latest)s.") % {"latest": latest})
        return year

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None and value < 0:
            raise ValidationError(_("Wartość nie może być ujemna."))
        return value

    def figure_data(self) -> FigureData:
        d = self.cleaned_data
        return FigureData(
            topic=d["topic"],
            label=d["label"],
            value=Decimal(d["value"]),
            unit=d["unit"],
            year=d["year"],
            source=d["source"],
        )


class SchoolPerspectiveForm(PolishFormMixin, VersionedModelForm):
    class Meta:
        model = SchoolPerspective
        fields = ["school_name", "strengths", "challenges", "needs"]
        labels = {
            "school_name": _("Szkoła lub placówka"),
            "strengths": _("Mocne strony szkoły"),
            "challenges": _("Trudności i wyzwania"),
            "needs": _("Czego szkoła potrzebuje od organu prowadzącego"),
        }
        error_messages = {"school_name": {"required": _("Podaj nazwę szkoły lub placówki.")}}
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in ["strengths", "challenges", "needs"]}

    def clean(self):
        data = super().clean()
        if not any((data.get(name) or "").strip() for name in ["strengths", "challenges", "needs"]):
            self.add_error("strengths", _("Opisz co najmniej mocne strony, trudności albo potrzeby szkoły."))
        return data


RATING_MESSAGES = {
    "invalid": _("Ocena to liczba od 1 do 5."),
    "min_value": _("Ocena to liczba od 1 do 5."),
    "max_value": _("Ocena to liczba od 1 do 5."),
}


class PriorityForm(PolishFormMixin, VersionedModelForm):
    importance = forms.IntegerField(
        label=_("Ważność (1–5)"),
        min_value=1,
        max_value=5,
        required=False,
        error_messages=RATING_MESSAGES,
        help_text=_("Jak ważny jest ten priorytet dla lokalnej oświaty: 1 – mało, 5 – bardzo."),
    )
    feasibility = forms.IntegerField(
        label=_("Wykonalność (1–5)"),
        min_value=1,
        max_value=5,
        required=False,
        error_messages=RATING_MESSAGES,
        help_text=_("Na ile JST jest w stanie go zrealizować w tej edycji: 1 – trudno, 5 – łatwo."),
    )

    class Meta:
        model = DevelopmentPriority
        fields = ["title", "description", "importance", "feasibility"]
        labels = {"title": _("Priorytet"), "description": _("Opis")}
        error_messages = {"title": {"required": _("Nazwij priorytet.")}}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class PrioritySelectionForm(PolishFormMixin, CoEditedForm, forms.Form):
    """The choice of 1–3 development priorities from the ranked candidates, each chosen one with its goal.
    Each candidate is versioned on its own (``version_<pk>``)."""

    def __init__(self, *args, priorities: list[DevelopmentPriority], **kwargs):
        super().__init__(*args, **kwargs)
        self.priorities = priorities
        for p in priorities:
            self.fields[f"select_{p.pk}"] = forms.BooleanField(
                label=_("Wybierz priorytet: %(title)s") % {"title": p.title}, required=False, initial=p.is_selected
            )
            self.fields[f"goal_{p.pk}"] = forms.CharField(
                label=_("Cel priorytetu: %(title)s") % {"title": p.title},
                max_length=2000,
                required=False,
                initial=p.goal,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            _max_length_message(self.fields[f"goal_{p.pk}"])
            self.fields[f"version_{p.pk}"] = forms.IntegerField(widget=forms.HiddenInput, initial=p.version)

    def versions_of(self, current) -> dict:
        return {f"version_{p.pk}": p.version for p in current}

    def rows(self):
        return [(p, self[f"select_{p.pk}"], self[f"goal_{p.pk}"], self[f"version_{p.pk}"]) for p in self.priorities]

    def clean(self):
        data = super().clean()
        selected = [p for p in self.priorities if data.get(f"select_{p.pk}")]
        if not selected:
            raise ValidationError(_("Wybierz co najmniej jeden priorytet rozwojowy."))
        if len(selected) > MAX_PRIORITIES:
            raise ValidationError(
                _("Wybierz najwyżej %(max)s priorytety rozwojowe (zaznaczono: %(n)s).")
                % {"max": MAX_PRIORITIES, "n": len(selected)}
            )
        for p in selected:
            if not (data.get(f"goal_{p.pk}") or "").strip() and f"goal_{p.pk}" not in self.errors:
                self.add_error(f"goal_{p.pk}", _("Wpisz cel wybranego priorytetu."))
        return data

    def choices(self) -> list[PriorityChoice]:
        d = self.cleaned_data
        return [
            PriorityChoice(
                priority_id=p.pk,
                selected=bool(d.get(f"select_{p.pk}")),
                goal=d.get(f"goal_{p.pk}") or "",
                version=d.get(f"version_{p.pk}") or 0,
            )
            for p in self.priorities
        ]


class PairProposalForm(forms.Form):
    """The organiser's limit for the proposal of advisor pairs (``pairing.propose_pairs``)."""

    maks = forms.IntegerField(
        label=_("Największa liczba JST na doradcę w tej edycji"),
        min_value=1,
        max_value=1000,
        help_text=_("Licząc JST, które doradca już ma w tej edycji, i te, które mu zaproponujemy."),
    )


class ConfirmPairsForm(forms.Form):
    """The reviewed proposal as the page sends it back: ``maks`` and ``p-<engagement id>-<role>`` = advisor id."""

    maks = forms.IntegerField(min_value=1, max_value=1000)

    def clean(self):
        data = super().clean()
        pairs: dict[int, dict[str, int]] = {}
        for key, value in self.data.items():
            if not key.startswith("p-"):
                continue
            _prefix, engagement_id, role = (key.split("-", 2) + ["", ""])[:3]
            if not engagement_id.isdigit() or role not in AdvisorAssignment.Role.values or not str(value).isdigit():
                raise ValidationError(_("Propozycja jest niekompletna. Przygotuj ją ponownie."))
            pairs.setdefault(int(engagement_id), {})[role] = int(value)
        if not pairs:
            raise ValidationError(_("Propozycja nie ma żadnej pary do zapisania."))
        data["pairs"] = pairs
        return data


class AdvisorProfileForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Rola w parze doradców"),
        choices=[("", _("dowolna (obie role)"))] + list(AdvisorAssignment.Role.choices),
        required=False,
    )
    voivodeship = forms.ModelChoiceField(
        label=_("Województwo doradcy"),
        queryset=None,
        required=False,
        empty_label=_("nie podano (liczą się województwa JST, którym doradza)"),
    )

    def __init__(self, *args, **kwargs):
        from apps.territory.selectors import voivodeships

        super().__init__(*args, **kwargs)
        self.fields["voivodeship"].queryset = voivodeships()
