"""Fixed vocabularies of the recruitment: the three documents, the titles of a JST's head, delivery methods."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.territory.kinds import JstKind


class DocumentKind(models.TextChoices):
    CARD = "card", _("Karta zgłoszenia JST")
    DECLARATION = "declaration", _("Deklaracja współpracy")
    STATEMENTS = "statements", _("Oświadczenia")


# Polish slugs for the document URLs, in the order the sources list the documents (załączniki 1–3).
DOCUMENT_SLUGS = {
    DocumentKind.CARD: "karta-zgloszenia",
    DocumentKind.DECLARATION: "deklaracja-wspolpracy",
    DocumentKind.STATEMENTS: "oswiadczenia",
}
KIND_BY_SLUG = {slug: kind for kind, slug in DOCUMENT_SLUGS.items()}


class HeadTitle(models.TextChoices):
    WOJT = "wojt", _("wójt")
    BURMISTRZ = "burmistrz", _("burmistrz")
    PREZYDENT = "prezydent", _("prezydent miasta")
    STAROSTA = "starosta", _("starosta")
    MARSZALEK = "marszalek", _("marszałek województwa")


# The executive of each kind of JST (ustawy o samorządzie gminnym, powiatowym i województwa). An urban gmina is
# led by a burmistrz, or a prezydent where the town has (or kept) that title, e.g. former cities with powiat rights.
HEAD_TITLES_BY_KIND: dict[str, list[str]] = {
    JstKind.URBAN_GMINA: [HeadTitle.BURMISTRZ, HeadTitle.PREZYDENT],
    JstKind.CITY_WITH_POWIAT_RIGHTS: [HeadTitle.PREZYDENT],
    JstKind.URBAN_RURAL_GMINA: [HeadTitle.BURMISTRZ],
    JstKind.RURAL_GMINA: [HeadTitle.WOJT],
    JstKind.POWIAT: [HeadTitle.STAROSTA],
    JstKind.VOIVODESHIP: [HeadTitle.MARSZALEK],
}


def head_titles_for(kind: str) -> list[str]:
    return HEAD_TITLES_BY_KIND.get(kind, list(HeadTitle.values))


class DeliveryMethod(models.TextChoices):
    SIGNED_PDF = "signed_pdf", _("PDF z podpisem elektronicznym (kwalifikowanym lub zaufanym)")
    SCAN = "scan", _("skan dokumentu podpisanego odręcznie")
    PAPER = "paper", _("dokument papierowy (poczta lub osobiście)")


class ManagementStaffRule(models.TextChoices):
    REQUIRED = "required", _("wymagana: zgłoszenie bez kadry zarządzającej nie może zostać złożone")
    RECOMMENDED = "recommended", _("zalecana: brak kadry zarządzającej to tylko ostrzeżenie")
