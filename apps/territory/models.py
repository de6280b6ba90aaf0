"""The TERYT register (GUS TERC): territorial units and the JSTs (self-governments) that can take part.

Territorial units (voivodeships, powiats, gminy) mirror the file; ``LocalGovernment`` is the participant the rest
of the platform refers to. Rows are never deleted: a unit missing from a newer file is marked inactive.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from apps.core.models import TimeStamped

from .kinds import JstKind, WorkshopGroup, workshop_group_for

GMINA_KINDS = [
    JstKind.URBAN_GMINA,
    JstKind.CITY_WITH_POWIAT_RIGHTS,
    JstKind.URBAN_RURAL_GMINA,
    JstKind.RURAL_GMINA,
]


class RegisterImport(models.Model):
    """One run of the TERC loader: which file, which register date, what it changed."""

    source = models.CharField(_("plik"), max_length=300)
    checksum = models.CharField(_("suma kontrolna SHA-256"), max_length=64)
    as_of = models.DateField(_("stan rejestru na"))
    imported_at = models.DateTimeField(_("zaimportowano"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary = models.JSONField(_("podsumowanie"), default=dict, blank=True)

    class Meta:
        verbose_name = _("import rejestru TERYT")
        verbose_name_plural = _("importy rejestru TERYT")
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return f"TERC {self.as_of:%Y-%m-%d} ({self.source})"


class TerritorialUnit(TimeStamped):
    code = models.CharField(_("kod TERYT"), max_length=7, unique=True)
    name = models.CharField(_("nazwa"), max_length=200)
    is_active = models.BooleanField(_("w aktualnym rejestrze"), default=True)
    # STAN_NA of the register in which the current values (or the deactivation) first appeared.
    valid_from = models.DateField(_("obowiązuje od"))

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.name


class Voivodeship(TerritorialUnit):
    class Meta(TerritorialUnit.Meta):
        verbose_name = _("województwo")
        verbose_name_plural = _("województwa")


class Powiat(TerritorialUnit):
    voivodeship = models.ForeignKey(Voivodeship, on_delete=models.PROTECT, related_name="powiats")
    # POW >= 61: a city with powiat rights; its single gmina is the JST.
    is_city = models.BooleanField(_("miasto na prawach powiatu"), default=False)

    class Meta(TerritorialUnit.Meta):
        verbose_name = _("powiat")
        verbose_name_plural = _("powiaty")


class Gmina(TerritorialUnit):
    class Type(models.TextChoices):
        URBAN = "1", _("gmina miejska")
        RURAL = "2", _("gmina wiejska")
        URBAN_RURAL = "3", _("gmina miejsko-wiejska")

    powiat = models.ForeignKey(Powiat, on_delete=models.PROTECT, related_name="gminy")
    rodz = models.CharField(_("rodzaj gminy (RODZ)"), max_length=1, choices=Type.choices)

    class Meta(TerritorialUnit.Meta):
        verbose_name = _("gmina")
        verbose_name_plural = _("gminy")


class LocalGovernment(TimeStamped):
    """A JST that can take part: a gmina (of any type), a city with powiat rights, a powiat or a voivodeship."""

    kind = models.CharField(_("rodzaj JST"), max_length=20, choices=JstKind.choices)
    # 7 digits (WOJ+POW+GMI+RODZ) for gminy and cities with powiat rights, 4 for powiaty, 2 for voivodeships.
    teryt = models.CharField(_("kod TERYT"), max_length=7, unique=True)
    name = models.CharField(_("nazwa"), max_length=200)
    display_name = models.CharField(_("nazwa jednoznaczna"), max_length=300, unique=True)
    voivodeship = models.ForeignKey(
        Voivodeship, on_delete=models.PROTECT, related_name="local_governments", verbose_name=_("województwo")
    )
    powiat = models.ForeignKey(
        Powiat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="local_governments",
        verbose_name=_("powiat"),
    )
    # Lowercase ASCII (Polish diacritics folded) so that search behaves the same on SQLite and PostgreSQL.
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    search_text = models.CharField(max_length=500, editable=False)
    is_active = models.BooleanField(_("w aktualnym rejestrze"), default=True, db_index=True)
    valid_from = models.DateField(_("obowiązuje od"))

    class Meta:
        verbose_name = _("JST")
        verbose_name_plural = _("JST")
        ordering = ["teryt"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(Exact(Length("teryt"), 2), kind=JstKind.VOIVODESHIP, powiat__isnull=True)
                    | Q(Exact(Length("teryt"), 4), kind=JstKind.POWIAT, powiat__isnull=False)
                    | Q(Exact(Length("teryt"), 7), kind__in=GMINA_KINDS, powiat__isnull=False)
                ),
                name="jst_teryt_and_powiat_match_kind",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def default_workshop_group(self) -> WorkshopGroup:
        return WorkshopGroup(workshop_group_for(self.kind))


class LocalGovernmentChange(models.Model):
    """One field of a JST changed by a register import (name, type, code, display name, active or not)."""

    local_government = models.ForeignKey(LocalGovernment, on_delete=models.CASCADE, related_name="changes")
    register_import = models.ForeignKey(RegisterImport, on_delete=models.PROTECT, related_name="changes")
    field = models.CharField(_("pole"), max_length=30)
    old_value = models.CharField(_("poprzednia wartość"), max_length=300, blank=True)
    new_value = models.CharField(_("nowa wartość"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("zmiana JST w rejestrze")
        verbose_name_plural = _("zmiany JST w rejestrze")
        ordering = ["-register_import__as_of", "-pk"]

    def __str__(self):
        return f"{self.local_government}: {self.field} {self.old_value} → {self.new_value}"

    @property
    def field_label(self) -> str:
        return LocalGovernment._meta.get_field(self.field).verbose_name

    @property
    def old_label(self) -> str:
        return self._label(self.old_value)

    @property
    def new_label(self) -> str:
        return self._label(self.new_value)

    def _label(self, value: str) -> str:
        # Kinds and flags are stored as codes; people read them as words.
        if self.field == "kind" and value in JstKind.values:
            return JstKind(value).label
        if self.field == "is_active":
            return _("tak") if value == "True" else _("nie")
        return value
