"""The demo's surveys: an evaluation survey (the training template) after each workshop training of the 2019 pilot,
closed two weeks after the training, with plausible anonymous responses from most registered participants, all
marked as demo (``is_demo`` and "(demo)" in the title and in every free-text answer). Idempotent."""

import random
from datetime import timedelta

from apps.editions.models import PlannedEvent
from apps.events.models import Event, Registration
from apps.surveys import answers, services
from apps.surveys.audience import Person
from apps.surveys.models import Answer, Invitation, Response, Survey
from apps.surveys.presets import TRAINING

from . import editions

REMARKS = [
    "Więcej czasu na ćwiczenia w grupach (demo)",
    "Przydałyby się przykłady HDR z innych gmin (demo)",
    "Materiały wcześniej, przed szkoleniem (demo)",
    "Dobra wymiana doświadczeń między JST (demo)",
]
OBSTACLES = ["Brak czasu w urzędzie (demo)", "Zbyt ogólne przykłady (demo)"]


def _values(rng: random.Random, questions: dict) -> dict:
    overall = rng.choices([2, 3, 4, 5], weights=[1, 3, 6, 5])[0]
    aspects = questions["aspects"]
    use = rng.choices([0, 1, 2, 3], weights=[6, 5, 2, 1])[0]
    values = {
        questions["overall"].pk: overall,
        aspects.pk: {i: max(1, min(5, overall + rng.choice([-1, 0, 0, 1]))) for i in range(len(aspects.items))},
        questions["use"].pk: use,
        questions["topics"].pk: sorted(rng.sample(range(len(questions["topics"].options)), rng.randint(1, 3))),
    }
    if use == 3:
        values[questions["use_why_not"].pk] = rng.choice(OBSTACLES)
    if rng.random() < 0.4:
        values[questions["remarks"].pk] = rng.choice(REMARKS)
    return values


def _survey(event: Event, by) -> Survey:
    ends = event.planned_event.ends_on
    survey = services.create_survey(
        organiser=event.planned_event.edition.organiser,
        by=by,
        template="training",
        title=f"Ocena szkolenia: {event.title} (demo)",
        scope=Survey.Scope.EVENT,
        event=event,
        edition=event.planned_event.edition,
        audience=Survey.Audience.PARTICIPANTS,
        anonymous=True,
        opens_on=ends,
        closes_on=ends + timedelta(days=14),
        privacy_notice="Ankieta jest anonimowa; organizator nie przetwarza w niej danych osobowych (demo).",
    )
    Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.PUBLISHED, is_demo=True)
    return survey


def seed() -> int:
    """Returns how many responses were added."""
    pilot = editions.PILOT_2019
    trainings = Event.objects.filter(
        planned_event__edition__name=pilot.name, planned_event__kind=PlannedEvent.Kind.WORKSHOP_TRAINING
    ).select_related("planned_event__edition__organiser")
    by = editions.staff_user(pilot)
    added = 0
    for event in trainings:
        if Survey.objects.filter(event=event, template_key="training").exists():
            continue
        survey = _survey(event, by)
        keys = {q.text: q for q in survey.questions.all()}
        questions = {p.key: keys[p.text] for p in TRAINING.questions}
        ordered = list(survey.questions.all())
        rng = random.Random(event.pk)
        registrations = Registration.objects.filter(event=event, status=Registration.Status.REGISTERED).select_related(
            "user", "engagement__local_government"
        )
        rows = []
        for registration in registrations:
            engagement = registration.engagement
            services.invite(
                survey=survey,
                person=Person(
                    registration.user,
                    engagement.local_government.kind if engagement else "",
                    registration.workshop_group,
                    survey.edition_id,
                ),
            )
            if rng.random() < 0.8:  # most answered
                response = Response(
                    survey=survey,
                    jst_kind=engagement.local_government.kind if engagement else "",
                    workshop_group=registration.workshop_group,
                    edition_id=survey.edition_id,
                    is_demo=True,
                )
                values = answers.shown_values(ordered, _values(rng, questions))
                rows.append((registration.user_id, response, answers.answer_rows(response, ordered, values)))
        Response.objects.bulk_create([r for _u, r, _a in rows])
        Answer.objects.bulk_create([a for _u, _r, answer_rows in rows for a in answer_rows])
        Invitation.objects.filter(survey=survey, user_id__in=[u for u, _r, _a in rows]).update(used=True)
        added += len(rows)
    return added
