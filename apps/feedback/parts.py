"""The parts of the model a remark can be about, as "<kind>:<key>" values (what the "Uwaga do modelu" links put in
the query string: ``?part=area:<uuid>``), read from the current published catalogue version."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.catalog.models import Area, CatalogVersion, CycleStep, ManagementSolution, SummaryForm, SupportForm
from apps.catalog.selectors import current_version
from apps.programmes.models import Programme

from .models import PartKind

MODEL_KEY = "model"
# Document templates the model gives JSTs: the diagnosis, the HDR and the summary forms (their catalogue codes).
TEMPLATES = [
    ("diagnosis", gettext_lazy("Diagnoza potrzeb i priorytety rozwojowe")),
    ("hdr", gettext_lazy("Harmonogram Działań Rozwojowych (HDR)")),
    *[(code, label) for code, label in SummaryForm.Code.choices],
]


@dataclass(frozen=True)
class Part:
    kind: str
    key: str
    label: str

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.key}"


def _version(version: CatalogVersion | None) -> CatalogVersion | None:
    return version or current_version()


def parts_of(version: CatalogVersion | None = None) -> list[tuple[str, list[Part]]]:
    """Every part a remark can name, grouped by kind (the form's grouped choices)."""
    version = _version(version)
    groups: list[tuple[str, list[Part]]] = [
        (str(PartKind.MODEL.label), [Part(PartKind.MODEL, MODEL_KEY, _("Model doradztwa jako całość"))])
    ]
    if version is not None:
        areas = Area.objects.filter(version=version).order_by("order", "name")
        solutions = ManagementSolution.objects.filter(area__version=version).order_by("area__order", "order", "name")
        groups += [
            (str(PartKind.AREA.label), [Part(PartKind.AREA, str(a.key), a.name) for a in areas]),
            (str(PartKind.SOLUTION.label), [Part(PartKind.SOLUTION, str(s.key), s.name) for s in solutions]),
            (
                str(PartKind.STEP.label),
                [Part(PartKind.STEP, s.code, s.name) for s in CycleStep.objects.filter(version=version)],
            ),
            (
                str(PartKind.FORM.label),
                [Part(PartKind.FORM, f.code, f.name) for f in SupportForm.objects.filter(version=version)],
            ),
            (
                str(PartKind.PROGRAMME.label),
                [
                    Part(PartKind.PROGRAMME, str(p.key), p.title)
                    for p in Programme.objects.filter(version=version).order_by("order", "pk")
                ],
            ),
        ]
    groups.append(
        (str(PartKind.TEMPLATE.label), [Part(PartKind.TEMPLATE, code, str(label)) for code, label in TEMPLATES])
    )
    return [(label, parts) for label, parts in groups if parts]


def resolve(value: str, version: CatalogVersion | None = None) -> Part:
    """The part a "<kind>:<key>" value names, or a ValidationError saying a part must be chosen."""
    kind, _sep, key = (value or "").strip().partition(":")
    if not kind:
        raise ValidationError(_("Wskaż, której części modelu dotyczy uwaga."), code="no_part")
    for _label, parts in parts_of(version):
        for part in parts:
            if part.kind == kind and part.key == key:
                return part
    raise ValidationError(_("Nie ma takiej części modelu. Wybierz ją z listy."), code="unknown_part")
