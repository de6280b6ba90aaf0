"""Test helpers other apps reuse: PDFs signed with a throw-away certificate, and a small document builder.

Real qualified certificates and podpis zaufany cannot be had in tests; the signing here is real PAdES signing
(pyHanko) with a self-signed certificate made on the spot, so the checking code runs its real path.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from .signatures import run_coroutine


@dataclass(frozen=True)
class SigningIdentity:
    certificate_pem: bytes
    certificate_der: bytes
    private_key: ec.EllipticCurvePrivateKey


def make_signing_identity(signer_name: str) -> SigningIdentity:
    """A self-signed certificate for ``signer_name`` (its CN) with a fresh P-256 key, valid from yesterday."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "PL"),
            x509.NameAttribute(NameOID.COMMON_NAME, signer_name),
        ]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return SigningIdentity(
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM),
        certificate_der=certificate.public_bytes(serialization.Encoding.DER),
        private_key=key,
    )


def sign_pdf(pdf_bytes: bytes, identity: SigningIdentity, *, field_name: str = "Podpis") -> bytes:
    from asn1crypto import keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    certificate = asn1_x509.Certificate.load(identity.certificate_der)
    key = keys.PrivateKeyInfo.load(
        identity.private_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    signer = signers.SimpleSigner(
        signing_cert=certificate, signing_key=key, cert_registry=SimpleCertificateStore.from_certs([certificate])
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    metadata = signers.PdfSignatureMetadata(field_name=field_name)
    output = run_coroutine(signers.async_sign_pdf(writer, metadata, signer=signer))
    return output.getvalue()


def make_signed_pdf(pdf_bytes: bytes, signer_name: str) -> bytes:
    """``pdf_bytes`` signed (PAdES, incremental update) by a throw-away self-signed certificate of ``signer_name``."""
    return sign_pdf(pdf_bytes, make_signing_identity(signer_name))


def make_pdf(text: str = "Dokument testowy: zażółć gęślą jaźń") -> bytes:
    """A small real PDF (WeasyPrint) with ``text`` in it."""
    from .pdf import render_pdf

    return render_pdf(
        template="documents/pdf_table.html", context={"title": text, "tables": [], "facts": [("Treść", text)]}
    )


def build_summary_pdf(target, progress):
    """A document builder (for the access matrix and tests): a one-page PDF naming its target."""
    progress(50)
    data = make_pdf(f"Podsumowanie: {target}")
    progress(90)
    return "podsumowanie.pdf", data, "application/pdf"


def exported_table(response) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a CSV export response (``;``, UTF-8 with BOM), for tests of wired list exports."""
    import csv
    import io

    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv"), response["Content-Type"]
    header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    return header, rows
