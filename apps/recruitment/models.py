"""Recruitment (nabór): an edition's call, the applications JSTs file on-line (Karta zgłoszenia with its team),
the three signed documents and their receipts, the organiser's notes and decisions.

Workflow lives in ``services.py``; these models hold fields, constraints and derived facts only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.models import Created, TimeStamped, Versioned
from apps.documents.storage import select_private_storage
from apps.editions.models import PROGRAMME_TZ, Edition
from apps.territory.kinds import WorkshopGroup, workshop_group_for

from .kinds import DeliveryMethod, DocumentKind, HeadTitle, ManagementStaffRule
from .texts import default_card_text, default_declaration_text, default_statements_text


class Call(Versioned):
    """The organiser's own settings of an edition's call: extra text, the paper address, the management-staff
    rule, the templates of the three documents, and whether the results are published.

    An edition without a row uses the defaults (selectors hand out an unsaved ``Call``)."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="call")
    introduction = models.TextField(
        _("dodatkowe informacje o naborze"),
        blank=True,
        max_length=5000,
        help_text=_("Widoczne na stronie naboru, np. cel edycji lub źródło finansowania."),
    )
    paper_address = models.TextField(
        _("adres do przesyłki dokumentów papierowych"),
        blank=True,
        max_length=1000,
        help_text=_("Np. Ośrodek Rozwoju Edukacji, ul. Polna 46 A, 00-644 Warszawa, z dopiskiem „Doradztwo dla JST”."),
    )
    management_staff = models.CharField(
        _("kadra zarządzająca w zespole"),
        max_length=20,
        choices=ManagementStaffRule.choices,
        default=ManagementStaffRule.RECOMMENDED,
    )
    card_text = models.TextField(_("treść Karty zgłoszenia JST"), max_length=20000, default=default_card_text)
    declaration_text = models.TextField(
        _("treść Deklaracji współpracy"), max_length=20000, default=default_declaration_text
    )
    statements_text = models.TextField(_("treść Oświadczeń"), max_length=20000, default=default_statements_text)
    results_published_at = models.DateTimeField(_("wyniki opublikowane"), null=True, blank=True)
    results_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nabór")
        verbose_name_plural = _("nabory")

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.edition_id}

    def __str__(self):
        return str(_("Nabór: %(edition)s") % {"edition": self.edition})

    @property
    def results_published(self) -> bool:
        return self.results_published_at is not None

    def text_for(self, kind: str) -> str:
        return {
            DocumentKind.CARD: self.card_text,
            DocumentKind.DECLARATION: self.declaration_text,
            DocumentKind.STATEMENTS: self.statements_text,
        }[kind]


def attachment_path(instance, filename: str) -> str:
    return f"recruitment/{instance.edition_id}/attachments/{filename}"


class CallAttachment(models.Model):
    """A file the organiser publishes with the call: the rules, a description of the model, a template."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="call_attachments")
    title = models.CharField(_("tytuł"), max_length=300)
    file = models.FileField(_("plik PDF"), storage=select_private_storage, upload_to=attachment_path, max_length=300)
    filename = models.CharField(max_length=255)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("załącznik naboru")
        verbose_name_plural = _("załączniki naboru")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title


class Application(Versioned, TimeStamped):
    """A JST's application to an edition (Karta zgłoszenia JST), from draft to decision."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("wersja robocza")
        SUBMITTED = "submitted", _("złożone, czeka na decyzję")
        QUALIFIED = "qualified", _("zakwalifikowane")
        RESERVE = "reserve", _("na liście rezerwowej")
        REJECTED = "rejected", _("odrzucone")
        WITHDRAWN = "withdrawn", _("wycofane")

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="applications")
    local_government = models.ForeignKey(
        "territory.LocalGovernment", on_delete=models.PROTECT, related_name="applications", verbose_name=_("JST")
    )
    # The person who files the application on the JST's behalf: owning an application is the applicant role.
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="applications")
    status = models.CharField(_("stan"), max_length=20, choices=Status.choices, default=Status.DRAFT)

    address_street = models.CharField(_("ulica i numer"), max_length=200, blank=True)
    address_postal_code = models.CharField(_("kod pocztowy"), max_length=6, blank=True)
    address_city = models.CharField(_("miejscowość"), max_length=100, blank=True)
    office_email = models.EmailField(_("e-mail urzędu"), blank=True)
    office_phone = models.CharField(_("telefon urzędu"), max_length=40, blank=True)

    head_title = models.CharField(_("funkcja"), max_length=20, choices=HeadTitle.choices, blank=True)
    head_name = models.CharField(_("imię i nazwisko"), max_length=200, blank=True)
    signatory_is_head = models.BooleanField(_("dokumenty podpisuje kierownik JST"), default=True)
    signatory_name = models.CharField(_("imię i nazwisko osoby upoważnionej"), max_length=200, blank=True)
    signatory_position = models.CharField(_("stanowisko osoby upoważnionej"), max_length=200, blank=True)

    contact_name = models.CharField(_("imię i nazwisko"), max_length=200, blank=True)
    contact_position = models.CharField(_("stanowisko"), max_length=200, blank=True)
    contact_email = models.EmailField(_("adres e-mail"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)

    motivation = models.TextField(_("motywacja"), max_length=5000, blank=True)
    areas = models.ManyToManyField("catalog.Area", blank=True, related_name="+", verbose_name=_("rozważane obszary"))

    submitted_at = models.DateTimeField(_("złożone"), null=True, blank=True)

    # Kept by the services from the receipts, so that the organiser's list filters and counts in SQL.
    documents_received = models.PositiveSmallIntegerField(_("dokumenty, które wpłynęły"), default=0)
    documents_complete_on = models.DateField(_("komplet dokumentów od"), null=True, blank=True)
    has_late_documents = models.BooleanField(_("dokumenty po terminie"), default=False)

    reserve_rank = models.PositiveIntegerField(_("miejsce na liście rezerwowej"), null=True, blank=True)
    decision_reason = models.TextField(_("uzasadnienie decyzji"), max_length=2000, blank=True)
    decided_at = models.DateTimeField(_("decyzja z dnia"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("wycofane"), null=True, blank=True)
    # The advisory engagement created at hand-over (see docs/decisions: at publication of the results).
    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The decision the applicant was last told about, so that publishing twice never e-mails twice.
    notified_status = models.CharField(max_length=20, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("zgłoszenie JST")
        verbose_name_plural = _("zgłoszenia JST")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One live application per JST and edition; a withdrawn one no longer blocks a new attempt.
            models.UniqueConstraint(
                fields=["edition", "local_government"],
                condition=~Q(status="withdrawn"),
                name="application_one_per_jst_edition",
                violation_error_message=_("Ta JST ma już zgłoszenie w tej edycji."),
            ),
            models.CheckConstraint(
                condition=Q(reserve_rank__isnull=True) | Q(status="reserve"), name="application_rank_only_in_reserve"
            ),
        ]
        indexes = [models.Index(fields=["edition", "status"], name="application_edition_status")]

    @property
    def audit_scope(self) -> dict:
        return {"edition": self.edition_id, "engagement": self.engagement_id}

    def __str__(self):
        return str(_("Zgłoszenie: %(jst)s") % {"jst": self.local_government})

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_decided(self) -> bool:
        return self.status in {self.Status.QUALIFIED, self.Status.RESERVE, self.Status.REJECTED}

    @property
    def results_published(self) -> bool:
        try:
            return self.edition.call.results_published
        except Call.DoesNotExist:
            return False

    @property
    def applicant_status_label(self) -> str:
        """What the applicant sees: a decision stays "submitted" until the results are published."""
        if self.is_decided and not self.results_published:
            return self.Status.SUBMITTED.label
        return self.get_status_display()

    @property
    def workshop_group(self) -> str:
        return workshop_group_for(self.local_government.kind, self.edition.workshop_group_overrides)

    @property
    def workshop_group_label(self) -> str:
        return WorkshopGroup(self.workshop_group).label

    @property
    def documents_complete(self) -> bool:
        return self.documents_complete_on is not None

    @property
    def documents_in_time(self) -> bool:
        return self.documents_complete and not self.has_late_documents

    @property
    def signatory_label(self) -> str:
        if self.signatory_is_head:
            title = HeadTitle(self.head_title).label if self.head_title else ""
            return f"{self.head_name}, {title}".strip(", ")
        return f"{self.signatory_name}, {self.signatory_position}".strip(", ")


class ApplicationTeamMember(models.Model):
    """A person the JST delegates, as written in the application (copied into the engagement at hand-over)."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("pracownik JST")
        SCHOOL_DIRECTOR = "school_director", _("dyrektor szkoły lub placówki")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="team")
    order = models.PositiveSmallIntegerField(default=0)
    # A draft may hold half-filled rows; completeness is checked on submit (completeness.team_problems).
    full_name = models.CharField(_("imię i nazwisko"), max_length=200, blank=True)
    position = models.CharField(_("stanowisko"), max_length=200, blank=True)
    email = models.EmailField(_("adres e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.OFFICIAL)
    school_name = models.CharField(_("szkoła lub placówka"), max_length=300, blank=True)
    is_management = models.BooleanField(_("kadra zarządzająca"), default=False)
    is_leader = models.BooleanField(_("lider zespołu"), default=False)

    class Meta:
        verbose_name = _("osoba w zespole JST (zgłoszenie)")
        verbose_name_plural = _("zespół JST (zgłoszenie)")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.full_name


def receipt_path(instance, filename: str) -> str:
    return f"recruitment/{instance.application.edition_id}/applications/{instance.application_id}/{filename}"


class DocumentReceipt(Created):
    """One delivery of one of the three documents: an uploaded signed PDF or scan, or paper recorded by the
    organiser. Nothing is overwritten: a later delivery adds a row; the organiser may reject one (with a reason)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="receipts")
    kind = models.CharField(_("dokument"), max_length=20, choices=DocumentKind.choices)
    method = models.CharField(_("sposób dostarczenia"), max_length=20, choices=DeliveryMethod.choices)
    file = models.FileField(storage=select_private_storage, upload_to=receipt_path, blank=True, max_length=300)
    filename = models.CharField(max_length=255, blank=True)
    size = models.PositiveIntegerField(default=0)
    # pyHanko's reports, as plain data (see apps.documents.signatures.SignatureReport).
    signatures = models.JSONField(default=list, blank=True)
    # The moment of receipt when the platform knows it (an upload); paper has only the date the organiser records.
    received_at = models.DateTimeField(_("wpłynął"), null=True, blank=True)
    received_on = models.DateField(_("data wpływu"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("uwagi"), max_length=500, blank=True)
    rejected_at = models.DateTimeField(_("odrzucony"), null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rejection_reason = models.CharField(_("powód odrzucenia"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("wpływ dokumentu")
        verbose_name_plural = _("wpływy dokumentów")
        ordering = ["received_on", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(method="paper") | ~Q(file=""), name="receipt_upload_has_file"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.received_on:%d.%m.%Y})"

    @property
    def is_rejected(self) -> bool:
        return self.rejected_at is not None

    @property
    def is_late(self) -> bool:
        return self.received_on > self.application.edition.recruitment_deadline

    @property
    def received_local(self):
        return self.received_at.astimezone(PROGRAMME_TZ) if self.received_at else None

    @property
    def signature_state(self) -> str:
        """ "none", "intact" (every signature unchanged and nothing added after it that a signature would not
        allow; see apps.documents.signatures) or "broken"."""
        if not self.signatures:
            return "none"
        ok = all(s.get("intact") and s.get("covers_whole_document") for s in self.signatures)
        return "intact" if ok else "broken"


class ApplicationNote(Created):
    """An organiser's internal note on an application; never shown to the applicant."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    author_label = models.CharField(max_length=300, blank=True)
    text = models.TextField(_("notatka"), max_length=5000)

    class Meta:
        verbose_name = _("notatka wewnętrzna")
        verbose_name_plural = _("notatki wewnętrzne")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text[:50]
