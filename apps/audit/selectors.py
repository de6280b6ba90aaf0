from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from .models import AuditEntry


def history_of(target: models.Model) -> QuerySet[AuditEntry]:
    """The history of one object. Callers check that the user may see the object first."""
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        target_id=str(target.pk),
    ).select_related("actor")
