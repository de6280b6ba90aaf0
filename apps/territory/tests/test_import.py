"""Loading GUS TERC files: the counts of the 2020 register, idempotence, a newer file, and malformed files."""

import pytest
from django.core.management import CommandError, call_command

from apps.audit.models import AuditEntry
from apps.territory import services
from apps.territory.kinds import JstKind
from apps.territory.models import Gmina, LocalGovernment, LocalGovernmentChange, Powiat, RegisterImport, Voivodeship
from apps.territory.teryt import TercFileError

from .conftest import TERC_2020

ORIGINAL = TERC_2020.read_bytes()
LINES = ORIGINAL.decode("utf-8").rstrip("\r\n").split("\r\n")


GROMADKA = "02;01;03;2;Gromadka;gmina wiejska;2020-01-01"  # line 6


def terc(lines: list[str]) -> bytes:
    return "".join(line + "\r\n" for line in lines).encode("utf-8")


def replaced(old: str, new: str) -> list[str]:
    assert LINES.count(old) == 1, old
    return [new if line == old else line for line in LINES]


def register_state():
    """Every row of every table the import writes, to prove that a rejected or repeated import changed nothing."""
    return (
        list(LocalGovernment.objects.order_by("pk").values_list()),
        list(Gmina.objects.order_by("pk").values_list()),
        list(Powiat.objects.order_by("pk").values_list()),
        list(Voivodeship.objects.order_by("pk").values_list()),
        LocalGovernmentChange.objects.count(),
    )


def jst(teryt: str) -> LocalGovernment:
    return LocalGovernment.objects.get(teryt=teryt)


class TestThe2020Register:
    def test_counts_come_out_of_the_file(self, register):
        active = LocalGovernment.objects.filter(is_active=True)
        counts = {kind: active.filter(kind=kind).count() for kind in JstKind}
        assert counts == {
            JstKind.URBAN_GMINA: 236,
            JstKind.CITY_WITH_POWIAT_RIGHTS: 66,
            JstKind.URBAN_RURAL_GMINA: 642,
            JstKind.RURAL_GMINA: 1533,
            JstKind.POWIAT: 314,
            JstKind.VOIVODESHIP: 16,
        }
        assert active.count() == 2807
        # The gminy by TERYT type: the 66 cities with powiat rights are among the 302 urban gminy.
        assert Gmina.objects.filter(rodz=Gmina.Type.URBAN).count() == 302
        assert Gmina.objects.filter(rodz=Gmina.Type.URBAN_RURAL).count() == 642
        assert Gmina.objects.filter(rodz=Gmina.Type.RURAL).count() == 1533
        assert Powiat.objects.filter(is_city=False).count() == 314
        assert Powiat.objects.filter(is_city=True).count() == 66
        assert Voivodeship.objects.count() == 16
        assert register.summary[JstKind.RURAL_GMINA]["created"] == 1533

    def test_parts_of_gminy_are_not_jsts(self, register):
        # 0264029 Wrocław-Fabryczna (delegatura), 1465028 Bemowo (dzielnica), 0201044/0201055 parts of a gmina.
        assert not LocalGovernment.objects.filter(teryt__in=["0264029", "1465028"]).exists()
        assert not LocalGovernment.objects.filter(teryt__regex=r"^\d{6}[4589]$").exists()

    def test_a_city_with_powiat_rights_is_one_jst_keyed_by_its_gmina(self, register):
        wroclaw = jst("0264011")
        assert wroclaw.kind == JstKind.CITY_WITH_POWIAT_RIGHTS
        assert wroclaw.powiat.code == "0264" and wroclaw.powiat.is_city
        assert not LocalGovernment.objects.filter(teryt="0264").exists()

    def test_one_audit_entry_per_import(self, register):
        assert AuditEntry.objects.filter(action="territory.register_imported").count() == 1


class TestReimport:
    def test_the_same_file_again_changes_nothing(self, register):
        before = register_state()
        second = services.load_register(data=ORIGINAL, source="again.csv")
        assert register_state() == before
        for kind in JstKind:
            assert second.summary[kind]["created"] == 0
            assert second.summary[kind]["updated"] == 0
            assert second.summary[kind]["deactivated"] == 0
        assert sum(counts["unchanged"] for counts in second.summary.values()) == 2807
        assert AuditEntry.objects.filter(action="territory.register_imported").count() == 2

    def test_bom_and_lf_line_ends_are_the_same_file(self, register):
        before = register_state()
        services.load_register(data=b"\xef\xbb\xbf" + ORIGINAL.replace(b"\r\n", b"\n"), source="bom-lf.csv")
        assert register_state() == before

    def test_command_prints_the_summary(self, register, capsys):
        call_command("load_teryt", str(TERC_2020))
        out = capsys.readouterr().out
        assert "stan na 2020-01-01" in out
        assert "gmina wiejska" in out
        assert out.splitlines()[-2].split() == ["razem", "0", "0", "0", "2807"]


class TestNewerFile:
    @pytest.fixture
    def newer(self, register):
        lines = replaced(GROMADKA, "02;01;03;2;Gromadka Nowa;gmina wiejska;2021-01-01")
        # Gmina wiejska Bolesławiec becomes urban-rural: GUS changes RODZ, so the code changes with it.
        lines = [
            "02;01;02;3;Bolesławiec;gmina miejsko-wiejska;2021-01-01" if line.startswith("02;01;02;2;") else line
            for line in lines
        ]
        lines = [line for line in lines if not line.startswith("02;01;06;2;")]  # Warta Bolesławiecka dropped
        return services.load_register(data=terc(lines), source="TERC_2021.csv")

    def test_a_renamed_gmina_is_updated_with_history(self, newer):
        gromadka = jst("0201032")
        assert gromadka.name == "Gromadka Nowa"
        assert gromadka.display_name == "Gmina Gromadka Nowa (gmina wiejska)"
        assert gromadka.search_name == "gromadka nowa"
        changes = {change.field: (change.old_value, change.new_value) for change in gromadka.changes.all()}
        assert changes["name"] == ("Gromadka", "Gromadka Nowa")
        assert gromadka.changes.first().register_import == newer

    def test_a_changed_type_keeps_the_jst_and_records_code_and_kind(self, newer):
        boleslawiec = LocalGovernment.objects.get(teryt="0201023")
        assert not LocalGovernment.objects.filter(teryt="0201022").exists()
        assert boleslawiec.kind == JstKind.URBAN_RURAL_GMINA
        assert boleslawiec.display_name == "Gmina Bolesławiec (gmina miejsko-wiejska)"
        changes = {change.field: (change.old_value, change.new_value) for change in boleslawiec.changes.all()}
        assert changes["teryt"] == ("0201022", "0201023")
        assert changes["kind"] == (JstKind.RURAL_GMINA, JstKind.URBAN_RURAL_GMINA)
        assert Gmina.objects.get(code="0201023").rodz == Gmina.Type.URBAN_RURAL

    def test_display_names_follow_the_clash_that_went_away(self, newer):
        # The other rural Bolesławiec (powiat wieruszowski) no longer needs its powiat in the name.
        other = jst("1018012")
        assert other.display_name == "Gmina Bolesławiec (gmina wiejska)"
        assert other.changes.get().field == "display_name"

    def test_a_missing_unit_is_deactivated_not_deleted(self, newer):
        warta = jst("0201062")
        assert not warta.is_active
        assert warta.valid_from.year == 2021
        assert warta.changes.get(field="is_active").new_value == "False"
        assert not Gmina.objects.get(code="0201062").is_active

    def test_summary_counts_the_changes(self, newer):
        assert newer.summary[JstKind.RURAL_GMINA] == {
            "created": 0,
            "updated": 2,  # Gromadka renamed; the other Bolesławiec's display name
            "deactivated": 1,
            "unchanged": 1529,
        }
        assert newer.summary[JstKind.URBAN_RURAL_GMINA]["updated"] == 1
        assert newer.as_of.isoformat() == "2021-01-01"

    def test_the_old_file_again_restores_and_reactivates(self, newer):
        services.load_register(data=ORIGINAL, source="TERC_2020.csv")
        assert jst("0201062").is_active
        assert jst("0201022").kind == JstKind.RURAL_GMINA
        assert jst("0201032").name == "Gromadka"
        assert LocalGovernment.objects.filter(is_active=True).count() == 2807


class TestMalformedFiles:
    CASES = {
        "wrong columns": (
            terc(["WOJ;POW;GMI;RODZ;NAZWA;STAN_NA", *LINES[1:]]),
            1,
            "nagłówek powinien mieć kolumny WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA",
        ),
        "comma separated": (ORIGINAL.replace(b";", b","), 1, "nagłówek powinien mieć kolumny"),
        "missing column in a row": (
            terc(replaced(GROMADKA, "02;01;03;2;Gromadka;2020-01-01")),
            6,
            "oczekiwano 7 kolumn rozdzielonych średnikiem, jest 6",
        ),
        "letters in a code": (
            terc(replaced(GROMADKA, "02;0A;03;2;Gromadka;gmina wiejska;2020-01-01")),
            6,
            "kod POW „0A” powinien mieć dwie cyfry",
        ),
        "code of wrong length": (
            terc(replaced(GROMADKA, "2;01;03;2;Gromadka;gmina wiejska;2020-01-01")),
            6,
            "kod województwa (WOJ) „2” powinien mieć dwie cyfry",
        ),
        "unknown RODZ": (
            terc(replaced(GROMADKA, "02;01;03;7;Gromadka;gmina wiejska;2020-01-01")),
            6,
            "nieznany rodzaj gminy (RODZ) „7”",
        ),
        "bad date": (
            terc(replaced(GROMADKA, "02;01;03;2;Gromadka;gmina wiejska;01.01.2020")),
            6,
            "data STAN_NA „01.01.2020” powinna mieć postać RRRR-MM-DD",
        ),
        "duplicate code": (terc([*LINES[:6], LINES[5]]), 7, "kod 0201032 powtarza się (pierwszy raz w wierszu 6)"),
        "gmina without its powiat": (
            terc([*LINES, "02;99;01;2;Nowa;gmina wiejska;2020-01-01"]),
            len(LINES) + 1,
            "jednostka 0299012: brak powiatu 0299 w pliku",
        ),
        "a problem on the last line": (
            terc([*LINES[:-1], "32;63;01;1;Świnoujście;gmina miejska;2020-13-01"]),
            len(LINES),
            "data STAN_NA „2020-13-01” nie istnieje",
        ),
        "a powiat without its gminy (a file cut short)": (
            terc([line for line in LINES if not line.startswith("02;01;0")]),
            3,
            "powiat 0201 nie ma w pliku żadnej gminy",
        ),
        "a city with powiat rights without its gmina": (
            terc([line for line in LINES if not line.startswith("02;61;01;1;")]),
            LINES.index("02;61;;;Jelenia Góra;miasto na prawach powiatu;2020-01-01") + 1,
            "miasto na prawach powiatu 0261 powinno mieć dokładnie jedną gminę, miejską (RODZ 1)",
        ),
        "Windows-1250 encoding": (ORIGINAL.decode("utf-8").encode("cp1250"), 2, "plik nie jest zapisany w UTF-8"),
    }

    @pytest.mark.parametrize("case", CASES)
    def test_rejected_with_line_and_reason_and_nothing_written(self, register, case):
        data, line, reason = self.CASES[case]
        before = register_state()
        with pytest.raises(TercFileError) as error:
            services.load_register(data=data, source="bad.csv")
        first = error.value.problems[0]
        assert first.line == line, error.value
        assert reason in first.reason, error.value
        assert register_state() == before
        assert RegisterImport.objects.count() == 1

    def test_a_file_of_one_voivodeship_would_deactivate_the_country_and_is_refused(self, register):
        before = register_state()
        dolnoslaskie = [line for line in LINES if line.startswith(("WOJ;", "02;"))]
        with pytest.raises(TercFileError, match="w pliku brakuje województw obecnych w rejestrze"):
            services.load_register(data=terc(dolnoslaskie), source="02.csv")
        assert register_state() == before

    def test_the_command_reports_line_and_reason(self, register, tmp_path):
        path = tmp_path / "bad.csv"
        path.write_bytes(self.CASES["unknown RODZ"][0])
        with pytest.raises(CommandError, match=r"wiersz 6: nieznany rodzaj gminy \(RODZ\) „7”"):
            call_command("load_teryt", str(path))
        with pytest.raises(CommandError, match="Nie można odczytać pliku"):
            call_command("load_teryt", str(tmp_path / "missing.csv"))
