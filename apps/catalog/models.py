"""The model's catalogue: areas with their management solutions, forms of support, cycle steps, summary forms.

All content belongs to a ``CatalogVersion``. The national coordinator edits one draft version at a time and
publishes it; a published version never changes, and an edition keeps the version it started with.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.core.models import Created


def _same_name(name: str, others) -> bool:
    """Case-insensitive in Python: SQLite's LIKE and lower() fold only ASCII letters, not "Ż" to "ż"."""
    wanted = name.strip().casefold()
    return any(other.strip().casefold() == wanted for other in others)


class CatalogVersion(Created):
    class Status(models.TextChoices):
        DRAFT = "draft", _("wersja robocza")
        PUBLISHED = "published", _("opublikowana")

    number = models.PositiveIntegerField(_("numer"), unique=True)
    label = models.CharField(_("nazwa wersji"), max_length=200, blank=True)
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    notes = models.TextField(_("uwagi do wersji"), blank=True)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("na podstawie")
    )
    published_at = models.DateTimeField(_("opublikowana"), null=True, blank=True)

    class Meta:
        verbose_name = _("wersja katalogu")
        verbose_name_plural = _("wersje katalogu")
        ordering = ["-number"]
        constraints = [
            # One draft at a time keeps the coordinator's editing unambiguous.
            models.UniqueConstraint(fields=["status"], condition=models.Q(status="draft"), name="catalog_one_draft"),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(published_at__isnull=False),
                name="catalog_published_has_date",
            ),
        ]

    def __str__(self):
        title = _("Wersja %(number)s") % {"number": self.number}
        return f"{title}: {self.label}" if self.label else str(title)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Area(models.Model):
    """An area of support: one task of the organ prowadzący. The number of areas is data, never assumed."""

    version = models.ForeignKey(CatalogVersion, on_delete=models.CASCADE, related_name="areas")
    # The same area across versions (kept when a draft is copied), so statistics can follow a renamed area.
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(_("nazwa"), max_length=300)
    description = models.TextField(_("opis"), blank=True)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("obszar")
        verbose_name_plural = _("obszary")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "version", name="catalog_area_name_unique"),
            models.UniqueConstraint(fields=["version", "key"], name="catalog_area_key_unique"),
        ]

    def __str__(self):
        return self.name

    @property
    def key_text(self) -> str:
        return str(self.key)

    def clean(self):
        super().clean()
        if self.version_id and self.name:
            others = Area.objects.filter(version_id=self.version_id).exclude(pk=self.pk).values_list("name", flat=True)
            if _same_name(self.name, others):
                raise ValidationError({"name": _("Obszar o tej nazwie już jest w tej wersji katalogu.")})


class ManagementSolution(models.Model):
    class Kind(models.TextChoices):
        SOLUTION = "solution", _("rozwiązanie zarządcze")
        TOOL = "tool", _("narzędzie")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="solutions")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(_("nazwa"), max_length=300)
    description = models.TextField(_("opis"), blank=True)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.SOLUTION)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("rozwiązanie zarządcze")
        verbose_name_plural = _("rozwiązania zarządcze")
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(Lower("name"), "area", name="catalog_solution_name_unique")]

    def __str__(self):
        return self.name

    @property
    def key_text(self) -> str:
        return str(self.key)

    def clean(self):
        super().clean()
        if self.area_id and self.name:
            others = ManagementSolution.objects.filter(area_id=self.area_id).exclude(pk=self.pk)
            if _same_name(self.name, others.values_list("name", flat=True)):
                raise ValidationError({"name": _("W tym obszarze jest już rozwiązanie o tej nazwie.")})


class SupportForm(models.Model):
    """A form of support. The code is stable across versions; editions plan their events by it."""

    class Code(models.TextChoices):
        OPENING_MEETING = "opening_meeting", _("spotkanie informacyjno-konsultacyjne otwierające")
        WORKSHOP_TRAINING = "workshop_training", _("szkolenie warsztatowe")
        ONSITE_ADVISORY = "onsite_advisory", _("spotkanie doradcze w siedzibie JST")
        REMOTE_ADVISORY = "remote_advisory", _("doradztwo zdalne")
        CLOSING_MEETING = "closing_meeting", _("spotkanie informacyjno-konsultacyjne podsumowujące")

    version = models.ForeignKey(CatalogVersion, on_delete=models.CASCADE, related_name="support_forms")
    code = models.CharField(_("kod"), max_length=30, choices=Code.choices)
    name = models.CharField(_("nazwa"), max_length=200)
    description = models.TextField(_("opis"), blank=True)
    # Empty for continuous forms (remote advisory), whose length each edition sets in months.
    duration_days = models.PositiveSmallIntegerField(_("czas trwania (dni)"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("forma wsparcia")
        verbose_name_plural = _("formy wsparcia")
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="catalog_support_form_code_unique")]

    def __str__(self):
        return self.name

    @property
    def duration_label(self) -> str:
        if not self.duration_days:
            return ""
        return ngettext("%(n)s dzień", "%(n)s dni", self.duration_days) % {"n": self.duration_days}


class CycleStep(models.Model):
    """A step of the full advisory cycle a JST goes through."""

    class Code(models.TextChoices):
        AREA_CHOICE = "area_choice", _("wybór obszaru")
        NEEDS_ASSESSMENT = "needs_assessment", _("diagnoza potrzeb i priorytety rozwojowe")
        DEVELOPMENT_PLAN = "development_plan", _("Harmonogram Działań Rozwojowych")
        IMPLEMENTATION = "implementation", _("kierunki wdrożenia i wdrożenie")
        SUMMARY = "summary", _("podsumowanie")

    version = models.ForeignKey(CatalogVersion, on_delete=models.CASCADE, related_name="cycle_steps")
    code = models.CharField(_("kod"), max_length=30, choices=Code.choices)
    name = models.CharField(_("nazwa"), max_length=200)
    description = models.TextField(_("opis"), blank=True)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("krok cyklu")
        verbose_name_plural = _("kroki cyklu")
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="catalog_cycle_step_code_unique")]

    def __str__(self):
        return self.name


class SummaryForm(models.Model):
    """One of the forms in which a JST hands in the summary of its cycle."""

    class Code(models.TextChoices):
        GOOD_PRACTICE = "good_practice", _("opis dobrej praktyki samorządowej")
        REFLECTION_STUDY = "reflection_study", _("studium refleksji")
        MINI_REPORTAGE = "mini_reportage", _("minireportaż z wywiadem")

    version = models.ForeignKey(CatalogVersion, on_delete=models.CASCADE, related_name="summary_forms")
    code = models.CharField(_("kod"), max_length=30, choices=Code.choices)
    name = models.CharField(_("nazwa"), max_length=200)
    description = models.TextField(_("opis"), blank=True)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("forma podsumowania")
        verbose_name_plural = _("formy podsumowania")
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="catalog_summary_form_code_unique")]

    def __str__(self):
        return self.name
