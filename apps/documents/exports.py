"""CSV and XLSX exports as Polish offices open them.

CSV: ``;``-separated, UTF-8 with a BOM (so Excel detects the encoding), CRLF line ends, dates DD.MM.YYYY,
date-times DD.MM.YYYY HH:MM in Europe/Warsaw, booleans tak/nie, decimals with a comma, empty for None; text that a
spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe.
XLSX: a bold, frozen header row with an autofilter; real dates and date-times with Polish formats.
"""

import csv
import io
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Literal
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils.encoding import force_str
from django.utils.functional import Promise
from django.utils.http import content_disposition_header

# A rule of the programme (the dates people read), not of the server: see docs/decisions/0003.
WARSAW = ZoneInfo("Europe/Warsaw")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A phone number as the platform stores it after validation (E.164: "+48123456789"): a plus and digits cannot
# call a function, so it is written as it is, not with the apostrophe that neutralises formulas.
E164_PHONE = re.compile(r"\+\d{6,15}")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"


def _local(value: datetime) -> datetime:
    return value.astimezone(WARSAW) if value.tzinfo is not None else value


def _decimal_text(value) -> str:
    text = format(value, "f") if isinstance(value, Decimal) else repr(value)
    return text.replace(".", ",")


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, datetime):
        return _local(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, int):
        return str(value)  # numbers are never formulas, negative ones included
    if isinstance(value, (Decimal, float)):
        return _decimal_text(value)
    text = force_str(value)
    if text.startswith(FORMULA_TRIGGERS) and not E164_PHONE.fullmatch(text):
        return "'" + text
    return text


def build_csv(headers: list[str], rows: Iterable[Iterable]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in headers])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def _sheet_title(title: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\ and not empty.
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", force_str(title)).strip()[:31].strip()
    return cleaned or "Arkusz1"


def _xlsx_value(value):
    """(value, number_format or None) for one cell."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return ("tak" if value else "nie"), None
    if isinstance(value, datetime):
        return _local(value).replace(tzinfo=None), DATETIME_FORMAT  # Excel has no time zones
    if isinstance(value, date):
        return value, DATE_FORMAT
    if isinstance(value, (int, float, Decimal)):
        return value, None
    if isinstance(value, Promise):
        value = force_str(value)
    return force_str(value), None


def _display_width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return max((len(line) for line in force_str(value).splitlines()), default=0)


def build_xlsx(
    sheet_title: str, headers: list[str], rows: Iterable[Iterable], *, column_widths: list[int] | None = None
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    headers = [force_str(h) for h in headers]
    rows = [list(row) for row in rows]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(sheet_title))
    if column_widths is None:
        # Wide enough for the longest value, within reason (long texts wrap in Excel anyway).
        column_widths = [
            min(60, max(8, _display_width(header) + 2, *(_display_width(r[i]) + 2 for r in rows if i < len(r))))
            for i, header in enumerate(headers)
        ]
    for index, width in enumerate(column_widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    last_column = get_column_letter(max(1, len(headers)))
    sheet.auto_filter.ref = f"A1:{last_column}{len(rows) + 1}"

    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells = []
        for raw in row:
            value, number_format = _xlsx_value(raw)
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula (openpyxl would store "=..." as one)
            if number_format:
                cell.number_format = number_format
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def export_response(*, data: bytes, filename: str, kind: Literal["csv", "xlsx"]) -> HttpResponse:
    if kind not in CONTENT_TYPES:
        raise ValueError(f"Unknown export kind {kind!r}")
    if not filename.lower().endswith("." + kind):
        filename = f"{filename}.{kind}"
    response = HttpResponse(data, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response
