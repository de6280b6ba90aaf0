"""The SM EFS exports: "Uczestnicy projektu" (one row per participant) and the supported institutions.

The format the central system's import takes: ``;``-separated, UTF-8, CRLF, dates ``DD.MM.YYYY``, yes/no as
``Tak``/``Nie``, several values in one cell joined by ``|``, and the column headers below, in Polish whatever the
reader's language (they are the system's names, not our interface). The file itself is written by
``apps.documents.exports.build_csv`` like every export of the platform; only the cells are formatted here.
"""

from datetime import date

from django.utils import timezone, translation

from apps.core.text import ascii_slug
from apps.documents.exports import build_csv

from .models import FLAGS, Answer, Education, LabourStatus, Sex

COUNTRY = "Polska"
PARTICIPANT_KIND = "Pracownik lub przedstawiciel instytucji/podmiotu"
INSTITUTION_KIND = "Jednostka samorządu terytorialnego"
SEPARATOR = "|"

PARTICIPANT_HEADERS = [
    "Kraj",
    "Rodzaj uczestnika",
    "Nazwa instytucji",
    "Imię",
    "Nazwisko",
    "PESEL",
    "Brak PESEL",
    "Inny identyfikator",
    "Płeć",
    "Wiek w chwili przystąpienia do projektu",
    "Wykształcenie",
    "Status osoby na rynku pracy w chwili przystąpienia do projektu",
    "Data rozpoczęcia udziału w projekcie",
    "Data zakończenia udziału w projekcie",
    "Rodzaj przyznanego wsparcia",
    "Osoba z niepełnosprawnościami",
    "Osoba obcego pochodzenia",
    "Osoba z państwa trzeciego",
    "Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowane)",
    "Osoba w kryzysie bezdomności lub dotknięta wykluczeniem z dostępu do mieszkań",
]

INSTITUTION_HEADERS = [
    "Kraj",
    "Nazwa instytucji",
    "NIP",
    "REGON",
    "Typ instytucji",
    "Kod TERYT",
    "Województwo",
    "Data rozpoczęcia udziału w projekcie",
    "Data zakończenia udziału w projekcie",
    "Liczba uczestników",
]

# The system's own words, fixed in Polish (never translated with the interface).
SEX = {Sex.FEMALE: "Kobieta", Sex.MALE: "Mężczyzna"}
EDUCATION = {
    Education.ISCED_0: "Niższe niż podstawowe (ISCED 0)",
    Education.ISCED_1: "Podstawowe (ISCED 1)",
    Education.ISCED_2: "Gimnazjalne (ISCED 2)",
    Education.ISCED_3: "Ponadgimnazjalne (ISCED 3)",
    Education.ISCED_4: "Policealne (ISCED 4)",
    Education.ISCED_5_8: "Wyższe (ISCED 5-8)",
}
LABOUR = {
    LabourStatus.LOCAL_GOVERNMENT: "Osoba pracująca w administracji samorządowej",
    LabourStatus.GOVERNMENT: "Osoba pracująca w administracji rządowej",
    LabourStatus.NGO: "Osoba pracująca w organizacji pozarządowej",
    LabourStatus.SME: "Osoba pracująca w MMŚP",
    LabourStatus.LARGE: "Osoba pracująca w dużym przedsiębiorstwie",
    LabourStatus.SELF_EMPLOYED: "Osoba prowadząca działalność na własny rachunek",
    LabourStatus.OTHER_EMPLOYED: "Osoba pracująca – inne",
    LabourStatus.UNEMPLOYED: "Osoba bezrobotna",
    LabourStatus.INACTIVE: "Osoba bierna zawodowo",
}
ANSWER = {Answer.YES: "Tak", Answer.NO: "Nie", Answer.REFUSED: "Odmowa podania informacji"}


def yes_no(value: bool) -> str:
    return "Tak" if value else "Nie"


def day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _names(full_name: str) -> tuple[str, str]:
    first, _space, last = full_name.strip().partition(" ")
    return first, last


def participant_row(row) -> list[str]:
    data = row.data
    first, last = _names(row.member.full_name)
    institution = row.member.engagement.local_government.display_name
    if data is None:
        return [COUNTRY, PARTICIPANT_KIND, institution, first, last, *[""] * (len(PARTICIPANT_HEADERS) - 5)]
    return [
        COUNTRY,
        PARTICIPANT_KIND,
        institution,
        first,
        last,
        row.pesel,
        yes_no(data.no_pesel),
        data.other_identifier,
        SEX.get(data.sex, ""),
        "" if row.age is None else str(row.age),
        EDUCATION.get(data.education, ""),
        LABOUR.get(data.labour_status, ""),
        day(row.start),
        day(row.end),
        SEPARATOR.join(row.form_labels),
        *(ANSWER.get(getattr(data, name), "") for name in FLAGS),
    ]


def institution_row(row) -> list[str]:
    jst = row.engagement.local_government
    institution = row.institution
    return [
        COUNTRY,
        jst.display_name,
        institution.nip if institution else "",
        institution.regon if institution else "",
        INSTITUTION_KIND,
        jst.teryt,
        jst.voivodeship.name if jst.voivodeship_id else "",
        day(row.start),
        day(row.end),
        str(row.participants),
    ]


def participants_csv(rows) -> bytes:
    with translation.override("pl"):  # the forms of support are the catalogue's names, in Polish
        return build_csv(PARTICIPANT_HEADERS, [participant_row(row) for row in rows])


def institutions_csv(rows) -> bytes:
    return build_csv(INSTITUTION_HEADERS, (institution_row(row) for row in rows))


def filename(edition, kind: str) -> str:
    return f"sm-efs-{kind}-{ascii_slug(edition.slug)}-{timezone.localdate():%Y-%m-%d}.csv"
