"""Browser tests: playwright drives Debian's Chromium; every page opened is checked with axe-core.

Without Chromium the browser tests are skipped with a loud message; with CI=true a missing browser fails.
"""

import json
import os
import shutil
from pathlib import Path

import pytest

from apps.core.testing import sign_in  # noqa: F401  (re-exported for browser tests)

# playwright's sync API runs an event loop in this thread; Django must still allow ORM calls from the test.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "BROWSER TESTS NOT RUN: Debian's chromium is not installed (apt-get install -y chromium)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " With CI=true a skipped browser test is a failure.")
        print("\n" + "!" * 100 + "\n" + message + "\n" + "!" * 100)
        pytest.skip(message)
    if not AXE_PATH.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


class AxeViolation(AssertionError):
    pass


class CheckedPage:
    """A playwright Page whose every newly loaded document is checked with axe-core (WCAG 2.1 A/AA).

    A page load marks the document as unchecked; the next call on the page (or the end of the test) runs axe.
    Use ``ui.page`` where playwright needs the real Page (``expect(ui.page)``).
    """

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.checked_urls: list[str] = []
        self._pending = False
        self._axe_source = AXE_PATH.read_text()
        page.on("load", lambda _page: self._mark())
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.errors: list[str] = []

    def _mark(self):
        self._pending = True

    def check_accessibility(self):
        self._pending = False
        page = self.page
        page.wait_for_load_state("load")
        # evaluate() is not subject to the page's CSP, so the strict policy stays on during tests.
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(self._axe_source)
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        self.checked_urls.append(page.url)
        violations = result["violations"]
        if violations:
            lines = [f"axe found {len(violations)} WCAG 2.1 A/AA violation(s) on {page.url}:"]
            for violation in violations:
                lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
                for node in violation["nodes"][:5]:
                    lines.append(f"    {json.dumps(node['target'])}: {node['failureSummary']}")
            raise AxeViolation("\n".join(lines))

    def visit(self, path: str):
        response = self.page.goto(self.base_url + path)
        self.check_accessibility()
        return response

    def __getattr__(self, name):
        attribute = getattr(self.page, name)
        if callable(attribute):

            def checked(*args, **kwargs):
                if self._pending:
                    self.check_accessibility()
                return attribute(*args, **kwargs)

            return checked
        return attribute


@pytest.fixture
def ui(browser, live_server, settings):
    """A fresh browser context on the live server; axe runs on every page it opens."""
    context = browser.new_context(base_url=live_server.url, locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    checked = CheckedPage(page, live_server.url)
    yield checked
    try:
        if checked._pending:
            checked.check_accessibility()
        assert not checked.errors, f"JavaScript errors on the page: {checked.errors}"
    finally:
        context.close()


def browser_login(ui, email: str, password: str):
    """Sign in through the real login form."""
    ui.visit("/konto/logowanie/")
    ui.get_by_label("Adres e-mail").fill(email)
    ui.get_by_label("Hasło").fill(password)
    ui.get_by_role("button", name="Zaloguj się").last.click()
    ui.page.wait_for_load_state("load")


def open_window(browser, live_server) -> CheckedPage:
    """Another person's browser (its own cookies), with axe on every page as for ``ui``."""
    context = browser.new_context(base_url=live_server.url, locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    return CheckedPage(page, live_server.url)


@pytest.fixture
def other_window(browser, live_server):
    """Opens more people's browsers (each with its own cookies); axe runs on every page each of them opens, and at
    the end of the test each must have been checked and free of JavaScript errors."""
    windows: list[CheckedPage] = []

    def open_another() -> CheckedPage:
        window = open_window(browser, live_server)
        windows.append(window)
        return window

    yield open_another
    try:
        for window in windows:
            if window._pending:
                window.check_accessibility()
            assert not window.errors, f"JavaScript errors on the page: {window.errors}"
    finally:
        for window in windows:
            window.page.context.close()
