"""The final summary (stage 6) in one of three forms, its review and frozen versions; consent to publish each of
a JST's documents; the publications of the public knowledge base and their search index."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.catalog.models import SummaryForm
from apps.core.models import Authored, Created, TimeStamped, Versioned
from apps.documents.storage import select_private_storage

FormCode = SummaryForm.Code


class SummaryStructure(Created):
    """One version of the sections of one summary form (see ``structures.py``); the newest is the one in use."""

    form = models.CharField(_("forma podsumowania"), max_length=30, choices=FormCode.choices)
    number = models.PositiveIntegerField(_("wersja"))
    sections = models.JSONField(_("sekcje"), default=list)
    note = models.CharField(_("co się zmieniło"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("struktura formy podsumowania")
        verbose_name_plural = _("struktury form podsumowania")
        ordering = ["form", "-number"]
        constraints = [models.UniqueConstraint(fields=["form", "number"], name="summary_structure_number_unique")]

    def __str__(self):
        return f"{self.get_form_display()} (v{self.number})"


class EditionPublishing(models.Model):
    """An edition's own settings for summaries and publication (kept here: the editions app knows no summaries)."""

    class Grouping(models.TextChoices):
        JST_KIND = "jst_kind", _("według rodzaju JST")
        VOIVODESHIP = "voivodeship", _("według województwa")

    edition = models.OneToOneField("editions.Edition", on_delete=models.CASCADE, related_name="publishing")
    both_advisors_accept = models.BooleanField(_("podsumowanie akceptują obaj doradcy"), default=False)
    grouping = models.CharField(
        _("układ strony publikacji edycji"), max_length=20, choices=Grouping.choices, default=Grouping.JST_KIND
    )
    intro = models.TextField(_("wstęp na stronie publikacji"), max_length=3000, blank=True)

    class Meta:
        verbose_name = _("ustawienia publikacji edycji")
        verbose_name_plural = _("ustawienia publikacji edycji")

    def __str__(self):
        return str(self.edition)


class FinalSummary(Versioned, Authored, TimeStamped):
    """The working copy of a JST's final summary; submitted and accepted states are frozen in ``SummaryVersion``."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("wersja robocza")
        IN_REVIEW = "in_review", _("przekazane doradcom")
        ACCEPTED = "accepted", _("zaakceptowane")

    engagement = models.OneToOneField(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="final_summary", verbose_name=_("karta JST")
    )
    form = models.CharField(_("forma podsumowania"), max_length=30, choices=FormCode.choices)
    structure = models.ForeignKey(SummaryStructure, on_delete=models.PROTECT, related_name="summaries")
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    content = models.JSONField(_("treść sekcji"), default=dict, blank=True)
    contact_name = models.CharField(_("imię i nazwisko osoby do kontaktu"), max_length=200, blank=True)
    contact_position = models.CharField(_("stanowisko osoby do kontaktu"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail osoby do kontaktu"), blank=True)
    contact_phone = models.CharField(_("telefon osoby do kontaktu"), max_length=30, blank=True)
    interviewee_name = models.CharField(_("rozmówca (imię i nazwisko)"), max_length=200, blank=True)
    interviewee_position = models.CharField(_("funkcja rozmówcy"), max_length=200, blank=True)
    accepted_version = models.ForeignKey(
        "SummaryVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by_label = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("podsumowanie")
        verbose_name_plural = _("podsumowania")

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.engagement.edition_id, "engagement": self.engagement_id}

    def __str__(self):
        return str(_("Podsumowanie: %(jst)s")) % {"jst": self.engagement.local_government.display_name}

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class SummaryAttachment(Created):
    """A file of section III (model documents) or a photo of a mini-report (caption and alternative text)."""

    class Kind(models.TextChoices):
        FILE = "file", _("plik")
        PHOTO = "photo", _("zdjęcie")

    summary = models.ForeignKey(FinalSummary, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("rodzaj"), max_length=10, choices=Kind.choices)
    file = models.FileField(storage=select_private_storage, upload_to="summaries/%Y/%m/")
    original_name = models.CharField(_("nazwa pliku"), max_length=255)
    content_type = models.CharField(max_length=150)
    size = models.PositiveIntegerField(default=0)
    title = models.CharField(_("opis pliku lub podpis zdjęcia"), max_length=300)
    alt_text = models.CharField(_("tekst alternatywny"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Removed from the draft but listed by a frozen version (which a publication may show): kept for that version.
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("załącznik podsumowania")
        verbose_name_plural = _("załączniki podsumowania")
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(kind="photo") | ~Q(alt_text=""), name="summary_photo_has_alt_text")
        ]

    def __str__(self):
        return self.title


class SummaryVersion(models.Model):
    """A submitted state of the summary, frozen; accepted once enough advisors accepted it."""

    class Status(models.TextChoices):
        IN_REVIEW = "in_review", _("czeka na decyzję doradców")
        CHANGES_REQUESTED = "changes_requested", _("do poprawy")
        ACCEPTED = "accepted", _("zaakceptowana")

    summary = models.ForeignKey(FinalSummary, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("wersja"))
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.IN_REVIEW)
    snapshot = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    change_reason = models.TextField(_("co poprawić"), max_length=5000, blank=True)

    class Meta:
        verbose_name = _("wersja podsumowania")
        verbose_name_plural = _("wersje podsumowania")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["summary", "number"], name="summary_version_unique")]

    def __str__(self):
        return f"{self.summary} v{self.number}"


class SummaryApproval(Created):
    version = models.ForeignKey(SummaryVersion, on_delete=models.CASCADE, related_name="approvals")
    advisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=30)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "advisor"], name="summary_approval_once")]


class SummaryComment(Created):
    """An advisor's (or the team's) comment on one section of the summary."""

    summary = models.ForeignKey(FinalSummary, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(_("sekcja"), max_length=50)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_label = models.CharField(max_length=300, blank=True)
    text = models.TextField(_("komentarz"), max_length=3000)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("komentarz do podsumowania")
        verbose_name_plural = _("komentarze do podsumowania")


class DocumentKind(models.TextChoices):
    PLAN = "plan", _("Harmonogram Działań Rozwojowych")
    DIAGNOSIS = "diagnosis", _("diagnoza potrzeb")
    SUMMARY = "summary", _("podsumowanie")


class Consent(Created):
    """The JST's decision about publishing one document in one version. Withdrawing keeps the row."""

    class Choice(models.TextChoices):
        FULL = "full", _("publikacja w całości")
        ANONYMISED = "anonymised", _("publikacja bez danych osobowych")
        REFUSED = "refused", _("bez publikacji")

    engagement = models.ForeignKey("engagements.Engagement", on_delete=models.CASCADE, related_name="consents")
    document = models.CharField(_("dokument"), max_length=20, choices=DocumentKind.choices)
    version = models.PositiveIntegerField(_("wersja dokumentu"))
    choice = models.CharField(_("zgoda"), max_length=20, choices=Choice.choices)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    given_by_label = models.CharField(max_length=300)
    withdrawn_at = models.DateTimeField(_("wycofana"), null=True, blank=True)
    withdrawn_by_label = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("zgoda na publikację")
        verbose_name_plural = _("zgody na publikację")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "document"], condition=Q(withdrawn_at__isnull=True), name="consent_one_current"
            )
        ]

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.engagement.edition_id, "engagement": self.engagement_id}

    @property
    def allows_publication(self) -> bool:
        return self.withdrawn_at is None and self.choice in (self.Choice.FULL, self.Choice.ANONYMISED)

    def __str__(self):
        return f"{self.get_document_display()} v{self.version}: {self.get_choice_display()}"


class Publication(TimeStamped):
    """A document of the public knowledge base: the public text (already without personal data where the consent
    says so), the facts it is filtered by, its PDF. Live while ``withdrawn_at`` is empty."""

    engagement = models.ForeignKey("engagements.Engagement", on_delete=models.PROTECT, related_name="publications")
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="publications")
    document = models.CharField(_("dokument"), max_length=20, choices=DocumentKind.choices)
    version = models.PositiveIntegerField(_("wersja dokumentu"))
    form = models.CharField(_("forma podsumowania"), max_length=30, choices=FormCode.choices, blank=True)
    title = models.CharField(_("tytuł"), max_length=400)
    sections = models.JSONField(default=list)  # [{"title": str, "text": str}] as published
    edition = models.ForeignKey("editions.Edition", on_delete=models.PROTECT, related_name="+")
    jst_name = models.CharField(_("JST"), max_length=300)
    jst_kind = models.CharField(_("rodzaj JST"), max_length=20)
    voivodeship = models.ForeignKey("territory.Voivodeship", on_delete=models.PROTECT, related_name="+")
    areas = models.JSONField(default=list)  # names
    solutions = models.JSONField(default=list)  # names of the catalogue's management solutions used
    # A summary's model documents and photos as published: [{"id", "kind", "title", "alt_text", "size"}]
    attachments = models.JSONField(default=list, blank=True)
    pdf = models.FileField(storage=select_private_storage, upload_to="publications/%Y/", blank=True)
    pdf_size = models.PositiveIntegerField(default=0)
    featured = models.BooleanField(_("wyróżniona"), default=False)
    published_at = models.DateTimeField(_("opublikowano"), db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("wycofano"), null=True, blank=True)

    class Meta:
        verbose_name = _("publikacja")
        verbose_name_plural = _("publikacje")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "document"], condition=Q(withdrawn_at__isnull=True), name="publication_one_live"
            )
        ]
        indexes = [models.Index(fields=["withdrawn_at", "jst_kind"], name="publication_live_kind")]

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.edition_id, "engagement": self.engagement_id}

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("publications:public_detail", kwargs={"pk": self.pk})


class PublicationArea(models.Model):
    """The catalogue areas and solutions of a publication as rows, so filters are indexed lookups."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=10)  # "area" | "solution"
    name = models.CharField(max_length=300)

    class Meta:
        indexes = [models.Index(fields=["kind", "name"], name="publication_facet_lookup")]

    def __str__(self):
        return self.name


class SearchTerm(models.Model):
    """The inverted index the SQLite fallback searches: how often each lemma occurs in a live publication."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="search_terms")
    lemma = models.CharField(max_length=100)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [models.Index(fields=["lemma", "publication"], name="search_term_lookup")]
        constraints = [models.UniqueConstraint(fields=["publication", "lemma"], name="search_term_once")]

    def __str__(self):
        return self.lemma


class SearchEntry(models.Model):
    """The search index of one live publication: its public text as words (``plain``) and, word for word, their
    lemmas without diacritics (``lemmas``, padded with spaces); on PostgreSQL also a ``tsvector`` of the lemmas.
    Withdrawal deletes the row."""

    publication = models.OneToOneField(Publication, on_delete=models.CASCADE, related_name="search_entry")
    plain = models.TextField()
    lemmas = models.TextField()
    vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("wpis indeksu wyszukiwania")
        verbose_name_plural = _("indeks wyszukiwania")

    def __str__(self):
        return str(self.publication_id)
