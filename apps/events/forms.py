from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Membership
from apps.core.forms import DateInput, RadioSelect, VersionedModelForm
from apps.programmes.models import Scenario
from apps.programmes.selectors import scenario_choices
from apps.territory.kinds import WorkshopGroup

from .helpers import d
from .models import Diet, Event, RoomChoice, Session, Venue
from .services import meal_choices


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = [
            "name",
            "address",
            "phone",
            "email",
            "directions_by_car",
            "directions_by_public_transport",
            "parking",
        ]
        widgets = {
            "directions_by_car": forms.Textarea(attrs={"rows": 3}),
            "directions_by_public_transport": forms.Textarea(attrs={"rows": 3}),
            "parking": forms.Textarea(attrs={"rows": 2}),
        }


class EventForm(VersionedModelForm):
    online_url = forms.URLField(label=_("link do spotkania on-line"), required=False, assume_scheme="https")

    class Meta:
        model = Event
        fields = [
            "venue",
            "online_url",
            "description",
            "capacity",
            "registration_deadline",
            "registration_open",
            "invite_team_members",
            "privacy_notice",
            "certificate_min_days",
            "offer_hours",
        ]
        widgets = {
            "registration_deadline": DateInput,
            "description": forms.Textarea(attrs={"rows": 4}),
            "privacy_notice": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, venues=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = venues if venues is not None else Venue.objects.none()
        self.fields["venue"].required = False

    def rebuilt(self, data, current):
        return type(self)(data, instance=current, venues=self.fields["venue"].queryset)


def trainer_choices(edition):
    """The organiser's trainers and advisors (both run sessions)."""
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation_id=edition.organiser_id,
            memberships__role__in=[Membership.Role.TRAINER, Membership.Role.ADVISOR],
        )
        .distinct()
        .order_by("full_name", "email")
    )


class TrainerField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.email


class SessionForm(VersionedModelForm):
    day = forms.TypedChoiceField(label=_("dzień"), coerce=date.fromisoformat)
    trainers = TrainerField(
        label=_("trenerzy"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topic = forms.ModelChoiceField(queryset=None, required=False, widget=forms.HiddenInput)

    class Meta:
        model = Session
        fields = [
            "kind",
            "day",
            "starts_at",
            "duration_minutes",
            "workshop_group",
            "title",
            "method",
            "topic_family",
            "room",
            "description",
            "scenario",
        ]
        widgets = {
            "kind": RadioSelect,
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["day"].choices = [(day.isoformat(), d(day)) for day in event.days]
        self.fields["trainers"].queryset = trainer_choices(event.planned_event.edition)
        self.fields["topic"].queryset = event.topics.all()
        # The scenarios of the published programmes of the edition's catalogue version (a session keeps the one it
        # pointed to even after a newer version is published).
        scenarios = scenario_choices(event.planned_event.edition.catalogue_version)
        if self.instance.scenario_id:
            scenarios = scenarios | Scenario.objects.filter(pk=self.instance.scenario_id)
        self.fields["scenario"].queryset = scenarios.select_related("programme")
        self.fields["scenario"].label_from_instance = lambda s: f"{s.programme.title}: {s}"
        self.fields["scenario"].help_text = _("Opcjonalnie: scenariusz, według którego prowadzi się ten blok.")
        if self.instance.pk:
            self.initial["day"] = self.instance.day.isoformat()
            self.initial["trainers"] = [t.pk for t in self.instance.trainers.all()]
            self.initial["topic"] = self.instance.topic_id
        groups = [("", _("wszyscy (sesja plenarna)"))] + list(WorkshopGroup.choices)
        self.fields["workshop_group"].choices = groups

    def rebuilt(self, data, current):
        return type(self)(data, instance=current, event=self.event)

    def values(self) -> dict:
        return {
            **super().values(),
            "trainers": list(self.cleaned_data.get("trainers") or []),
            "topic": self.cleaned_data.get("topic"),
        }


class CopyAgendaForm(forms.Form):
    source = forms.ModelChoiceField(label=_("skopiuj program z wydarzenia"), queryset=Event.objects.none())

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources
        self.fields["source"].label_from_instance = lambda e: f"{e.title} ({e.dates_label})"


class RoommateField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


class RegistrationForm(forms.Form):
    days = forms.MultipleChoiceField(label=_("dni udziału"), widget=forms.CheckboxSelectMultiple)
    nights = forms.MultipleChoiceField(
        label=_("noclegi"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Noc zaczynająca się tego dnia."),
    )
    room_choice = forms.ChoiceField(label=_("pokój"), choices=RoomChoice.choices, widget=RadioSelect, required=False)
    roommate = RoommateField(
        label=_("osoba do wspólnego pokoju"),
        queryset=None,
        required=False,
        help_text=_("Tylko osoby już zarejestrowane; gdy jej nie ma, wybierz dobór przez organizatora."),
    )
    single_reason = forms.CharField(
        label=_("uzasadnienie pokoju jednoosobowego"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    meals = forms.MultipleChoiceField(label=_("posiłki"), widget=forms.CheckboxSelectMultiple, required=False)
    diet = forms.ChoiceField(label=_("dieta"), choices=Diet.choices, widget=RadioSelect, initial=Diet.STANDARD)
    diet_note = forms.CharField(label=_("opis diety"), max_length=300, required=False)
    parking = forms.BooleanField(label=_("potrzebuję miejsca parkingowego"), required=False)
    accessibility_needs = forms.CharField(
        label=_("potrzeby związane z dostępnością"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
    privacy_acknowledged = forms.BooleanField(
        label=_("zapoznałem(-am) się z klauzulą informacyjną RODO"), required=False
    )

    def __init__(self, *args, event, roommates, ask_privacy=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [(day.isoformat(), d(day)) for day in event.days]
        self.fields["nights"].choices = [
            (night.isoformat(), _("noc %(from)s → %(to)s") % {"from": d(night), "to": d(event.days[i])})
            for i, night in enumerate(event.nights)
        ]
        self.fields["meals"].choices = meal_choices(event=event)
        self.fields["roommate"].queryset = roommates
        if not ask_privacy:
            del self.fields["privacy_acknowledged"]

    def values(self) -> dict:
        return dict(self.cleaned_data)


def registration_initial(registration) -> dict:
    return {
        "days": registration.days,
        "nights": registration.nights,
        "room_choice": registration.room_choice,
        "roommate": registration.roommate_id,
        "single_reason": registration.single_reason,
        "meals": registration.meals,
        "diet": registration.diet,
        "diet_note": registration.diet_note,
        "parking": registration.parking,
        "accessibility_needs": registration.accessibility_needs,
    }


def person_label(registration) -> str:
    """How a registered person is written in the room form (and what its shared suggestion list inserts)."""
    return f"{registration.full_name} ({registration.email})"


class PersonField(forms.CharField):
    """A registered person typed as the shared ``<datalist>`` writes them ("Name (e-mail)"), or just the e-mail or
    the unique name: the page carries the suggestions once instead of every person as an ``<option>`` twice."""

    def __init__(self, **kwargs):
        super().__init__(max_length=400, **kwargs)
        self.widget.attrs.update({"list": "event-people", "autocomplete": "off"})


class RoomForm(forms.Form):
    first = PersonField(label=_("pierwsza osoba"))
    second = PersonField(label=_("druga osoba"), required=False, help_text=_("Puste: pokój jednoosobowy."))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people

    def _person(self, name: str):
        text = (self.cleaned_data.get(name) or "").strip()
        if not text:
            return None
        if text.endswith(")") and "(" in text:
            text = text[text.rindex("(") + 1 : -1].strip()
        found = list(self.people.filter(email__iexact=text)[:2]) or list(self.people.filter(full_name__iexact=text)[:2])
        if len(found) != 1:
            raise forms.ValidationError(_("Wybierz osobę zarejestrowaną na to wydarzenie z podpowiedzi."))
        return found[0]

    def clean_first(self):
        return self._person("first")

    def clean_second(self):
        return self._person("second")


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("kod uczestnika"), max_length=20, required=False)
    day = forms.TypedChoiceField(label=_("dzień"), coerce=date.fromisoformat)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [(day.isoformat(), d(day)) for day in event.days]
        self.fields["code"].widget.attrs.update({"autocomplete": "off", "autocapitalize": "characters"})


class AttendanceScanForm(forms.Form):
    day = forms.TypedChoiceField(label=_("dzień"), coerce=date.fromisoformat)
    workshop_group = forms.ChoiceField(label=_("grupa warsztatowa"), required=False)
    file = forms.FileField(label=_("skan podpisanej listy (PDF)"))

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [(day.isoformat(), d(day)) for day in event.days]
        self.fields["workshop_group"].choices = [("", _("wszystkie grupy"))] + list(WorkshopGroup.choices)


class InviteForm(forms.Form):
    user = forms.ModelChoiceField(label=_("osoba"), queryset=None)
    role = forms.ChoiceField(
        label=_("rola"), choices=[("advisor", _("doradca")), ("trainer", _("trener")), ("guest", _("gość"))]
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people
        self.fields["user"].label_from_instance = lambda u: f"{u.full_name or u.email} ({u.email})"
