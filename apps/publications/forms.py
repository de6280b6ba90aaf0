"""Forms of the summaries, consents and publications. The summary's form is built from its structure: one text
field per text section, the contact and interviewee fields where the form has those sections."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.forms import RadioSelect, VersionedModelForm

from . import structures
from .models import Consent, DocumentKind, EditionPublishing, FinalSummary, FormCode, SummaryAttachment
from .services.summary import CONTACT_FIELDS, INTERVIEW_FIELDS


class StartSummaryForm(forms.Form):
    form = forms.ChoiceField(label=_("Forma podsumowania"), choices=FormCode.choices, widget=RadioSelect)


class SummaryForm(VersionedModelForm):
    """The sections of the summary under optimistic locking (one ``version`` for the whole summary)."""

    class Meta:
        model = FinalSummary
        fields = CONTACT_FIELDS + INTERVIEW_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sections = self.instance.structure.sections
        kinds = {s["kind"] for s in sections}
        if structures.CONTACT not in kinds:
            for name in CONTACT_FIELDS:
                del self.fields[name]
        if structures.INTERVIEW not in kinds:
            for name in INTERVIEW_FIELDS:
                del self.fields[name]
        self.section_fields = []
        for section in structures.text_sections(sections):
            name = f"s_{section['key']}"
            self.fields[name] = forms.CharField(
                label=section["title"],
                help_text=section.get("help", ""),
                required=False,
                max_length=20000,
                widget=forms.Textarea(attrs={"rows": 8, "lang": "pl"}),
                initial=self.instance.content.get(section["key"], ""),
            )
            self.fields[name].draft_required = section["required"]
            self.section_fields.append(name)
        order = []
        for section in sections:
            if section["kind"] in (structures.TEXT, structures.INTERVIEW):
                if section["kind"] == structures.INTERVIEW:
                    order += INTERVIEW_FIELDS
                order.append(f"s_{section['key']}")
            elif section["kind"] == structures.CONTACT:
                order += CONTACT_FIELDS
        self.order_fields(order)

    def content(self) -> dict:
        return {name[2:]: self.cleaned_data[name] for name in self.section_fields}

    def values(self) -> dict:
        values = {name: self.cleaned_data[name] for name in CONTACT_FIELDS + INTERVIEW_FIELDS if name in self.fields}
        return {"content": self.content(), **values}


class AttachmentForm(forms.Form):
    upload = forms.FileField(label=_("Plik"))
    title = forms.CharField(label=_("Opis pliku lub podpis zdjęcia"), max_length=300)
    alt_text = forms.CharField(
        label=_("Tekst alternatywny (dla zdjęć)"),
        max_length=300,
        required=False,
        help_text=_("Co widać na zdjęciu, dla osób, które go nie zobaczą. Wymagany dla zdjęć."),
    )
    kind = forms.ChoiceField(label=_("Rodzaj"), choices=SummaryAttachment.Kind.choices, widget=RadioSelect)


class CommentForm(forms.Form):
    section = forms.ChoiceField(label=_("Sekcja"))
    text = forms.CharField(label=_("Komentarz"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(s["key"], s["title"]) for s in sections]


class ChangeRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Co zespół ma poprawić"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )


class ConsentForm(forms.Form):
    document = forms.ChoiceField(label=_("Dokument"), choices=DocumentKind.choices, widget=forms.HiddenInput)
    choice = forms.ChoiceField(label=_("Decyzja JST"), choices=Consent.Choice.choices, widget=RadioSelect)


class StructureForm(forms.Form):
    sections = forms.CharField(
        label=_("Sekcje"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Jedna sekcja w wierszu: klucz | tytuł | wymagana (tak/nie) | rodzaj | podpowiedź. "
            "Rodzaje: text, contact, files, interview, photos."
        ),
    )
    note = forms.CharField(label=_("Co się zmieniło"), max_length=500, required=False)


class EditionPublishingForm(forms.ModelForm):
    class Meta:
        model = EditionPublishing
        fields = ["both_advisors_accept", "grouping", "intro"]
        widgets = {"grouping": RadioSelect, "intro": forms.Textarea(attrs={"rows": 4, "lang": "pl"})}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Szukaj"), max_length=200, required=False)
    jst_kind = forms.ChoiceField(label=_("Rodzaj JST"), required=False)
    area = forms.ChoiceField(label=_("Obszar"), required=False)
    voivodeship = forms.ChoiceField(label=_("Województwo"), required=False)
    edition = forms.ChoiceField(label=_("Edycja"), required=False)
    document = forms.ChoiceField(label=_("Dokument"), required=False)
    form = forms.ChoiceField(label=_("Forma podsumowania"), required=False)
    solution = forms.ChoiceField(label=_("Rozwiązanie zarządcze"), required=False)

    def __init__(self, *args, options: dict, **kwargs):
        super().__init__(*args, **kwargs)
        from apps.territory.kinds import JstKind

        every = [("", _("wszystkie"))]
        self.fields["jst_kind"].choices = every + list(JstKind.choices)
        self.fields["area"].choices = every + [(a, a) for a in options["areas"]]
        self.fields["solution"].choices = every + [(s, s) for s in options["solutions"]]
        self.fields["voivodeship"].choices = every + list(options["voivodeships"])
        self.fields["edition"].choices = every + list(options["editions"])
        self.fields["document"].choices = every + list(DocumentKind.choices)
        self.fields["form"].choices = every + list(FormCode.choices)
        for form_field in self.fields.values():
            form_field.draft_required = True  # filters: none is needed, so none is labelled "(opcjonalnie)"
