"""Factories other tests (and the access-matrix world) reuse: a survey over an event, built from a template."""

from datetime import timedelta

import factory
from django.utils import timezone

from .models import Survey


class SurveyFactory(factory.django.DjangoModelFactory):
    """An anonymous survey after an event, open from yesterday for two weeks, not yet published."""

    class Meta:
        model = Survey

    event = factory.SubFactory("apps.events.factories.EventFactory")
    edition = factory.LazyAttribute(lambda o: o.event.planned_event.edition if o.event else None)
    organiser = factory.LazyAttribute(lambda o: o.event.planned_event.edition.organiser)
    scope = Survey.Scope.EVENT
    audience = Survey.Audience.PARTICIPANTS
    title = "Ocena szkolenia"
    anonymous = True
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    privacy_notice = "Administratorem danych jest organizator."


def survey_from_preset(*, key: str = "training", published: bool = True, **fields) -> Survey:
    from .services import copy_preset

    survey = SurveyFactory(template_key=key, **fields)
    copy_preset(survey=survey, key=key)
    if published:
        survey.status = Survey.Status.PUBLISHED
        survey.save(update_fields=["status"])
    return survey
