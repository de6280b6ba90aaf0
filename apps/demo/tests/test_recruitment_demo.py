"""The demo's open call: applications in every state the desk shows, built through the services; a second run
changes nothing. The JSTs are created with their real TERYT codes instead of loading the whole register."""

import pytest
from django.utils import timezone

from apps.catalog.services import ensure_initial_catalog
from apps.demo import accounts, recruitment
from apps.demo.quiet import no_outgoing_mail
from apps.editions.models import PROGRAMME_TZ
from apps.recruitment.completeness import call_is_open
from apps.recruitment.models import Application
from apps.territory.factories import LocalGovernmentFactory, PowiatFactory, VoivodeshipFactory
from apps.territory.kinds import JstKind

pytestmark = pytest.mark.django_db

KINDS = {"2": JstKind.RURAL_GMINA, "3": JstKind.URBAN_RURAL_GMINA}


def test_the_open_call_has_applications_in_every_state(mailoutbox):
    ensure_initial_catalog()
    accounts.seed()
    dolnoslaskie = VoivodeshipFactory(code="02")
    for spec in recruitment.APPLICATIONS:
        powiat = PowiatFactory(voivodeship=dolnoslaskie, code=spec.teryt[:4])
        LocalGovernmentFactory(teryt=spec.teryt, kind=KINDS[spec.teryt[-1]], voivodeship=dolnoslaskie, powiat=powiat)

    with no_outgoing_mail():
        outcome = recruitment.seed()
        again = recruitment.seed()

    edition = outcome.edition
    assert outcome.created == 6 and not outcome.warnings
    assert again.created == 0 and again.edition == edition
    assert call_is_open(edition) and edition.recruitment_opens_on < timezone.localdate(timezone=PROGRAMME_TZ)
    applications = {a.local_government.teryt: a for a in Application.objects.filter(edition=edition)}
    states = {teryt: a.status for teryt, a in applications.items()}
    assert states == {
        "0201032": "submitted",
        "0201043": "submitted",
        "0201052": "submitted",
        "0212033": "withdrawn",
        "0201062": "submitted",
        "0225072": "draft",
    }
    assert applications["0201032"].documents_complete and not applications["0201032"].has_late_documents
    signatures = {
        teryt: [r.signature_state for r in a.receipts.all() if r.method == "signed_pdf"]
        for teryt, a in applications.items()
    }
    assert signatures["0201043"] == ["intact"] and signatures["0201052"] == ["broken"]
    own = {a.local_government.teryt for a in Application.objects.filter(applicant__email=recruitment.APPLICANT_EMAIL)}
    assert own == {"0201062", "0225072"}
    for application in applications.values():
        people = [application.applicant.full_name, *application.team.values_list("full_name", flat=True)]
        assert all(name.endswith("(demo)") for name in people), people
    assert mailoutbox == []  # nothing went out to invented people
