"""An open call with applications in different states, so that a tester can walk the recruitment from both sides.

ORE's "Doradztwo dla JST – nabór otwarty (demo)" is dated from the day of the first seed (opened two weeks earlier,
closing ten days later) and then left alone, like the other demo editions. Its applications go through the real
services (history, documents, summary fields):

- Gromadka: submitted, all three documents received on paper (complete, in time);
- Nowogrodziec: submitted, the declaration as a PDF with an intact electronic signature, the card as a scan;
- Osiecznica: submitted, the declaration as a PDF altered after signing (the check reports it broken);
- Lwówek Śląski: withdrawn by its applicant;
- Warta Bolesławiecka: submitted by the demo applicant (wnioskodawca@demo.example), documents still to upload;
- Zgorzelec (gmina wiejska): the demo applicant's draft, half filled in, to finish and submit.

Every person is invented and marked "(demo)"; the signatures use a throw-away certificate made during the seed.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.accounts.models import Organisation, User
from apps.documents.jobs import run_document_job
from apps.documents.models import DocumentStatus, GeneratedDocument
from apps.editions import services as edition_services
from apps.editions.models import PROGRAMME_TZ, Edition
from apps.recruitment import services
from apps.recruitment.kinds import DeliveryMethod, DocumentKind, head_titles_for
from apps.recruitment.models import Application
from apps.recruitment.services import TeamRow
from apps.territory.kinds import JstKind
from apps.territory.models import LocalGovernment

from . import accounts
from .people import ensure_accounts, invented_person

CALL_NAME = "Doradztwo dla JST – nabór otwarty (demo)"
STAFF_EMAIL = "organizator@demo.example"
APPLICANT_EMAIL = "wnioskodawca@demo.example"
PAPER_ADDRESS = "Ośrodek Rozwoju Edukacji, ul. Polna 46 A, 00-644 Warszawa, z dopiskiem „Doradztwo dla JST”"


@dataclass(frozen=True)
class ApplicationSpec:
    teryt: str
    state: str  # "paper", "signed", "broken", "withdrawn", "submitted", "draft"
    own: bool = False  # filed by the demo applicant account
    motivation: str = "Chcemy uporządkować planowanie sieci szkół i współpracę z dyrektorami (demo)."
    areas: tuple[str, ...] = field(default_factory=tuple)


APPLICATIONS = (
    ApplicationSpec("0201032", "paper", areas=("Planowanie budżetowe",)),
    ApplicationSpec("0201043", "signed", areas=("Zarządzanie oświatą na poziomie organu prowadzącego",)),
    ApplicationSpec("0201052", "broken"),
    ApplicationSpec("0212033", "withdrawn"),
    ApplicationSpec("0201062", "submitted", own=True, areas=("Organizacja wsparcia uczniów szczególnie uzdolnionych",)),
    ApplicationSpec("0225072", "draft", own=True),
)


@dataclass
class Outcome:
    edition: Edition | None = None
    created: int = 0
    warnings: list[str] = field(default_factory=list)


def ensure_edition() -> tuple[Edition, bool]:
    organiser = Organisation.objects.get(slug=accounts.ORE["slug"])
    edition = Edition.objects.filter(organiser=organiser, name=CALL_NAME).first()
    if edition is not None:
        return edition, False
    staff = User.objects.get(email=STAFF_EMAIL)
    today = timezone.localdate(timezone=PROGRAMME_TZ)
    edition = edition_services.create_edition(
        organiser=organiser,
        by=staff,
        name=CALL_NAME,
        description=(
            "Edycja demonstracyjna z otwartym naborem: można założyć konto zgłaszającego, wypełnić Kartę "
            "zgłoszenia, złożyć ją i przesłać podpisane dokumenty, a jako organizator rozpatrzyć zgłoszenia. "
            "Daty są liczone od dnia załadowania danych demonstracyjnych."
        ),
        period_start=today + timedelta(days=45),
        period_end=today + timedelta(days=290),
        capacity=4,
        team_size_min=3,
        team_size_max=5,
        school_directors=Edition.SchoolDirectors.ALLOWED,
        school_directors_min=0,
        school_directors_max=2,
        onsite_visits_count=3,
        remote_advisory_months=8,
        allows_two_areas=False,
        eligible_jst_kinds=[k for k in JstKind.values if k != JstKind.VOIVODESHIP],
        workshop_group_overrides={},
        recruitment_opens_on=today - timedelta(days=14),
        recruitment_deadline=today + timedelta(days=10),
        results_date=today + timedelta(days=17),
        contact_name="Olga Organizator (demo)",
        contact_email=STAFF_EMAIL,
        contact_phone="22 000 00 00",
    )
    edition = edition_services.publish_edition(edition=edition, by=staff)
    services.update_call(
        edition=edition,
        by=staff,
        expected_version=None,
        paper_address=PAPER_ADDRESS,
        introduction="Nabór demonstracyjny: wszystkie zgłoszenia i osoby w tej edycji są przykładowe.",
    )
    return edition, True


def _team(spec: ApplicationSpec, jst: LocalGovernment) -> list[TeamRow]:
    taken: set[str] = set()
    rows = []
    for place, position in enumerate(["Naczelnik wydziału oświaty", "Zastępca wójta", "Dyrektor szkoły"]):
        person = invented_person("nabor-demo", jst.teryt, str(place), taken=taken, email_tag=jst.teryt)
        taken.add(person.full_name)
        director = place == 2
        rows.append(
            TeamRow(
                full_name=person.full_name,
                position=position,
                email=person.email,
                phone="+48 600 100 200",
                kind="school_director" if director else "official",
                school_name="Szkoła Podstawowa nr 1 (demo)" if director else "",
                is_management=place == 1,
                is_leader=place == 0,
            )
        )
    return rows


def _fill(application: Application, spec: ApplicationSpec, by: User, *, complete: bool) -> None:
    jst = application.local_government
    head = invented_person("nabor-demo-head", jst.teryt)
    services.save_section(
        application=application,
        section="jst",
        values={"address_street": "ul. Rynek 1 (demo)", "address_postal_code": "59-700", "address_city": jst.name},
        by=by,
        expected_version=None,
    )
    services.save_section(
        application=application,
        section="wladze",
        values={"head_title": head_titles_for(jst.kind)[0], "head_name": head.full_name, "signatory_is_head": True},
        by=by,
        expected_version=None,
    )
    if not complete:
        return
    services.save_section(
        application=application,
        section="kontakt",
        values={"contact_phone": "+48 75 000 00 00"},
        by=by,
        expected_version=None,
    )
    services.save_team(application=application, rows=_team(spec, jst), by=by, expected_version=None)
    areas = list(application.edition.catalogue_version.areas.filter(name__in=spec.areas))
    services.save_section(
        application=application,
        section="motywacja",
        values={"motivation": spec.motivation},
        by=by,
        expected_version=None,
        areas=areas,
    )


def _build_documents(application: Application) -> None:
    """The seed drops queued work (no e-mail to invented people), so the three PDFs are built here directly."""
    queued = GeneratedDocument.objects.filter(object_id=str(application.pk), status=DocumentStatus.QUEUED)
    for document in queued:
        run_document_job(document.pk)


def _pdf(application: Application, kind: str) -> bytes:
    document = GeneratedDocument.objects.get(
        object_id=str(application.pk), kind=services.document_job_kind(kind=kind), status=DocumentStatus.DONE
    )
    with document.file.open("rb") as handle:
        return handle.read()


def _upload(application: Application, kind: str, method: str, data: bytes, by: User) -> None:
    upload = SimpleUploadedFile(f"{kind}.pdf", data, content_type="application/pdf")
    services.upload_document(application=application, kind=kind, method=method, uploaded_file=upload, by=by)


def _deliver(application: Application, spec: ApplicationSpec, applicant: User, staff: User) -> None:
    from apps.documents.testing import make_signed_pdf

    if spec.state == "paper":
        received = max(application.edition.recruitment_opens_on, timezone.localdate(timezone=PROGRAMME_TZ))
        for kind in DocumentKind.values:
            services.record_receipt(
                application=application, kind=kind, received_on=received, by=staff, note="Poczta (demo)"
            )
    elif spec.state == "signed":
        signed = make_signed_pdf(_pdf(application, DocumentKind.DECLARATION), "Wójt Gminy (demo)")
        _upload(application, DocumentKind.DECLARATION, DeliveryMethod.SIGNED_PDF, signed, applicant)
        _upload(application, DocumentKind.CARD, DeliveryMethod.SCAN, _pdf(application, DocumentKind.CARD), applicant)
    elif spec.state == "broken":
        signed = make_signed_pdf(_pdf(application, DocumentKind.DECLARATION), "Burmistrz (demo)")
        # One byte of the signed range changed: what a document edited after signing looks like to the check.
        altered = signed[:7] + (b"6" if signed[7:8] != b"6" else b"5") + signed[8:]
        _upload(application, DocumentKind.DECLARATION, DeliveryMethod.SIGNED_PDF, altered, applicant)


def seed() -> Outcome:
    outcome = Outcome()
    edition, created = ensure_edition()
    outcome.edition = edition
    if not created and Application.objects.filter(edition=edition).exists():
        return outcome  # seeded before: an organiser or a tester may have changed things since
    register = LocalGovernment.objects.in_bulk([spec.teryt for spec in APPLICATIONS], field_name="teryt")
    staff = User.objects.get(email=STAFF_EMAIL)
    own = User.objects.get(email=APPLICANT_EMAIL)
    for spec in APPLICATIONS:
        jst = register.get(spec.teryt)
        if jst is None:
            outcome.warnings.append(f"brak JST o kodzie TERYT {spec.teryt} w rejestrze; pominięto")
            continue
        if spec.own:
            applicant = own
        else:
            person = invented_person("nabor-demo-applicant", spec.teryt, email_tag=spec.teryt)
            applicant = ensure_accounts([person])[person.email]
        application = services.start_application(edition=edition, local_government=jst, by=applicant)
        _fill(application, spec, applicant, complete=spec.state != "draft")
        if spec.state != "draft":
            services.submit_application(application=application, by=applicant)
            _build_documents(application)
            _deliver(application, spec, applicant, staff)
        if spec.state == "withdrawn":
            services.withdraw_application(application=application, by=applicant)
        outcome.created += 1
    return outcome
