"""Forms of the recruitment. The sections of the Karta zgłoszenia check the format of what is typed (e-mail,
phone, postal code) but let fields stay empty: a draft can be saved at any point, and completeness is checked on
submission (``completeness.py``). Fields needed for submission are marked ``draft_required`` so the page does not call
them optional."""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.forms import CoEditedForm, DateInput, VersionedModelForm
from apps.territory.forms import LocalGovernmentField
from apps.territory.kinds import JstKind, WorkshopGroup
from apps.territory.selectors import voivodeships

from .kinds import DeliveryMethod, HeadTitle, head_titles_for
from .models import Application, ApplicationTeamMember, Call
from .selectors import DeskFilters
from .services import TeamRow
from .validators import PHONE_HELP, normalise_phone, normalise_postal_code


class ApplicantAccountForm(forms.Form):
    full_name = forms.CharField(
        label=_("Imię i nazwisko"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Adres e-mail"),
        help_text=_("Najlepiej służbowy adres w urzędzie. Na ten adres wyślemy potwierdzenie i wyniki naboru."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Hasło"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Co najmniej 10 znaków; nie same cyfry i nie popularne hasło."),
    )
    password2 = forms.CharField(
        label=_("Powtórz hasło"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    privacy = forms.BooleanField(
        label=_("Zapoznałem(-am) się z informacją o przetwarzaniu danych osobowych"),
        error_messages={"required": _("Zaznacz, że znasz informację o przetwarzaniu danych osobowych.")},
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Hasła nie są takie same."))
        if p1:
            from apps.accounts.models import User

            probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class StartApplicationForm(forms.Form):
    local_government = LocalGovernmentField(label=_("JST, którą zgłaszasz"))


class DraftForm(VersionedModelForm):
    """A section of the Karta zgłoszenia: nothing is required to save, ``REQUIRED_TO_SUBMIT`` are not optional."""

    REQUIRED_TO_SUBMIT: list[str] = []
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name == "version":
                continue
            field.required = False
            field.draft_required = name in self.REQUIRED_TO_SUBMIT


def _clean_phone(value: str) -> str:
    try:
        return normalise_phone(value)
    except ValidationError as error:
        raise forms.ValidationError(error.messages[0]) from None


class JstSectionForm(DraftForm):
    REQUIRED_TO_SUBMIT = ["local_government", "address_street", "address_postal_code", "address_city"]
    local_government = LocalGovernmentField(label=_("JST"))

    class Meta:
        model = Application
        fields = [
            "local_government",
            "address_street",
            "address_postal_code",
            "address_city",
            "office_email",
            "office_phone",
        ]
        labels = {"address_street": _("Ulica i numer (adres urzędu)")}
        widgets = {
            "address_street": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "address_postal_code": forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
            "address_city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "office_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "office_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office_phone"].help_text = PHONE_HELP

    def clean_local_government(self):
        # The JST cannot be emptied: an application is always for one JST.
        value = self.cleaned_data.get("local_government")
        if value is None:
            raise forms.ValidationError(_("Wybierz JST."))
        return value

    def clean_address_postal_code(self):
        try:
            return normalise_postal_code(self.cleaned_data["address_postal_code"])
        except ValidationError as error:
            raise forms.ValidationError(error.messages[0]) from None

    def clean_office_phone(self):
        return _clean_phone(self.cleaned_data["office_phone"])


class HeadSectionForm(DraftForm):
    REQUIRED_TO_SUBMIT = ["head_title", "head_name"]

    class Meta:
        model = Application
        fields = ["head_title", "head_name", "signatory_is_head", "signatory_name", "signatory_position"]
        labels = {
            "head_title": _("Funkcja kierownika JST"),
            "head_name": _("Imię i nazwisko kierownika JST"),
            "signatory_is_head": _("Dokumenty podpisuje kierownik JST"),
        }
        widgets = {"head_title": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        titles = head_titles_for(self.instance.local_government.kind)
        self.fields["head_title"] = forms.ChoiceField(
            label=_("Funkcja kierownika JST"),
            choices=[(t, HeadTitle(t).label) for t in titles],
            widget=forms.RadioSelect,
            required=False,
            help_text=_("Wynika z rodzaju JST: %(kind)s.")
            % {"kind": self.instance.local_government.get_kind_display()},
        )
        self.fields["head_title"].draft_required = True
        for name in ["signatory_name", "signatory_position"]:
            self.fields[name].help_text = _("Tylko gdy dokumenty podpisuje inna, upoważniona osoba.")


class ContactSectionForm(DraftForm):
    REQUIRED_TO_SUBMIT = ["contact_name", "contact_email", "contact_phone"]

    class Meta:
        model = Application
        fields = ["contact_name", "contact_position", "contact_email", "contact_phone"]
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_phone"].help_text = PHONE_HELP

    def clean_contact_phone(self):
        return _clean_phone(self.cleaned_data["contact_phone"])


class MotivationSectionForm(DraftForm):
    REQUIRED_TO_SUBMIT = ["motivation"]
    areas = forms.ModelMultipleChoiceField(
        label=_("Obszary, które JST rozważa"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Obszar wsparcia JST wybiera ostatecznie z doradcami po zakwalifikowaniu."),
    )

    class Meta:
        model = Application
        fields = ["motivation"]
        labels = {"motivation": _("Dlaczego JST chce wziąć udział w doradztwie?")}
        widgets = {"motivation": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = self.instance.edition.catalogue_version.areas.order_by("order", "name")
        self.fields["areas"].required = False
        self.fields["areas"].draft_required = False
        if self.instance.pk and not self.is_bound:
            self.initial["areas"] = list(self.instance.areas.all())
        self.fields["motivation"].help_text = _(
            "Np. jakie wyzwania w zarządzaniu oświatą JST chce podjąć i czego oczekuje od doradców (do 5000 znaków)."
        )


SECTION_FORMS = {
    "jst": JstSectionForm,
    "wladze": HeadSectionForm,
    "kontakt": ContactSectionForm,
    "motywacja": MotivationSectionForm,
}


class TeamMemberForm(CoEditedForm, forms.Form):
    """One row of the team. An empty row is ignored; a filled one is checked for format only."""

    use_required_attribute = False
    full_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200, required=False)
    position = forms.CharField(label=_("Stanowisko"), max_length=200, required=False)
    email = forms.EmailField(label=_("Adres e-mail"), required=False)
    # The phone format is explained once above the rows (templates/recruitment/team.html), not in every row.
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    kind = forms.ChoiceField(
        label=_("Kim jest w zespole"),
        choices=ApplicationTeamMember.Kind.choices,
        initial=ApplicationTeamMember.Kind.OFFICIAL,
    )
    school_name = forms.CharField(
        label=_("Szkoła lub placówka"),
        max_length=300,
        required=False,
        help_text=_("Tylko dla dyrektora: pełna nazwa szkoły lub placówki."),
    )
    is_management = forms.BooleanField(label=_("Kadra zarządzająca (podejmuje decyzje)"), required=False)
    is_leader = forms.BooleanField(label=_("Lider zespołu"), required=False)

    REQUIRED_TO_SUBMIT = {"full_name", "position", "email"}
    TEXT_FIELDS = ["full_name", "position", "email", "phone", "school_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.draft_required = name in self.REQUIRED_TO_SUBMIT
        for name, autocomplete in [("full_name", "off"), ("email", "off"), ("phone", "off")]:
            self.fields[name].widget.attrs["autocomplete"] = autocomplete

    def clean_phone(self):
        return _clean_phone(self.cleaned_data["phone"])

    def is_empty(self) -> bool:
        data = self.cleaned_data
        return not any((data.get(name) or "").strip() for name in self.TEXT_FIELDS) and not (
            data.get("is_management") or data.get("is_leader")
        )


class BaseTeamFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        emails = {}
        for number, form in enumerate(self.forms, start=1):
            email = (form.cleaned_data.get("email") or "").lower()
            if not email:
                continue
            if email in emails:
                form.add_error(
                    "email",
                    _("Ten adres podano już dla osoby %(n)s. Każda osoba ma własny adres.") % {"n": emails[email]},
                )
            else:
                emails[email] = number
        leaders = [f for f in self.forms if f.cleaned_data.get("is_leader")]
        if len(leaders) > 1:
            for form in leaders:
                form.add_error("is_leader", _("Lider zespołu może być tylko jeden."))

    def rows(self) -> list[TeamRow]:
        """The filled rows, in order, as the service takes them."""
        fields = ["full_name", "position", "email", "phone", "kind", "school_name", "is_management", "is_leader"]
        return [
            TeamRow(**{name: form.cleaned_data[name] for name in fields}) for form in self.forms if not form.is_empty()
        ]


TeamFormSet = forms.formset_factory(TeamMemberForm, formset=BaseTeamFormSet, extra=0)


def team_formset(application: Application, data=None) -> forms.BaseFormSet:
    """As many rows as the edition's largest team: the saved members, then empty rows (no JavaScript needed)."""
    members = list(application.team.all())
    initial = [
        {
            "full_name": m.full_name,
            "position": m.position,
            "email": m.email,
            "phone": m.phone,
            "kind": m.kind,
            "school_name": m.school_name,
            "is_management": m.is_management,
            "is_leader": m.is_leader,
        }
        for m in members
    ]
    rows = max(application.edition.team_size_max, len(initial))
    initial += [{"kind": ApplicationTeamMember.Kind.OFFICIAL}] * (rows - len(initial))
    formset = TeamFormSet(data=data, initial=initial, prefix="zespol")
    formset.max_num = rows
    return formset


class UploadForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Jak podpisano dokument?"),
        choices=[
            (DeliveryMethod.SIGNED_PDF.value, DeliveryMethod.SIGNED_PDF.label),
            (DeliveryMethod.SCAN.value, DeliveryMethod.SCAN.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Wybierz, jak podpisano dokument.")},
    )
    file = forms.FileField(
        label=_("Plik PDF"),
        help_text=_("Tylko PDF, do 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        error_messages={"required": _("Wybierz plik PDF do przesłania.")},
    )


class ReceiptForm(forms.Form):
    received_on = forms.DateField(
        label=_("Data wpływu"),
        widget=DateInput,
        help_text=_("Dzień, w którym dokument papierowy wpłynął do organizatora (decyduje data wpływu)."),
        error_messages={"invalid": _("Podaj datę w postaci dd.mm.rrrr.")},
    )
    note = forms.CharField(label=_("Uwagi"), max_length=500, required=False)


class RejectReceiptForm(forms.Form):
    reason = forms.CharField(label=_("Powód odrzucenia"), max_length=500)


class DecisionForm(forms.Form):
    DECISIONS = [
        (Application.Status.QUALIFIED.value, _("zakwalifikuj")),
        (Application.Status.RESERVE.value, _("wpisz na listę rezerwową")),
        (Application.Status.REJECTED.value, _("odrzuć")),
    ]
    decision = forms.ChoiceField(
        label=_("Decyzja"),
        choices=DECISIONS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Wybierz decyzję.")},
    )
    rank = forms.IntegerField(
        label=_("Miejsce na liście rezerwowej"),
        min_value=1,
        required=False,
        help_text=_("Puste: na końcu listy."),
    )
    reason = forms.CharField(
        label=_("Uzasadnienie"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wymagane przy odrzuceniu; JST otrzyma je w powiadomieniu o wyniku."),
    )
    despite_documents = forms.BooleanField(
        label=_("Kwalifikuję mimo niekompletnych lub spóźnionych dokumentów"), required=False
    )


class WithdrawQualifiedForm(forms.Form):
    reason = forms.CharField(
        label=_("Powód wycofania"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Np. rezygnacja JST (pismo z dnia …)."),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Nowa notatka"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Widzą ją tylko pracownicy organizatora i koordynator krajowy, nigdy JST."),
    )


class DeskFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Stan"),
        required=False,
        choices=[("", _("wszystkie"))] + [c for c in Application.Status.choices if c[0] != Application.Status.DRAFT],
    )
    kind = forms.ChoiceField(label=_("Rodzaj JST"), required=False, choices=[("", _("wszystkie")), *JstKind.choices])
    group = forms.ChoiceField(
        label=_("Grupa warsztatowa"), required=False, choices=[("", _("wszystkie")), *WorkshopGroup.choices]
    )
    voivodeship = forms.ModelChoiceField(
        label=_("Województwo"),
        queryset=voivodeships(),
        to_field_name="code",
        required=False,
        empty_label=_("wszystkie"),
    )
    documents = forms.ChoiceField(
        label=_("Dokumenty"),
        required=False,
        choices=[("", _("wszystkie")), ("complete", _("komplet")), ("incomplete", _("niekompletne"))],
    )
    late = forms.BooleanField(label=_("Tylko z dokumentami po terminie"), required=False)
    q = forms.CharField(label=_("Nazwa JST lub kod TERYT"), required=False, max_length=100)

    def filters(self) -> DeskFilters:
        if not self.is_valid():
            return DeskFilters()
        data = self.cleaned_data
        return DeskFilters(
            status=data["status"],
            kind=data["kind"],
            group=data["group"],
            voivodeship=data["voivodeship"].code if data["voivodeship"] else "",
            documents=data["documents"],
            late=data["late"],
            q=data["q"].strip(),
        )


class CallForm(VersionedModelForm):
    class Meta:
        model = Call
        fields = [
            "introduction",
            "paper_address",
            "management_staff",
            "card_text",
            "declaration_text",
            "statements_text",
        ]
        widgets = {
            # What the organiser writes here is Polish (the call page, the documents), whatever the UI language.
            "introduction": forms.Textarea(attrs={"rows": 4, "lang": "pl"}),
            "paper_address": forms.Textarea(attrs={"rows": 3, "lang": "pl"}),
            "management_staff": forms.RadioSelect,
            "card_text": forms.Textarea(attrs={"rows": 8, "lang": "pl"}),
            "declaration_text": forms.Textarea(attrs={"rows": 14, "lang": "pl"}),
            "statements_text": forms.Textarea(attrs={"rows": 14, "lang": "pl"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["card_text", "declaration_text", "statements_text"]:
            self.fields[name].help_text = _(
                "Akapity oddziel pustym wierszem; wiersze zaczynające się od „- ” tworzą listę. Pola do wstawienia "
                "podano niżej."
            )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Tytuł załącznika"), max_length=300, help_text=_("Np. Regulamin uczestnictwa."))
    file = forms.FileField(
        label=_("Plik PDF"),
        help_text=_("Tylko PDF, do 10 MB. Załącznik będzie dostępny publicznie na stronie naboru."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
