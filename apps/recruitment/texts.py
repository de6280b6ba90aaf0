"""The organiser-editable texts of the three documents: defaults written from the sources, placeholders, and a
tiny safe renderer (plain text with blank-line paragraphs and "- " lists; no template language, so an organiser's
text can never run code or reach data it was not given)."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .kinds import DocumentKind

# Placeholder → what it stands for (shown to the organiser next to the editor).
PLACEHOLDERS: dict[str, str] = {
    "jst": _("nazwa JST, np. Gmina Bolesławiec (gmina wiejska)"),
    "edycja": _("nazwa edycji"),
    "organizator": _("nazwa organizatora"),
    "termin": _("termin składania zgłoszeń (dd.mm.rrrr)"),
    "kierownik": _("tytuł oraz imię i nazwisko wójta, burmistrza, prezydenta, starosty lub marszałka"),
    "podpisujacy": _("imię i nazwisko oraz stanowisko osoby upoważnionej do podpisania"),
    "zespol": _("liczba osób w zespole JST"),
}
_PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")

DEFAULT_CARD_TEXT = """Zgłaszamy {jst} do udziału w edycji „{edycja}” Modelu doradztwa dla JST, prowadzonej przez {organizator}.

Dane jednostki, jej władz, osoby do kontaktu oraz delegowanego zespołu ({zespol} os.) podajemy poniżej. Potwierdzamy, że są zgodne ze stanem faktycznym."""

DEFAULT_DECLARATION_TEXT = """{jst}, reprezentowana przez: {podpisujacy}, deklaruje współpracę z {organizator} w ramach edycji „{edycja}” oraz udział delegowanego zespołu w pełnym cyklu doradztwa, na który składa się:

- wybór obszaru wsparcia przez JST,
- diagnoza potrzeb oraz wybór priorytetów rozwojowych,
- opracowanie harmonogramu działań,
- wyznaczenie kierunków wdrożenia oraz wybór i wdrożenie narzędzi i rozwiązań zarządczych zgodnie z wypracowanym harmonogramem działań.

JST zobowiązuje się w szczególności do:

- zapewnienia udziału zespołu w spotkaniach informacyjno-konsultacyjnych (otwierającym i podsumowującym) oraz w szkoleniach warsztatowych,
- współpracy z parą doradców podczas spotkań doradczych w siedzibie JST i w ramach doradztwa zdalnego,
- pokrycia kosztów dojazdu swoich przedstawicieli na spotkania i szkolenia stacjonarne (jedyne koszty ponoszone przez JST),
- przekazania organizatorowi po zakończeniu doradztwa podsumowania przebiegu procesu i osiągniętych rezultatów w formie opisu dobrej praktyki samorządowej, studium refleksji albo minireportażu z wywiadem."""

DEFAULT_STATEMENTS_TEXT = """Ja, niżej podpisany(-a) {podpisujacy}, działając w imieniu {jst}, oświadczam, że:

- osoby wskazane w Karcie zgłoszenia JST są pracownikami {jst} albo dyrektorami szkół lub placówek, dla których {jst} jest organem prowadzącym, i zostały oddelegowane do udziału w doradztwie;
- osoby te zostały poinformowane o przetwarzaniu ich danych osobowych przez {organizator} w celu realizacji i monitorowania doradztwa (art. 13 i 14 RODO), w tym o przekazywaniu danych uczestników do systemu monitorowania projektów współfinansowanych ze środków Unii Europejskiej;
- {jst} wyraża zgodę na upowszechnianie i udostępnianie materiałów wypracowanych w ramach doradztwa (np. diagnoz, harmonogramów działań i opisów dobrych praktyk) w celach szkoleniowych, informacyjnych i promocyjnych;
- dane podane w Karcie zgłoszenia są zgodne ze stanem faktycznym."""

DEFAULT_TEXTS = {
    DocumentKind.CARD: DEFAULT_CARD_TEXT,
    DocumentKind.DECLARATION: DEFAULT_DECLARATION_TEXT,
    DocumentKind.STATEMENTS: DEFAULT_STATEMENTS_TEXT,
}


def default_card_text() -> str:
    return DEFAULT_CARD_TEXT


def default_declaration_text() -> str:
    return DEFAULT_DECLARATION_TEXT


def default_statements_text() -> str:
    return DEFAULT_STATEMENTS_TEXT


def unknown_placeholders(text: str) -> list[str]:
    return sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def fill(text: str, values: dict[str, str]) -> str:
    """Replace known placeholders; anything else in braces stays as typed."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


@dataclass(frozen=True)
class Block:
    kind: str  # "p" or "ul"
    lines: list[str]


def blocks(text: str) -> list[Block]:
    """Paragraphs separated by blank lines; a paragraph whose lines all start with "- " is a list."""
    result = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            result.append(Block("ul", [line[2:].strip() for line in lines]))
        else:
            result.append(Block("p", [" ".join(lines)]))
    return result
