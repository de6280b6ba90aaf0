"""Reading and validating a GUS TERC file, before anything is written.

The file is the official list of territorial units: ``WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA``, ``;``-separated,
UTF-8 with or without a BOM, CRLF or LF line ends. A gmina's code is WOJ+POW+GMI+RODZ, a powiat's WOJ+POW;
POW >= 61 is a city with powiat rights. RODZ 1, 2 and 3 are gminy (self-governments); 4 and 5 (town and rural
part of an urban-rural gmina), 8 (Warsaw district) and 9 (delegatura) are parts of a gmina, not JSTs.
"""

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from .kinds import JstKind

COLUMNS = ("WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA")
GMINA_RODZ = {"1", "2", "3"}
PART_RODZ = {"4", "5", "8", "9"}
FIRST_CITY_POW = 61
MAX_REPORTED_PROBLEMS = 20

_TWO_DIGITS = re.compile(r"\d{2}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_KIND_OF_RODZ = {"1": JstKind.URBAN_GMINA, "2": JstKind.RURAL_GMINA, "3": JstKind.URBAN_RURAL_GMINA}


@dataclass(frozen=True)
class Problem:
    line: int | None
    reason: str

    def __str__(self):
        return f"wiersz {self.line}: {self.reason}" if self.line else self.reason


class TercFileError(Exception):
    """The file cannot be imported; ``problems`` say where (line number) and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = [str(problem) for problem in problems[:MAX_REPORTED_PROBLEMS]]
        if len(problems) > MAX_REPORTED_PROBLEMS:
            shown.append(f"… i {len(problems) - MAX_REPORTED_PROBLEMS} kolejnych błędów")
        super().__init__("\n".join(shown))


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    rodz: str
    as_of: date
    line: int


@dataclass
class Register:
    """The units of one file by code: voivodeships (2 digits), powiats (4) and gminy that are JSTs (7)."""

    voivodeships: dict[str, Unit] = field(default_factory=dict)
    powiats: dict[str, Unit] = field(default_factory=dict)
    gminy: dict[str, Unit] = field(default_factory=dict)

    @property
    def as_of(self) -> date:
        units = [*self.voivodeships.values(), *self.powiats.values(), *self.gminy.values()]
        return max(unit.as_of for unit in units)


@dataclass(frozen=True)
class JstRecord:
    kind: str
    teryt: str
    name: str
    voivodeship_code: str
    powiat_code: str | None


def is_city_powiat(powiat_code: str) -> bool:
    return int(powiat_code[2:4]) >= FIRST_CITY_POW


def decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TercFileError(
            [
                Problem(
                    line,
                    f"plik nie jest zapisany w UTF-8 (bajt 0x{data[error.start]:02x}); zapisz go jako UTF-8 "
                    "(pliki w kodowaniu Windows-1250 trzeba najpierw przekodować)",
                )
            ]
        )


def parse(data: bytes) -> Register:
    """The register in ``data``, or TercFileError listing every problem found (line number and reason)."""
    # GUS does not quote fields; QUOTE_NONE keeps a stray quote mark from swallowing the lines after it.
    reader = csv.reader(io.StringIO(decode(data), newline=""), delimiter=";", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or tuple(cell.strip() for cell in header) != COLUMNS:
        found = ";".join(header) if header else "pusty plik"
        raise TercFileError([Problem(1, f"nagłówek powinien mieć kolumny {';'.join(COLUMNS)}, a jest: {found}")])

    register, problems, seen_codes = Register(), [], {}
    parts: list[Unit] = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            problems.append(
                Problem(line, f"oczekiwano {len(COLUMNS)} kolumn rozdzielonych średnikiem, jest {len(row)}")
            )
            continue
        woj, pow_, gmi, rodz, name, _extra, stan_na = (cell.strip() for cell in row)
        reason = _row_problem(woj, pow_, gmi, rodz, name, stan_na)
        if reason:
            problems.append(Problem(line, reason))
            continue
        code = woj + pow_ + gmi + rodz
        if code in seen_codes:
            problems.append(Problem(line, f"kod {code} powtarza się (pierwszy raz w wierszu {seen_codes[code]})"))
            continue
        seen_codes[code] = line
        unit = Unit(code=code, name=name, rodz=rodz, as_of=date.fromisoformat(stan_na), line=line)
        if not pow_:
            register.voivodeships[code] = unit
        elif not gmi:
            register.powiats[code] = unit
        elif rodz in GMINA_RODZ:
            register.gminy[code] = unit
        else:
            parts.append(unit)
    if not problems:
        problems = _structure_problems(register, parts)
    if problems:
        raise TercFileError(problems)
    return register


def _row_problem(woj: str, pow_: str, gmi: str, rodz: str, name: str, stan_na: str) -> str:
    if not _TWO_DIGITS.fullmatch(woj):
        return f"kod województwa (WOJ) „{woj}” powinien mieć dwie cyfry"
    for column, value in (("POW", pow_), ("GMI", gmi)):
        if value and (not _TWO_DIGITS.fullmatch(value) or value == "00"):
            return f"kod {column} „{value}” powinien mieć dwie cyfry (01–99) albo być pusty"
    if rodz and rodz not in GMINA_RODZ | PART_RODZ:
        return f"nieznany rodzaj gminy (RODZ) „{rodz}”; dozwolone: 1, 2, 3, 4, 5, 8, 9"
    if gmi and not pow_:
        return "gmina (GMI) bez powiatu (POW)"
    if gmi and not rodz:
        return "gmina (GMI) bez rodzaju (RODZ)"
    if rodz and not gmi:
        return "rodzaj gminy (RODZ) bez kodu gminy (GMI)"
    if not name:
        return "brak nazwy (NAZWA)"
    if not _ISO_DATE.fullmatch(stan_na):
        return f"data STAN_NA „{stan_na}” powinna mieć postać RRRR-MM-DD"
    try:
        date.fromisoformat(stan_na)
    except ValueError:
        return f"data STAN_NA „{stan_na}” nie istnieje"
    return ""


def _structure_problems(register: Register, parts: list[Unit]) -> list[Problem]:
    """Every unit's parent is in the file and every voivodeship and land powiat has units (a file cut short
    would otherwise deactivate what it lost); one gmina per WOJ+POW+GMI; a city powiat is one urban gmina."""
    if not register.voivodeships:
        return [Problem(None, "plik nie zawiera żadnego województwa")]
    problems = []
    gminy_of_powiat: dict[str, list[Unit]] = {code: [] for code in register.powiats}
    for unit in register.powiats.values():
        if unit.code[:2] not in register.voivodeships:
            problems.append(Problem(unit.line, f"powiat {unit.code}: brak województwa {unit.code[:2]} w pliku"))
    for unit in parts:
        if unit.code[:4] not in register.powiats:
            problems.append(Problem(unit.line, f"jednostka {unit.code}: brak powiatu {unit.code[:4]} w pliku"))
    gmina_of_place: dict[str, Unit] = {}
    for unit in register.gminy.values():
        if unit.code[:4] not in register.powiats:
            problems.append(Problem(unit.line, f"jednostka {unit.code}: brak powiatu {unit.code[:4]} w pliku"))
            continue
        gminy_of_powiat[unit.code[:4]].append(unit)
        place = unit.code[:6]
        if place in gmina_of_place:
            problems.append(
                Problem(
                    unit.line,
                    f"gmina {place} występuje dwa razy, z różnym RODZ (także w wierszu {gmina_of_place[place].line})",
                )
            )
        gmina_of_place[place] = unit
    for code, unit in register.voivodeships.items():
        if not any(powiat.startswith(code) for powiat in register.powiats):
            problems.append(Problem(unit.line, f"województwo {code} nie ma w pliku żadnego powiatu"))
    for code, gminy in gminy_of_powiat.items():
        line = register.powiats[code].line
        if is_city_powiat(code) and [gmina.rodz for gmina in gminy] != ["1"]:
            problems.append(
                Problem(line, f"miasto na prawach powiatu {code} powinno mieć dokładnie jedną gminę, miejską (RODZ 1)")
            )
        elif not gminy:
            problems.append(Problem(line, f"powiat {code} nie ma w pliku żadnej gminy"))
    return sorted(problems, key=lambda problem: problem.line or 0)


def local_governments(register: Register) -> list[JstRecord]:
    """The JSTs in the register: a city with powiat rights is one JST, keyed by its gmina's code."""
    records = [
        JstRecord(JstKind.VOIVODESHIP, code, unit.name.lower(), code, None)
        for code, unit in register.voivodeships.items()
    ]
    records += [
        JstRecord(JstKind.POWIAT, code, unit.name, code[:2], code)
        for code, unit in register.powiats.items()
        if not is_city_powiat(code)
    ]
    for code, unit in register.gminy.items():
        kind = JstKind.CITY_WITH_POWIAT_RIGHTS if is_city_powiat(code[:4]) else _KIND_OF_RODZ[unit.rodz]
        records.append(JstRecord(kind, code, unit.name, code[:2], code[:4]))
    return records
