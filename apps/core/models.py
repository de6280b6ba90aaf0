"""Abstract base models the apps share, so a timestamp, an author or a lock version is declared once.

They add no table and change no column: each declares exactly the field the models had written by hand
(``makemigrations --check`` stays clean). Combine them freely: ``class Plan(Versioned, Authored, TimeStamped)``.
"""

from django.conf import settings
from django.db import models


class Created(models.Model):
    """When the row was created."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class TimeStamped(Created):
    """When the row was created and last saved (``auto_now``; ``save_versioned`` sets it on its UPDATE too)."""

    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Authored(models.Model):
    """Who created the row; kept empty (not deleted) if the account goes."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True


class Versioned(models.Model):
    """A document several people edit at once: ``apps.core.locking.save_versioned`` checks and bumps ``version``."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True
