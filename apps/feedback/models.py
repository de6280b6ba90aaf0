"""The model feedback register: remarks about parts of the advisory model and what became of them.

A remark names the part of the model it is about by kind and a key that stays the same across catalogue versions
(an area's or a solution's ``key``, a cycle step's or a support form's ``code``, a programme's ``key``, a document
template's code, or ``model`` for the model as a whole), with the part's name as it read when the remark was made.
The coordinator triages it; an accepted remark is linked to the catalogue draft that addresses it, and when that
version is published the remark is implemented in it and its author is told.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.catalog.models import CatalogVersion
from apps.core.models import TimeStamped


class PartKind(models.TextChoices):
    AREA = "area", _("obszar")
    SOLUTION = "solution", _("rozwiązanie zarządcze")
    STEP = "step", _("krok cyklu")
    FORM = "form", _("forma wsparcia")
    PROGRAMME = "programme", _("program szkoleniowo-doradczy")
    TEMPLATE = "template", _("wzór dokumentu")
    MODEL = "model", _("model jako całość")


class Remark(TimeStamped):
    class Status(models.TextChoices):
        NEW = "new", _("nowa")
        ANALYSING = "analysing", _("w analizie")
        ACCEPTED = "accepted", _("przyjęta")
        REJECTED = "rejected", _("odrzucona")
        IMPLEMENTED = "implemented", _("wdrożona")
        MERGED = "merged", _("połączona z inną")

    class Source(models.TextChoices):
        LINK = "link", _("formularz uwagi do modelu")
        SURVEY = "survey", _("odpowiedź w ankiecie")
        OPEN_SPACE = "open_space", _("wniosek z open space")
        COORDINATOR = "coordinator", _("wpisana przez koordynatora")

    part_kind = models.CharField(_("rodzaj części modelu"), max_length=20, choices=PartKind.choices)
    part_key = models.CharField(_("część modelu"), max_length=64)
    part_label = models.CharField(_("nazwa części modelu"), max_length=300)
    text = models.TextField(_("treść uwagi"))
    # Empty for an anonymous remark (e.g. promoted from an anonymous survey): nothing links it to a person.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="model_remarks",
        verbose_name=_("autor"),
    )
    source = models.CharField(_("źródło"), max_length=20, choices=Source.choices, default=Source.LINK)
    source_label = models.CharField(_("opis źródła"), max_length=300, blank=True)
    made_on_version = models.ForeignKey(
        CatalogVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wersja katalogu, której dotyczy"),
    )
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.NEW)
    decision_note = models.TextField(_("uzasadnienie decyzji"), blank=True)
    decided_at = models.DateTimeField(_("data decyzji"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplikat uwagi"),
    )
    addressed_in = models.ForeignKey(
        CatalogVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="addressed_remarks",
        verbose_name=_("wersja katalogu, która ją uwzględnia"),
    )
    implemented_in = models.ForeignKey(
        CatalogVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implemented_remarks",
        verbose_name=_("wdrożona w wersji"),
    )

    class Meta:
        verbose_name = _("uwaga do modelu")
        verbose_name_plural = _("uwagi do modelu")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "part_kind"], name="feedback_status_part"),
            models.Index(fields=["part_kind", "part_key"], name="feedback_part"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="implemented") | models.Q(implemented_in__isnull=False),
                name="feedback_implemented_has_version",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="merged") | models.Q(duplicate_of__isnull=False),
                name="feedback_merged_has_original",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_part_kind_display()}: {self.part_label}"

    @property
    def is_anonymous(self) -> bool:
        return self.author_id is None
