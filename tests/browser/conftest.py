"""Browser tests: playwright drives Debian's Chromium; every page opened is checked with axe-core and for reflow,
at desktop width (1280 px) and at 320 px (WCAG 1.4.10).

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
DESKTOP_WIDTH, NARROW_WIDTH = 1280, 320
CHECKED_WIDTHS = (DESKTOP_WIDTH, NARROW_WIDTH)

# The layout checks, in the page. A problem is a sentence; an empty list means the layout holds at this width:
# - the page is no wider than the viewport (WCAG 1.4.10) and nothing sticks out of it unclipped (left or right);
# - a box that scrolls sideways is a keyboard-reachable, named region (role="region", tabindex="0", a label), and
#   at desktop width nothing scrolls sideways at all: content behind an uncued scroll is content clipped;
# - a box that hides its overflow does not cut its content off (the visually-hidden 1px clip excepted);
# - a table keeps its column headers on screen, or labels its cells (data-label) where the headers are hidden.
LAYOUT_CHECK = """
(desktop) => {
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (el.classList.length) name += '.' + [...el.classList].join('.');
    const text = (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    return text ? `${name} ("${text}")` : name;
  };
  const hiddenClip = (el) => {
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
    }
    return false;
  };
  const clippingAncestor = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== 'visible') return node;
    }
    return null;
  };
  if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth}px wide in a ${width}px viewport`);
  const sticking = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right <= width + 0.5 && box.left >= -0.5) continue;
    if (getComputedStyle(el).position === 'fixed' || hiddenClip(el) || clippingAncestor(el)) continue;
    // name the outermost box that sticks out, not each of its descendants
    const parent = el.parentElement.getBoundingClientRect();
    if (parent.right > width + 0.5 || parent.left < -0.5) continue;
    sticking.push(el);
  }
  for (const el of sticking.slice(0, 5)) {
    const box = el.getBoundingClientRect();
    problems.push(`${describe(el)} spans ${Math.round(box.left)}..${Math.round(box.right)}px, outside the ${width}px viewport`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.overflowX === 'visible' || el.scrollWidth <= el.clientWidth + 1 || hiddenClip(el)) continue;
    if (el.clientWidth <= 1 || el.matches('input, textarea, select')) continue;  // text boxes scroll their own value
    if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
      problems.push(`${describe(el)} cuts off its content (${el.scrollWidth}px in ${el.clientWidth}px)`);
    } else if (desktop) {
      problems.push(`${describe(el)} scrolls sideways at desktop width (${el.scrollWidth}px in ${el.clientWidth}px): content clipped`);
    } else {
      const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (el.getAttribute('role') !== 'region' || el.getAttribute('tabindex') !== '0' || !named) {
        problems.push(`${describe(el)} scrolls sideways but is not a named, focusable region (role="region" tabindex="0" aria-label)`);
      }
    }
  }
  for (const table of document.querySelectorAll('table')) {
    if (!table.getClientRects().length) continue;
    const headers = table.querySelectorAll('thead th');
    if (!headers.length) continue;
    const shown = [...headers].some((th) => th.getClientRects().length && th.getBoundingClientRect().height > 1);
    if (shown) continue;
    const unlabelled = [...table.querySelectorAll('tbody td')].filter((td) => !td.dataset.label);
    if (unlabelled.length) problems.push(`${describe(table)} hides its column headers and ${unlabelled.length} cell(s) have no data-label`);
  }
  return problems;
}
"""
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


@pytest.fixture(scope="session", autouse=True)
def _search_dictionary_loaded():
    """The knowledge base's Polish dictionary loads in seconds once per process: before the first page a browser
    waits on, not inside it (a loaded CI machine took longer than the browser's patience)."""
    from apps.publications.search import warm

    warm()


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


class ReflowViolation(AssertionError):
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
        """axe and the layout checks at desktop width and at 320 px; the viewport is restored afterwards."""
        self._pending = False
        page = self.page
        page.wait_for_load_state("load")
        viewport = page.viewport_size
        try:
            for width in CHECKED_WIDTHS:
                page.set_viewport_size({"width": width, "height": viewport["height"]})
                self._run_axe(width)
                self._check_layout(width)
        finally:
            page.set_viewport_size(viewport)
        self.checked_urls.append(page.url)

    def _run_axe(self, width: int):
        page = self.page
        # evaluate() is not subject to the page's CSP, so the strict policy stays on during tests.
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(self._axe_source)
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        violations = result["violations"]
        if violations:
            lines = [f"axe found {len(violations)} WCAG 2.1 A/AA violation(s) on {page.url} at {width}px:"]
            for violation in violations:
                lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
                for node in violation["nodes"][:5]:
                    lines.append(f"    {json.dumps(node['target'])}: {node['failureSummary']}")
            raise AxeViolation("\n".join(lines))

    def _check_layout(self, width: int):
        problems = self.page.evaluate(LAYOUT_CHECK, width >= DESKTOP_WIDTH)
        if problems:
            lines = [f"the layout breaks on {self.page.url} at {width}px:", *(f"- {p}" for p in problems)]
            raise ReflowViolation("\n".join(lines))

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
