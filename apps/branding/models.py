"""The public face of a programme: an organiser's logo, phone and help page, and the funding marks an edition
must show (e.g. the "Fundusze Europejskie" bar of an EU-funded edition).

Images are uploads, so they stay out of static files: they live in private storage and are streamed by views
that check the edition is public (or that the viewer may see its draft)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Organisation
from apps.documents.storage import select_private_storage
from apps.editions.models import Edition


class ImageType(models.TextChoices):
    # PNG and JPEG only: an SVG is a document that can carry script.
    PNG = "image/png", "PNG"
    JPEG = "image/jpeg", "JPEG"


class OrganiserIdentity(models.Model):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="identity", verbose_name=_("organizator")
    )
    logo = models.FileField(_("logo"), upload_to="branding/logos/%Y/", storage=select_private_storage, blank=True)
    logo_type = models.CharField(max_length=20, choices=ImageType.choices, blank=True)
    contact_phone = models.CharField(_("telefon kontaktowy"), max_length=50, blank=True)
    help_url = models.URLField(_("strona pomocy"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("wizerunek organizatora")
        verbose_name_plural = _("wizerunki organizatorów")

    def __str__(self):
        return str(self.organisation)


class FundingMark(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="funding_marks", verbose_name=_("edycja")
    )
    image = models.FileField(_("obraz"), upload_to="branding/marks/%Y/", storage=select_private_storage)
    content_type = models.CharField(max_length=20, choices=ImageType.choices)
    alt_text = models.CharField(_("tekst alternatywny"), max_length=300)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("znak finansowania")
        verbose_name_plural = _("znaki finansowania")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(alt_text=""), name="funding_mark_alt_text_required"),
        ]

    def __str__(self):
        return self.alt_text
