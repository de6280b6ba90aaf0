import time

import pytest

from apps.documents.pdf import ASSET_ORIGIN, BlockedResource, StaticOnlyFetcher, pdf_page_texts, pdf_text, render_pdf

POLISH = "zażółć gęślą jaźń ZAŻÓŁĆ GĘŚLĄ JAŹŃ"
HEADERS = ["Lp.", "Działanie", "Odpowiedzialny", "Termin"]


def table_context(rows: int) -> dict:
    return {
        "title": f"Harmonogram: {POLISH}",
        "facts": [("JST", "Gmina Żółkiewka")],
        "tables": [
            {
                "caption": "Działania",
                "headers": HEADERS,
                "numeric": [0],
                "rows": [
                    (
                        i,
                        f"Działanie {i}: szkolenie dyrektorów szkół z zarządzania oświatą",
                        "Wydział Oświaty",
                        "03.2027",
                    )
                    for i in range(1, rows + 1)
                ],
            }
        ],
    }


def test_polish_text_survives_rendering_and_extraction():
    data = render_pdf(template="documents/pdf_table.html", context=table_context(1))
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert POLISH in text
    assert "Gmina Żółkiewka" in text


def test_every_page_is_numbered_and_has_the_running_header():
    pages = pdf_page_texts(render_pdf(template="documents/pdf_table.html", context=table_context(40)))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"strona {number} z {len(pages)}" in page
        assert f"Harmonogram: {POLISH}" in page  # the title runs in the header of every page


def test_a_long_table_repeats_its_header_row_on_every_page():
    pages = pdf_page_texts(render_pdf(template="documents/pdf_table.html", context=table_context(40)))
    assert len(pages) >= 2, "40 rows must not fit on one A4 page"
    header_line = " ".join(HEADERS)
    for page in pages:
        assert header_line in page
    # Every row is there exactly once (no row lost or duplicated at a page break).
    everything = "\n".join(pages)
    for i in range(1, 41):
        assert everything.count(f"Działanie {i}: szkolenie") == 1


def test_rendering_time_of_a_40_row_table_is_reported():
    started = time.perf_counter()
    render_pdf(template="documents/pdf_table.html", context=table_context(40))
    elapsed_ms = (time.perf_counter() - started) * 1000
    print(f"\n40-row table PDF rendered in {elapsed_ms:.0f} ms")
    assert elapsed_ms < 5000  # a generous bound: the HDR issue asks for 40 actions under 2 s on this machine


class TestStaticOnlyFetcher:
    def test_serves_our_stylesheet(self):
        response = StaticOnlyFetcher().fetch(f"{ASSET_ORIGIN}/static/css/print-pdf.css")
        assert response.content_type == "text/css"
        assert b"@page" in response.read()

    @pytest.mark.parametrize(
        "url",
        [
            "https://example.org/style.css",
            "http://127.0.0.1:8000/static/css/app.css",
            "file:///etc/passwd",
            f"{ASSET_ORIGIN}/static/../../config/settings/base.py",
            f"{ASSET_ORIGIN}/static/%2e%2e/%2e%2e/etc/passwd",
            f"{ASSET_ORIGIN}/media/private/x.pdf",
            f"{ASSET_ORIGIN}/static/css/no-such-file.css",
        ],
    )
    def test_refuses_everything_else(self, url):
        with pytest.raises(BlockedResource):
            StaticOnlyFetcher().fetch(url)

    def test_a_template_pointing_at_the_network_still_renders_without_fetching(self, monkeypatch):
        fetched = []
        original = StaticOnlyFetcher.fetch

        def spy(self, url, headers=None):
            fetched.append(url)
            return original(self, url, headers)

        monkeypatch.setattr(StaticOnlyFetcher, "fetch", spy)
        data = render_pdf(template="documents/tests/remote_image.html", context={"title": "Obraz z sieci"})
        assert "Obraz z sieci" in pdf_text(data)
        assert "https://example.org/logo.png" in fetched  # asked for, refused, rendering went on
