import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from apps.documents.exports import build_csv, build_xlsx, export_response

HEADERS = ["JST", "Data wpływu", "Złożono", "Komplet", "Uwagi", "Kwota", "Liczba"]
ROWS = [
    [
        "Gmina Żółkiewka",
        date(2026, 7, 25),
        datetime(2026, 7, 25, 21, 59, 59, tzinfo=UTC),
        True,
        None,
        Decimal("1250.50"),
        3,
    ],
    [
        '=HYPERLINK("http://zly.example")',
        date(2026, 1, 2),
        datetime(2026, 1, 2, 8, 5, tzinfo=UTC),
        False,
        "+48 123",
        None,
        -2,
    ],
    ["@SUM(A1)", None, None, None, "-1+1", 0.25, 0],
]


def parsed_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


class TestCsv:
    def test_bom_separator_and_crlf(self):
        data = build_csv(HEADERS, ROWS)
        assert data.startswith(b"\xef\xbb\xbf")
        assert data[3:].split(b"\r\n")[0] == ";".join(HEADERS).encode()
        assert data.count(b"\r\n") == 1 + len(ROWS)
        assert b"\n" not in data.replace(b"\r\n", b"")

    def test_values_are_formatted_the_polish_way(self):
        header, first, second, third = parsed_csv(build_csv(HEADERS, ROWS))
        assert header == HEADERS
        # 21:59:59 UTC on 25 July is 23:59 in Warsaw (summer time); 08:05 UTC on 2 January is 09:05 (winter).
        assert first == ["Gmina Żółkiewka", "25.07.2026", "25.07.2026 23:59", "tak", "", "1250,50", "3"]
        assert second[1:4] == ["02.01.2026", "02.01.2026 09:05", "nie"]
        assert second[6] == "-2"  # a negative number is a number, not a formula
        assert third[3] == "" and third[5] == "0,25"

    def test_formula_injection_is_neutralised(self):
        _header, first, second, third = parsed_csv(build_csv(HEADERS, ROWS))
        assert second[0] == '\'=HYPERLINK("http://zly.example")'
        assert second[4] == "'+48 123"
        assert third[0] == "'@SUM(A1)"
        assert third[4] == "'-1+1"
        assert first[0] == "Gmina Żółkiewka"  # ordinary text untouched

    def test_a_validated_phone_number_is_not_treated_as_a_formula(self):
        rows = parsed_csv(build_csv(["Telefon"], [["+48123456789"], ["+48123456789=1"], ["+4812 3"]]))
        assert rows[1] == ["+48123456789"]
        assert rows[2] == ["'+48123456789=1"]  # anything beyond a plus and digits is still neutralised
        assert rows[3] == ["'+4812 3"]

    def test_lazy_translations_and_separators_inside_values(self):
        rows = [[gettext_lazy("tak"), "a;b", 'cytat "x"', "dwie\nlinie"]]
        _header, row = parsed_csv(build_csv(["a", "b", "c", "d"], rows))
        assert row == ["tak", "a;b", 'cytat "x"', "dwie\nlinie"]

    def test_a_generator_of_rows_is_enough(self):
        data = build_csv(["n"], ([i] for i in range(3)))
        assert parsed_csv(data) == [["n"], ["0"], ["1"], ["2"]]


class TestXlsx:
    def sheet(self, data: bytes):
        return load_workbook(io.BytesIO(data)).active

    def test_header_is_bold_frozen_and_filtered(self):
        sheet = self.sheet(build_xlsx("Zgłoszenia", HEADERS, ROWS))
        assert sheet.title == "Zgłoszenia"
        assert [cell.value for cell in sheet[1]] == HEADERS
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == "A1:G4"

    def test_dates_are_real_dates_with_polish_formats(self):
        sheet = self.sheet(build_xlsx("Zgłoszenia", HEADERS, ROWS))
        received, submitted = sheet["B2"], sheet["C2"]
        assert received.is_date and received.value == datetime(2026, 7, 25)
        assert received.number_format == "DD.MM.YYYY"
        assert submitted.is_date and submitted.value == datetime(2026, 7, 25, 23, 59, 59)  # Warsaw time
        assert submitted.number_format == "DD.MM.YYYY HH:MM"
        assert sheet["D2"].value == "tak" and sheet["D3"].value == "nie"
        assert sheet["F2"].value == 1250.5 and sheet["G3"].value == -2

    def test_text_starting_with_equals_is_text_not_a_formula(self):
        sheet = self.sheet(build_xlsx("Zgłoszenia", HEADERS, ROWS))
        assert sheet["A3"].data_type == "s"
        assert sheet["A3"].value == '=HYPERLINK("http://zly.example")'

    def test_sheet_titles_are_made_valid_and_widths_applied(self):
        sheet = self.sheet(
            build_xlsx("Lista: nabór 2026/2027 [wszystkie zgłoszenia]", ["a", "b"], [[1, 2]], column_widths=[12, 40])
        )
        assert sheet.title == "Lista  nabór 2026 2027  wszystk"
        assert len(sheet.title) <= 31
        assert sheet.column_dimensions["A"].width == 12 and sheet.column_dimensions["B"].width == 40

    def test_an_empty_export_still_has_its_header(self):
        sheet = self.sheet(build_xlsx("Pusta", HEADERS, []))
        assert [cell.value for cell in sheet[1]] == HEADERS
        assert sheet.max_row == 1


@pytest.mark.parametrize(
    ("kind", "content_type"),
    [("csv", "text/csv; charset=utf-8"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")],
)
def test_export_response_is_a_download(kind, content_type):
    response = export_response(data=b"x", filename="zgłoszenia-2026", kind=kind)
    assert response["Content-Type"] == content_type
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    assert f"zg%C5%82oszenia-2026.{kind}" in disposition  # RFC 5987 for the Polish letter
    assert response.content == b"x"


def test_export_response_refuses_unknown_kinds():
    with pytest.raises(ValueError):
        export_response(data=b"x", filename="a", kind="pdf")
