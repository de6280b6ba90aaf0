"""Needs before the agenda: the organiser's candidate topics and the results per workshop group; the participants'
short form (rate the topics, propose one's own)."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.editing import form_page
from apps.core.forms import RadioSelect
from apps.core.permissions import can, require

from .. import selectors, services
from ..models import TopicFamily, TopicRating
from .common import desk_view, participant_view


class TopicForm(forms.Form):
    family = forms.ChoiceField(label=gettext_lazy("obszar tematyczny"), choices=TopicFamily.choices, widget=RadioSelect)
    title = forms.CharField(label=gettext_lazy("temat"), max_length=300)


SCORES = [("", gettext_lazy("bez oceny"))] + [(str(n), str(n)) for n in range(1, 6)]


class NeedsForm(forms.Form):
    proposal = forms.CharField(label=gettext_lazy("Twoja propozycja tematu"), max_length=300, required=False)
    family = forms.ChoiceField(
        label=gettext_lazy("obszar tematyczny propozycji"),
        choices=TopicFamily.choices,
        widget=RadioSelect,
        required=False,
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = topics
        for topic in topics:
            self.fields[f"topic_{topic.pk}"] = forms.ChoiceField(
                label=topic.title,
                help_text=topic.get_family_display(),
                choices=SCORES,
                required=False,
                widget=RadioSelect,
            )

    def ratings(self) -> dict[int, int | None]:
        values = {}
        for topic in self.topics:
            raw = self.cleaned_data.get(f"topic_{topic.pk}")
            values[topic.pk] = int(raw) if raw else None
        return values


@desk_view()
def topics(request, event):
    if request.method == "POST":
        require(request.user, "event.manage", event)
    form = TopicForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda f: services.add_topic(event=event, by=request.user, **f.cleaned_data),
        success=_("Dodano temat do oceny."),
        done=reverse("events:topics", kwargs={"pk": event.pk}),
        template="events/topics.html",
        context={
            "event": event,
            "candidates": event.topics.filter(proposed_by__isnull=True),
            "results": selectors.needs_results(event),
            "may_manage": can(request.user, "event.manage", event),
        },
    )


@participant_view("event.attend")
def needs(request, event):
    candidates = list(event.topics.filter(proposed_by__isnull=True))
    mine = dict(TopicRating.objects.filter(topic__event=event, user=request.user).values_list("topic_id", "score"))
    initial = {f"topic_{pk}": str(score) for pk, score in mine.items()}
    form = NeedsForm(request.POST or None, topics=candidates, initial=initial)
    group = selectors.group_of(event, request.user)
    return form_page(
        request,
        form,
        save=lambda f: services.submit_needs(
            event=event,
            user=request.user,
            group=group,
            ratings=f.ratings(),
            proposal=f.cleaned_data.get("proposal", ""),
            family=f.cleaned_data.get("family", ""),
        ),
        success=_("Dziękujemy: zapisaliśmy Twoje oceny i propozycje."),
        done=reverse("events:detail", kwargs={"pk": event.pk}),
        template="events/needs.html",
        context={"event": event, "has_topics": bool(candidates)},
    )
