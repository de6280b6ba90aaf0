from apps.accounts.factories import UserFactory
from apps.surveys.audience import Person
from apps.surveys.factories import survey_from_preset
from apps.surveys.services import invite


def invited(survey, n: int, *, jst_kind: str = "rural_gmina", group: str = "rural_gminy") -> list[str]:
    """``n`` people invited to ``survey``; their one-time tokens."""
    return [
        invite(
            survey=survey,
            person=Person(UserFactory(), jst_kind, group, survey.edition_id),
        )
        for _ in range(n)
    ]


def training_survey(**fields):
    survey = survey_from_preset(key="training", **fields)
    return survey, {q.text: q for q in survey.questions.all()}


def training_values(q: dict, *, overall=4, use="tak", why="", remarks="") -> dict:
    """A valid answer to the training template (question texts → values by question id)."""
    overall_q = q["Jak ogólnie oceniasz szkolenie?"]
    aspects = q["Oceń poszczególne elementy szkolenia."]
    use_q = q["Czy wykorzystasz wiedzę ze szkolenia w pracy nad HDR?"]
    values = {
        overall_q.pk: overall,
        aspects.pk: dict.fromkeys(range(len(aspects.items)), overall),
        use_q.pk: use_q.options.index(use),
        q["Które tematy warto rozwinąć na kolejnych szkoleniach?"].pk: [0, 2],
    }
    if why:
        values[q["Co przeszkadza w wykorzystaniu wiedzy ze szkolenia?"].pk] = why
    if remarks:
        values[q["Uwagi o szkoleniu i o modelu doradztwa"].pk] = remarks
    return values
