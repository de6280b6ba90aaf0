"""Checking the electronic signatures inside a PDF (qualified signature, podpis zaufany, any PAdES/CMS signature).

For each signature we report whether the signed bytes are unchanged and the signature is cryptographically valid
(``intact``), whether anything was added to the document after signing beyond what a later signature or form
filling may add (``covers_whole_document``), and whether the signer's certificate chains to a certificate in
``settings.SIGNATURE_TRUST_ROOTS`` (``trusted``; ``None`` when no trust list is configured).

Not a PDF at all (garbage, a lying upload): ``UploadRejected`` with the same Polish message the upload check
gives. A PDF whose signature data is damaged: a report with ``intact=False`` that says so. Nothing else is
raised. See docs/decisions/0004-documents.md.
"""

import asyncio
import concurrent.futures
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from asn1crypto import pem, x509
from django.conf import settings
from django.utils.translation import gettext as _

from .uploads import UploadRejected, check_pdf_bytes

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer_name: str
    signer_subject: str
    issuer: str
    signed_at: datetime | None
    intact: bool
    covers_whole_document: bool
    trusted: bool | None
    summary: str

    @property
    def acceptable(self) -> bool:
        """Intact, nothing added after signing, and not known to be untrusted."""
        return self.intact and self.covers_whole_document and self.trusted is not False


def run_coroutine(coroutine):
    """Run a coroutine to completion from synchronous code, also where an event loop is already running in this
    thread (playwright's sync API in browser tests keeps one): then it runs in a short-lived thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


_trust_cache: dict[tuple[str, float], list] = {}


def trust_roots() -> list | None:
    """The trusted certificates from the PEM bundle at ``settings.SIGNATURE_TRUST_ROOTS``; ``None`` if unset."""
    path = settings.SIGNATURE_TRUST_ROOTS
    if not path:
        return None
    key = (str(path), os.path.getmtime(path))
    if key not in _trust_cache:
        with open(path, "rb") as handle:
            data = handle.read()
        certificates = [x509.Certificate.load(der) for _type, _headers, der in pem.unarmor(data, multiple=True)]
        if not certificates:
            raise ValueError(f"SIGNATURE_TRUST_ROOTS ({path}) holds no PEM certificates.")
        _trust_cache.clear()
        _trust_cache[key] = certificates
    return _trust_cache[key]


def _validation_context(roots):
    from pyhanko_certvalidator import ValidationContext

    # An explicit (possibly empty) list: never the operating system's TLS roots, which say nothing about signers.
    return ValidationContext(
        trust_roots=roots or [],
        allow_fetching=bool(roots) and settings.SIGNATURE_ALLOW_FETCHING,
        revocation_mode="soft-fail",
    )


def _name_parts(name) -> tuple[str, str]:
    """(common name or the whole name, the whole name) of an asn1crypto Name."""
    whole = name.human_friendly
    common = name.native.get("common_name") if isinstance(name.native, dict) else None
    if isinstance(common, list):
        common = " ".join(common)
    return (common or whole), whole


def _covers_whole_document(status) -> bool:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    if status.coverage != SignatureCoverageLevel.ENTIRE_REVISION:
        return False
    # Later revisions that only add signatures, timestamps, validation data or fill in form fields are what a
    # multi-signature document looks like; anything more (new pages, changed content) is not.
    level = status.modification_level
    return level is not None and level <= ModificationLevel.FORM_FILLING and status.docmdp_ok is not False


def _summary(*, intact: bool, covers: bool, trusted: bool | None, signer: str) -> str:
    if trusted is None:
        trust = _("certyfikat niezweryfikowany z listą zaufanych wystawców")
    elif trusted:
        trust = _("certyfikat zweryfikowany z listą zaufanych wystawców")
    else:
        trust = _("certyfikat nie pochodzi od zaufanego wystawcy")
    if not intact:
        return _(
            "Podpis naruszony: dokument zmieniono po podpisaniu albo podpis jest nieprawidłowy; podpis złożył(a): "
            "%(signer)s (%(trust)s)."
        ) % {"signer": signer, "trust": trust}
    if not covers:
        return _(
            "Podpis nienaruszony, ale po podpisaniu do dokumentu dodano zmiany, których podpis nie obejmuje; "
            "podpisał(a): %(signer)s (%(trust)s)."
        ) % {"signer": signer, "trust": trust}
    return _("Podpis nienaruszony; podpisał(a): %(signer)s (%(trust)s).") % {"signer": signer, "trust": trust}


def _unreadable(field_name: str, roots, *, signer: tuple[str, str, str] | None = None) -> SignatureReport:
    unknown = _("nieznany (nie udało się odczytać danych podpisu)")
    signer_name, signer_subject, issuer = signer or (unknown, unknown, unknown)
    return SignatureReport(
        field_name=field_name,
        signer_name=signer_name,
        signer_subject=signer_subject,
        issuer=issuer,
        signed_at=None,
        intact=False,
        covers_whole_document=False,
        trusted=None if roots is None else False,
        summary=_("Nie udało się sprawdzić podpisu: dane podpisu są uszkodzone lub w nieobsługiwanym formacie."),
    )


def _report(embedded, roots) -> SignatureReport:
    from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature

    field_name = str(embedded.field_name or "")
    try:
        certificate = embedded.signer_cert
        signer_name, signer_subject = _name_parts(certificate.subject)
        issuer = certificate.issuer.human_friendly
    except Exception:
        logger.warning("Unreadable signer certificate in field %s", field_name, exc_info=True)
        return _unreadable(field_name, roots)
    try:
        status = run_coroutine(async_validate_pdf_signature(embedded, _validation_context(roots)))
    except Exception:
        # Damaged CMS data, an unsupported signature type, a digest that cannot be computed: not intact.
        logger.warning("PDF signature in field %s could not be validated", field_name, exc_info=True)
        return _unreadable(field_name, roots, signer=(signer_name, signer_subject, issuer))
    intact = bool(status.intact and status.valid)
    covers = intact and _covers_whole_document(status)
    trusted = None if roots is None else bool(status.trusted)
    timestamp = status.timestamp_validity
    signed_at = (
        timestamp.timestamp
        if timestamp is not None and timestamp.intact and timestamp.valid
        else status.signer_reported_dt
    )
    return SignatureReport(
        field_name=field_name,
        signer_name=signer_name,
        signer_subject=signer_subject,
        issuer=issuer,
        signed_at=signed_at,
        intact=intact,
        covers_whole_document=covers,
        trusted=trusted,
        summary=_summary(intact=intact, covers=covers, trusted=trusted, signer=signer_name),
    )


def inspect_pdf_signatures(data: bytes) -> list[SignatureReport]:
    """One report per signature in the PDF, in document order; ``[]`` for an unsigned PDF.

    Raises ``UploadRejected`` if ``data`` is not a readable PDF; never anything else.
    """
    check_pdf_bytes(data)
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        fields = list(enumerate_sig_fields(reader, filled_status=True))
    except Exception as error:
        logger.warning("pyHanko could not read a PDF that pypdf accepted", exc_info=True)
        raise UploadRejected(
            _("Nie udało się odczytać pliku PDF: plik jest uszkodzony lub niekompletny."), code="unreadable"
        ) from error
    roots = trust_roots()
    # Field by field (not reader.embedded_signatures), so one damaged signature spoils only its own report.
    readable, damaged = [], []
    for field_name, signature_object, signature_field in fields:
        try:
            if signature_object.get_object().get("/Type", "/Sig") == "/DocTimeStamp":
                continue  # a document timestamp is not a signer
            embedded = EmbeddedPdfSignature(reader, signature_field, field_name)
            readable.append((embedded.signed_revision, embedded))
        except Exception:
            logger.warning("Unreadable signature in field %s", field_name, exc_info=True)
            damaged.append(_unreadable(str(field_name), roots))
    readable.sort(key=lambda pair: pair[0])
    return [_report(embedded, roots) for _revision, embedded in readable] + damaged
