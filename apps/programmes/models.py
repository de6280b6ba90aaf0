"""The training-and-advisory programme library: six programmes (two audiences × three JST levels), each with its
scope, methods, exercises, session scenarios, delivery standards, examples of earlier EU projects' products and
guidance for trainers.

Programmes are versioned with the catalogue: each belongs to a ``CatalogVersion``; a new draft version holds a
copy of them (``key`` stays the same across versions), and only a draft version's programmes change. A programme
is shown publicly when it is published and its catalogue version is the current published one.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.catalog.models import CatalogVersion

MIN_SCENARIOS = 3


class Audience(models.TextChoices):
    MANAGEMENT = "management", _("kadra kierownicza JST")
    OPERATIONAL = "operational", _("pracownicy operacyjni realizujący zadania oświatowe")


class JstLevel(models.TextChoices):
    RURAL_GMINY = "rural_gminy", _("gminy wiejskie")
    URBAN_GMINY = "urban_gminy", _("gminy miejskie")
    POWIATY = "powiaty", _("powiaty")


class Programme(models.Model):
    version = models.ForeignKey(CatalogVersion, on_delete=models.CASCADE, related_name="programmes")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    audience = models.CharField(_("adresaci"), max_length=20, choices=Audience.choices)
    jst_level = models.CharField(_("poziom JST"), max_length=20, choices=JstLevel.choices)
    title = models.CharField(_("tytuł"), max_length=300)
    summary = models.TextField(_("cel i krótki opis"), blank=True)
    scope_universal = models.TextField(_("treści uniwersalne"), blank=True)
    scope_specific = models.TextField(_("treści specyficzne dla typu JST"), blank=True)
    competences = models.TextField(_("kompetencje, które program rozwija"), blank=True)
    forms_and_methods = models.TextField(_("formy pracy oraz metody i sposoby ich wykorzystania"), blank=True)
    exercises = models.TextField(_("ćwiczenia i zadania do realizacji przez JST"), blank=True)
    delivery_standards = models.TextField(_("standardy realizacji szkoleń"), blank=True)
    guidance = models.TextField(_("wskazówki i zalecenia do realizacji szkoleń"), blank=True)
    trainer_competences = models.TextField(_("wymagania kompetencyjne wobec trenerów"), blank=True)
    is_published = models.BooleanField(_("opublikowany"), default=False)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("program szkoleniowo-doradczy")
        verbose_name_plural = _("programy szkoleniowo-doradcze")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="programmes_programme_key_unique"),
            models.UniqueConstraint(
                fields=["version", "audience", "jst_level"], name="programmes_programme_audience_level_unique"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def key_text(self) -> str:
        return str(self.key)


class Scenario(models.Model):
    """A session scenario (scenariusz zajęć): what a trainer runs in one or more 90-minute sessions."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="scenarios")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    number = models.PositiveSmallIntegerField(_("numer"))
    title = models.CharField(_("tytuł"), max_length=300)
    duration_minutes = models.PositiveSmallIntegerField(_("czas trwania (minuty)"), default=90)
    goals = models.TextField(_("cele zajęć"), blank=True)
    course = models.TextField(_("przebieg zajęć"))
    methods = models.TextField(_("metody i formy pracy"), blank=True)
    materials = models.TextField(_("materiały i pomoce"), blank=True)

    class Meta:
        verbose_name = _("scenariusz zajęć")
        verbose_name_plural = _("scenariusze zajęć")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="programmes_scenario_number_unique"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class EuProduct(models.Model):
    """An example of using a product of an earlier EU project (PO KL 2007–2013, POWER) in the programme."""

    class Source(models.TextChoices):
        POKL = "pokl", _("PO KL")
        POWER = "power", _("PO WER")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="eu_products")
    source = models.CharField(_("program operacyjny"), max_length=10, choices=Source.choices)
    title = models.CharField(_("produkt"), max_length=300)
    url = models.URLField(_("adres"), blank=True)
    how_used = models.TextField(_("jak go wykorzystać"), blank=True)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("produkt projektu UE")
        verbose_name_plural = _("produkty projektów UE")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title
