"""The public face of a programme (issue 9, item 17): the organiser's identity in the header, contact and help in the
footer, the funding marks an EU-funded edition must show (uploaded per edition, with alternative text, PNG/JPEG only,
served by a view), and status badges that differ by state."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.branding.factories import funding_mark, identity_with_logo, png_bytes
from apps.branding.models import FundingMark
from apps.core.testing import sign_in
from apps.editions.factories import EditionFactory

pytestmark = pytest.mark.django_db

ALT = "Fundusze Europejskie dla Rozwoju Społecznego, Rzeczpospolita Polska, Dofinansowane przez Unię Europejską"


@pytest.fixture
def organiser():
    return OrganisationFactory(
        slug="wcies", name="Warszawskie Centrum Innowacji Edukacyjno-Społecznych", email="jst@wcies.example"
    )


@pytest.fixture
def edition(organiser):
    return EditionFactory(organiser=organiser, slug="wcies-2026", published=True, contact_email="nabor@wcies.example")


@pytest.fixture
def staff(organiser):
    user = MembershipFactory(organisation=organiser, role=Membership.Role.STAFF, user__email="staff@wcies.example").user
    client = Client()
    sign_in(client, user)
    return client


def _header(body: str) -> str:
    return body[body.index('<header class="site-header">') : body.index("</header>")]


def _footer(body: str) -> str:
    return body[body.index('<footer class="site-footer">') :]


def _upload(name="znak.png", content=None, content_type="image/png"):
    return SimpleUploadedFile(name, png_bytes() if content is None else content, content_type=content_type)


def test_the_header_names_the_organiser_on_its_editions_pages_and_the_platform_elsewhere(client, edition, organiser):
    identity_with_logo(organiser)
    header = _header(client.get(reverse("editions:public_detail", args=[edition.slug])).content.decode())
    assert "Organizator" in header and organiser.name in header
    assert reverse("branding:logo", args=[organiser.slug]) in header
    call = _header(client.get(reverse("recruitment:call_detail", args=[edition.slug])).content.decode())
    assert organiser.name in call
    home = _header(client.get(reverse("core:home")).content.decode())
    assert organiser.name not in home and "Organizator" not in home and "Doradztwo dla JST" in home


@override_settings(PLATFORM_CONTACT_EMAIL="kontakt@ore.example", PLATFORM_CONTACT_PHONE="22 345 37 00")
def test_the_footer_gives_contact_and_help_from_data(client, edition, organiser):
    footer = _footer(client.get(reverse("recruitment:call_detail", args=[edition.slug])).content.decode())
    # The edition's own contact first: it is whom an applicant writes to.
    assert 'href="mailto:nabor@wcies.example"' in footer
    for name in ["branding:help", "core:accessibility", "core:privacy"]:
        assert f'href="{reverse(name)}"' in footer
    home = _footer(client.get(reverse("core:home")).content.decode())
    assert 'href="mailto:kontakt@ore.example"' in home and 'href="tel:223453700"' in home and "wcies" not in home


def test_the_organisers_phone_and_help_page_reach_its_footer(client, staff, edition, organiser):
    response = staff.post(
        reverse("branding:identity_edit", args=[organiser.slug]),
        {"contact_phone": "22 123 45 67", "help_url": "https://wcies.example/pomoc", "logo": _upload("logo.png")},
    )
    assert response.status_code == 302
    footer = _footer(client.get(reverse("editions:public_detail", args=[edition.slug])).content.decode())
    assert 'href="tel:221234567"' in footer and 'href="https://wcies.example/pomoc"' in footer
    logo = client.get(reverse("branding:logo", args=[organiser.slug]))
    assert logo["Content-Type"] == "image/png" and b"".join(logo.streaming_content).startswith(b"\x89PNG")


def test_organiser_uploads_a_funding_mark_shown_with_its_alternative_text(client, staff, edition):
    url = reverse("branding:edition_marks", args=[edition.slug])
    assert staff.post(url, {"image": _upload(), "alt_text": ALT}).status_code == 302
    mark = FundingMark.objects.get(edition=edition)
    src = reverse("branding:mark_image", args=[edition.slug, mark.pk])
    for page in [reverse("editions:public_detail", args=[edition.slug]),
                 reverse("recruitment:call_detail", args=[edition.slug])]:  # fmt: skip
        footer = _footer(client.get(page).content.decode())
        assert f'<img src="{src}" alt="{ALT}">' in footer, page
    # Another edition's pages do not show it.
    other = EditionFactory(organiser=edition.organiser, slug="inna", published=True)
    assert src not in client.get(reverse("editions:public_detail", args=[other.slug])).content.decode()
    image = client.get(src)
    assert image["Content-Type"] == "image/png" and image["X-Content-Type-Options"] == "nosniff"
    assert b"".join(image.streaming_content).startswith(b"\x89PNG")
    # Kept out of static files: the file is in private storage.
    assert mark.image.storage.__class__.__name__ == "PrivateStorage"


@pytest.mark.parametrize(
    ("upload", "alt", "message"),
    [
        (lambda: _upload(), "   ", "Tekst alternatywny"),
        (
            lambda: _upload(
                "znak.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"
            ),  # fmt: skip
            ALT,
            "SVG nie jest przyjmowany",
        ),
        (lambda: _upload("znak.png", b"GIF89a not really a png"), ALT, "To nie jest obraz PNG ani JPEG"),
        (lambda: _upload("znak.gif", png_bytes(fmt="GIF"), "image/gif"), ALT, "tylko obrazy PNG i JPEG"),
        (lambda: _upload("duzy.png", b"\x89PNG" + b"0" * (1024 * 1024 + 1)), ALT, "najwyżej 1 MB"),
        (lambda: _upload("szeroki.png", png_bytes(4001, 10)), ALT, "4000 × 4000"),
    ],
)
def test_uploads_are_checked_for_type_size_and_alternative_text(staff, edition, upload, alt, message):
    response = staff.post(reverse("branding:edition_marks", args=[edition.slug]), {"image": upload(), "alt_text": alt})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FundingMark.objects.exists()


def test_a_jpeg_is_accepted(staff, edition):
    upload = _upload("znak.jpg", png_bytes(fmt="JPEG"), "image/jpeg")
    staff.post(reverse("branding:edition_marks", args=[edition.slug]), {"image": upload, "alt_text": ALT})
    assert FundingMark.objects.get().content_type == "image/jpeg"


def test_removing_a_mark_deletes_its_file(staff, edition, django_capture_on_commit_callbacks):
    mark = funding_mark(edition)
    storage, name = mark.image.storage, mark.image.name
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(reverse("branding:edition_mark_delete", args=[edition.slug, mark.pk]))
    assert response.status_code == 302 and not FundingMark.objects.exists() and not storage.exists(name)


def test_a_drafts_marks_are_not_public(client, organiser):
    draft = EditionFactory(organiser=organiser, slug="szkic")
    mark = funding_mark(draft)
    assert client.get(reverse("branding:mark_image", args=[draft.slug, mark.pk])).status_code == 404


def test_the_application_pdf_carries_the_editions_marks(edition):
    from django.template.loader import render_to_string

    funding_mark(edition, alt_text=ALT)
    html = render_to_string("branding/_pdf_marks.html", {"marks": []})
    assert html.strip() == ""
    from apps.branding.templatetags.branding import funding_marks_pdf

    marks = funding_marks_pdf(edition)["marks"]
    assert marks[0][0] == ALT and marks[0][1].startswith("data:image/png;base64,iVBOR")
    from apps.engagements.factories import EngagementFactory

    body = render_to_string("engagements/pdf/diagnosis.html", {"engagement": EngagementFactory(edition=edition)})
    assert f'alt="{ALT}"' in body and "data:image/png;base64," in body


def test_status_badges_differ_by_state_and_always_carry_text():
    from apps.branding.templatetags.badges import badge

    html = badge("in_review", "w ocenie doradców")
    assert html == '<span class="badge badge-in-review">w ocenie doradców</span>'
    css = (Path(settings.BASE_DIR) / "static" / "css" / "app.css").read_text(encoding="utf-8")
    colours = {}
    for state in ["draft", "submitted", "qualified", "reserve", "rejected", "in-review", "changes-requested",
                  "approved", "area", "diagnosis", "plan", "directions", "implementation", "summary"]:  # fmt: skip
        match = re.search(rf"\.badge-{state}\b[^{{]*\{{ background: var\((--[a-z-]+)\)", css)
        assert match, state
        colours[state] = match.group(1)
    # Different states of one kind of object look different.
    stages = [colours[s] for s in ["area", "diagnosis", "plan", "directions", "implementation", "summary"]]
    assert len(set(stages)) == len(stages)
    applications = [colours[s] for s in ["draft", "submitted", "qualified", "reserve", "rejected"]]
    assert len(set(applications)) == len(applications)
    plans = [colours[s] for s in ["draft", "in-review", "changes-requested", "approved"]]
    assert len(set(plans)) == len(plans)


def test_the_applicant_sees_no_decision_colour_before_results():
    from apps.branding.templatetags.badges import applicant_badge
    from apps.recruitment.factories import ApplicationFactory

    application = ApplicationFactory(status="rejected")  # no published results: the decision is not shown yet
    html = applicant_badge(application)
    assert "badge-submitted" in html and "odrzucone" not in html and "badge-rejected" not in html


def test_the_hdr_pdf_carries_the_editions_marks(db):
    """The HDR is a document of an EU-funded edition too: its PDF (working copy and frozen versions) shows the marks."""
    from apps.plans.documents import build_plan_pdf
    from apps.plans.factories import engagement_ready_for_plan
    from apps.plans.services import create_plan

    engagement = engagement_ready_for_plan()
    plan = create_plan(engagement=engagement, by=None)
    _name, data, _type = build_plan_pdf(plan, lambda percent: None)
    import io

    from pypdf import PdfReader

    assert not [image for page in PdfReader(io.BytesIO(data)).pages for image in page.images]  # no marks: none
    funding_mark(engagement.edition, alt_text=ALT)
    _name, data, _type = build_plan_pdf(plan, lambda percent: None)
    images = [image for page in PdfReader(io.BytesIO(data)).pages for image in page.images]
    assert images, "the HDR PDF has no image: the funding mark is missing"
