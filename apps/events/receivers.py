"""When the edition's timetable moves an event's days (the planned event stays the authority on them), the people
who already had the programme are told what changed."""

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from apps.editions.models import PlannedEvent

from .models import Event


@receiver(pre_save, sender=PlannedEvent, dispatch_uid="events.remember_planned_dates")
def remember_dates(sender, instance: PlannedEvent, **kwargs):
    if instance.pk:
        instance._dates_before = (
            PlannedEvent.objects.filter(pk=instance.pk).values_list("starts_on", "ends_on", "title").first()
        )


@receiver(post_save, sender=PlannedEvent, dispatch_uid="events.dates_changed")
def dates_changed(sender, instance: PlannedEvent, created: bool, **kwargs):
    before = getattr(instance, "_dates_before", None)
    if created or not before or before[:2] == (instance.starts_on, instance.ends_on):
        return
    event = Event.objects.filter(planned_event=instance, programme_sent_at__isnull=False).first()
    if event is None:
        return
    from .services.notices import notify_dates_changed

    old = PlannedEvent(starts_on=before[0], ends_on=before[1])
    transaction.on_commit(lambda: notify_dates_changed(event_id=event.pk, before=old.dates_label))
