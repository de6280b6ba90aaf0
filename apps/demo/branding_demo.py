"""The demo's public face: each organiser's logo and contact, and the funding marks of the EU-funded edition.

The images are drawn here (no network, and the programme's real marks are not ours to ship): plain signs with the
organiser's short name and the names the marks carry, so a person trying the demo sees where the organiser's logo
and an edition's funding marks appear, in the header, the footer and the PDFs. Their alternative text says that
they are demonstration images.
"""

import math
from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from apps.accounts.models import Organisation
from apps.branding import services
from apps.branding.models import OrganiserIdentity
from apps.editions.models import Edition

from . import accounts
from .editions import EDITIONS, staff_user

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
EU_BLUE, EU_YELLOW, WHITE = (0, 51, 153), (255, 204, 0), (255, 255, 255)

CONTACT = {
    accounts.ORE["slug"]: {"contact_phone": "+48 22 345 37 00", "help_url": ""},
    accounts.BENEFICIARY["slug"]: {"contact_phone": "+48 71 000 00 00", "help_url": ""},
}

# (edition key, the text the sign carries, its alternative text)
MARKS = {
    "ore-2022": [
        (
            ("Fundusze Europejskie", "Wiedza Edukacja Rozwój"),
            "Znak Funduszy Europejskich, program Wiedza Edukacja Rozwój (obraz demonstracyjny)",
        ),
        (
            ("Unia Europejska", "Europejski Fundusz Społeczny"),
            "Flaga Unii Europejskiej z napisem Unia Europejska, Europejski Fundusz Społeczny (obraz demonstracyjny)",
        ),
    ],
}


def _font(size: int):
    return ImageFont.truetype(str(FONT), size) if FONT.exists() else ImageFont.load_default()


def _png(image: Image.Image) -> ContentFile:
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name="znak.png")


def logo_image(short_name: str) -> ContentFile:
    image = Image.new("RGB", (160, 160), EU_BLUE)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, 151, 151), radius=18, outline=WHITE, width=5)
    draw.text((80, 80), short_name[:5], fill=WHITE, font=_font(44), anchor="mm")
    return _png(image)


def mark_image(lines: tuple[str, str]) -> ContentFile:
    image = Image.new("RGB", (420, 120), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 20, 120, 100), fill=EU_BLUE)
    for index in range(12):  # the twelve stars of the flag, as a ring of dots
        angle = 2 * math.pi * index / 12
        x, y = 65 + 28 * math.cos(angle), 60 + 28 * math.sin(angle)
        draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=EU_YELLOW)
    draw.text((135, 42), lines[0], fill=EU_BLUE, font=_font(24), anchor="lm")
    draw.text((135, 80), lines[1], fill=(40, 40, 40), font=_font(17), anchor="lm")
    return _png(image)


def seed(seeded: dict[str, tuple[Edition, bool]]) -> None:
    """Idempotent: an organiser that has a logo, an edition that has marks, is left as it is (``seeded``: the demo
    editions by key, from ``editions.seed``)."""
    for spec in EDITIONS:
        organisation = Organisation.objects.get(slug=spec.organiser_slug)
        has_logo = OrganiserIdentity.objects.filter(organisation=organisation).exclude(logo="").exists()
        if spec.organiser_slug in CONTACT and not has_logo:
            services.update_identity(
                organisation=organisation,
                by=staff_user(spec),
                logo=logo_image(organisation.short_name or organisation.name),
                **CONTACT[spec.organiser_slug],
            )
        edition = seeded[spec.key][0]
        if spec.key in MARKS and not edition.funding_marks.exists():
            for lines, alt_text in MARKS[spec.key]:
                services.add_funding_mark(
                    edition=edition, by=staff_user(spec), image=mark_image(lines), alt_text=alt_text
                )
