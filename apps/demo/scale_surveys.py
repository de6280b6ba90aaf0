"""Scale data for the surveys pages in ``make bench``: the evaluation of each scale edition's training with 3,300
anonymous responses in the large edition (330 in the small one), spread over JST kinds and workshop groups, every
question answered (a tenth with a remark). Written in bulk, like the rest of ``apps/demo/scale.py``."""

import random
from datetime import timedelta

from apps.surveys import answers
from apps.surveys.models import Answer, Response, Survey
from apps.surveys.presets import TRAINING
from apps.surveys.services import copy_preset
from apps.territory.kinds import DEFAULT_WORKSHOP_GROUPS

BATCH = 5000
RESPONSES = {"large": 3300, "small": 330}


def _survey(edition, event) -> Survey:
    ends = event.planned_event.ends_on
    survey = Survey.objects.create(
        organiser=edition.organiser,
        scope=Survey.Scope.EVENT,
        event=event,
        edition=edition,
        audience=Survey.Audience.PARTICIPANTS,
        title="Ocena szkolenia (skala)",
        anonymous=True,
        opens_on=ends,
        closes_on=ends + timedelta(days=14),
        status=Survey.Status.PUBLISHED,
        template_key="training",
    )
    copy_preset(survey=survey, key="training")
    return survey


def build(editions: dict, *, log=lambda text: None) -> None:
    from apps.events.models import Event

    kinds = list(DEFAULT_WORKSHOP_GROUPS.items())
    for key, edition in editions.items():
        event = Event.objects.filter(planned_event__edition=edition).first()
        survey = _survey(edition, event)
        by_text = {q.text: q for q in survey.questions.all()}
        questions = {p.key: by_text[p.text] for p in TRAINING.questions}
        ordered = list(survey.questions.all())
        rng = random.Random(key)
        responses, rows = [], []
        for i in range(RESPONSES[key]):
            kind, group = kinds[i % len(kinds)]
            response = Response(survey=survey, jst_kind=kind, workshop_group=group, edition=edition)
            overall = rng.randint(1, 5)
            use = rng.randint(0, 3)
            values = {
                questions["overall"].pk: overall,
                questions["aspects"].pk: {j: rng.randint(1, 5) for j in range(len(questions["aspects"].items))},
                questions["use"].pk: use,
                questions["use_why_not"].pk: "Brak czasu (skala)",
                questions["topics"].pk: [rng.randint(0, 4)],
            }
            if i % 10 == 0:
                values[questions["remarks"].pk] = f"Uwaga {i} (skala)"
            responses.append(response)
            rows += answers.answer_rows(response, ordered, answers.shown_values(ordered, values))
        Response.objects.bulk_create(responses, batch_size=BATCH)
        Answer.objects.bulk_create(rows, batch_size=BATCH)
        log(f"{edition.name}: ankieta z {len(responses)} odpowiedziami")
