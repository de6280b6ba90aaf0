"""What the signed-in load scenarios do, as plain functions over an HTTP session: locust's ``HttpSession``
(loadtest/locustfile.py) or ``requests`` (``PlainSession``, apps/demo/tests/test_loadtest.py drives them against a
live server, so a renamed form field fails the suite before it fails a load test).

Every form is read from the page the way a browser has it (its CSRF token, hidden fields such as the version of a
section for the stale-save check, the values already saved) and only the fields a person types are changed; a
field the flow types that is not on the form is an error, not a silent extra. A flow raises ``FlowError`` when the
platform answers otherwise than a person would expect (a form shown again with errors, a wrong page).
"""

import email
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from django_otp.oath import totp  # the same RFC 6238 code the server checks (no Django settings needed)


class FlowError(Exception):
    """The platform did not answer as a person expects; ``http`` when it was an HTTP error status."""

    def __init__(self, message: str, *, http: bool = False):
        super().__init__(message)
        self.http = http


class PlainSession(requests.Session):
    """A ``requests`` session that takes (and ignores) locust's ``name=`` argument."""

    def request(self, method, url, *args, name=None, **kwargs):
        return super().request(method, url, *args, **kwargs)


# -- forms -----------------------------------------------------------------------------------------------------------


class Form:
    def __init__(self, action: str, method: str):
        self.action, self.method = action, method
        self.page = ""  # the address of the page the form is on (the Referer a browser sends with it)
        self.values: dict[str, list[str]] = {}  # what the browser would send as it stands
        self.options: dict[str, list[str]] = {}  # radio buttons, checkboxes and selects: what may be chosen
        self.names: set[str] = set()

    def set(self, name: str, value: str | list[str] | bool) -> None:
        """Type into, tick or choose a field that must be on the form."""
        if name not in self.names:
            raise FlowError(f"the form {self.action!r} has no field {name!r} (it has: {sorted(self.names)})")
        if value is True:
            value = [(self.options.get(name) or ["on"])[0]]
        elif value is False:
            value = []
        self.values[name] = [value] if isinstance(value, str) else list(value)

    def first_option(self, name: str) -> str:
        if not self.options.get(name):
            raise FlowError(f"the form {self.action!r} offers nothing for {name!r}")
        return self.options[name][0]

    def data(self) -> list[tuple[str, str]]:
        return [(name, value) for name, values in self.values.items() for value in values]


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_chosen = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("action", ""), a.get("method", "get").lower())
            self.forms.append(self._form)
            return
        form = self._form
        if form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                if kind == "file":
                    form.names.add(name)
                return
            form.names.add(name)
            if kind in {"checkbox", "radio"}:
                form.options.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form.values.setdefault(name, []).append(a.get("value", "on"))
            else:
                form.values[name] = [a.get("value", "")]
        elif tag == "textarea" and name:
            form.names.add(name)
            form.values[name] = [""]
            self._textarea = name
        elif tag == "select" and name:
            form.names.add(name)
            form.values[name] = []
            self._select, self._select_chosen = name, False
        elif tag == "option" and self._select:
            value = a.get("value", "")
            form.options.setdefault(self._select, []).append(value)
            if "selected" in a and not self._select_chosen:
                form.values[self._select] = [value]
                self._select_chosen = True

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select and self._form is not None:
            if not self._select_chosen and self._form.options.get(self._select):
                self._form.values[self._select] = [self._form.options[self._select][0]]
            self._select = None

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form.values[self._textarea][0] += data


def find_form(response, *, field: str = "csrfmiddlewaretoken", action: str | None = None) -> Form:
    """The form on the page that has ``field`` (the CSRF token and hidden fields come with it) and, if given, posts
    to the path ``action`` (the language switcher and the sign-out button are forms too)."""
    parser = _FormParser()
    parser.feed(response.text)
    for form in parser.forms:
        form.action = urljoin(response.url, form.action or response.url)
        form.page = response.url
        if field in form.names and (action is None or urlsplit(form.action).path == action):
            return form
    raise FlowError(f"no form with the field {field!r} on {urlsplit(response.url).path}")


def post_form(client, form: Form, *, name: str, files=None):
    # Over HTTPS Django's CSRF check wants the Referer a browser sends (the page the form was on).
    headers = {"Referer": form.page} if form.page else {}
    return checked(client.post(form.action, data=form.data(), files=files, name=name, headers=headers))


def checked(response):
    if response.status_code >= 400 or response.status_code == 0:  # 0: locust's connection error
        raise FlowError(f"HTTP {response.status_code} from {urlsplit(response.url).path}", http=True)
    return response


def path_of(response) -> str:
    return urlsplit(response.url).path


# -- signing in ------------------------------------------------------------------------------------------------------


STEP = 30  # seconds of a TOTP window (django-otp's default)
_used_windows: dict[str, int] = {}  # the last window whose code this process sent, per device secret


def totp_code(key_hex: str, *, drift: int = 0) -> str:
    """What an authenticator app shows now for the device's secret (django-otp stores it as hex)."""
    return f"{totp(bytes.fromhex(key_hex), step=STEP, drift=drift):06d}"


def _fresh_code(key_hex: str) -> str:
    """A code the server has not seen yet: django-otp accepts each window's code once (``last_t``) and tolerates
    one window ahead, so a second session of the same account in the same 30 seconds sends the next window's."""
    now = int(time.time()) // STEP
    window = max(now, _used_windows.get(key_hex, -1) + 1)
    if window > now + 1:  # both this window's and the next one's are used: wait for the next window
        time.sleep(STEP - time.time() % STEP + 0.5)
        return _fresh_code(key_hex)
    _used_windows[key_hex] = window
    return totp_code(key_hex, drift=window - now)


def sign_in(client, base: str, *, email_address: str, password: str, totp_key: str | None = None) -> None:
    """The sign-in form, then (for the roles that need it) the TOTP code."""
    form = find_form(checked(client.get(f"{base}/konto/logowanie/?next=/", name="/konto/logowanie/")), field="password")
    form.set("username", email_address)
    form.set("password", password)
    response = post_form(client, form, name="/konto/logowanie/ [POST]")
    if path_of(response).startswith("/konto/logowanie/"):
        raise FlowError(f"sign-in refused for {email_address}")
    if not path_of(response).startswith("/konto/2fa/"):
        return
    if totp_key is None:
        raise FlowError(f"{email_address} was asked for a second factor it has not got")
    form = find_form(response, field="token")
    form.set("token", _fresh_code(totp_key))
    response = post_form(client, form, name="/konto/2fa/weryfikacja/ [POST]")
    if path_of(response).startswith("/konto/"):
        raise FlowError(f"the TOTP code of {email_address} was refused")


def open_pages(client, base: str, pages: list[str], *, names: dict[str, str] | None = None) -> None:
    for page in pages:
        response = checked(client.get(base + page, name=(names or {}).get(page, _generic(page))))
        if path_of(response).startswith(("/konto/logowanie/", "/konto/2fa/")):
            raise FlowError(f"{page} sent a signed-in user to sign in again")


def _generic(path: str) -> str:
    """Locust's name for a page: numbers become ``[id]`` so the statistics group them."""
    return re.sub(r"/\d+/", "/[id]/", path.split("?")[0]) + ("?…" if "?" in path else "")


# -- the applicant on deadline day -----------------------------------------------------------------------------------


class MailBox:
    """The confirmation links in the e-mails the cluster's worker writes to files (Django's file e-mail backend,
    ``EMAIL_FILE_PATH``): read once each, indexed by recipient."""

    LINK = re.compile(r"https?://[^\s\"<>/]+/konto/potwierdz-adres/[^\s/]+/[^\s/]+/(?:\?[^\s\"<>]*)?")

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.seen: set[str] = set()
        self.links: dict[str, str] = {}

    def __call__(self, address: str) -> str | None:
        if address not in self.links:
            self._scan()
        return self.links.get(address)

    def _scan(self) -> None:
        if not self.directory.is_dir():
            return
        for path in sorted(self.directory.iterdir()):
            if path.name in self.seen:
                continue
            self.seen.add(path.name)
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if raw.strip():
                    self._index(email.message_from_bytes(raw.strip()))

    def _index(self, message) -> None:
        body = ""
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                body += (part.get_payload(decode=True) or b"").decode(part.get_content_charset() or "utf-8", "replace")
        found = self.LINK.search(body)
        if found:
            for address in (message.get("To") or "").split(","):
                self.links[address.strip().lower()] = found.group(0)


def confirmation_path(link: str) -> str:
    """The path of a confirmation link (the e-mail names SITE_URL; the client may reach the site elsewhere)."""
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sign_up(client, base: str, call: dict, *, email_address: str, full_name: str, password: str) -> None:
    """The applicant account form on the call page; the account waits for the link in its e-mail."""
    form = find_form(checked(client.get(base + call["register"], name="/nabory/[call]/konto/")), field="password1")
    form.set("full_name", full_name)
    form.set("email", email_address)
    form.set("password1", password)
    form.set("password2", password)
    form.set("privacy", True)
    response = post_form(client, form, name="/nabory/[call]/konto/ [POST]")
    if not path_of(response).startswith("/konto/potwierdz-adres/"):
        raise FlowError(f"sign-up of {email_address} not accepted ({path_of(response)})")


def confirm_email(client, base: str, link: str) -> None:
    """Open the link from the e-mail and press the button: the address is proven and the applicant signed in."""
    page = checked(client.get(base + confirmation_path(link), name="/konto/potwierdz-adres/[link]/"))
    form = find_form(page, field="next", action=path_of(page))
    response = post_form(client, form, name="/konto/potwierdz-adres/[link]/ [POST]")
    if path_of(response).startswith("/konto/"):
        raise FlowError(f"the confirmation link was not accepted ({path_of(response)})")


def start_application(client, base: str, call: dict, jst_codes) -> int:
    """Open the call, start an application for the first of ``jst_codes`` nobody has started; returns its id."""
    checked(client.get(base + call["page"], name="/nabory/[call]/"))
    page = checked(client.get(base + call["start"], name="/nabory/[call]/zgloszenie/"))
    for code in jst_codes:
        form = find_form(page, field="local_government")
        form.set("local_government", code)
        page = post_form(client, form, name="/nabory/[call]/zgloszenie/ [POST]")
        found = re.fullmatch(r"/zgloszenia/(\d+)/", path_of(page))
        if found:
            return int(found.group(1))
    raise FlowError("no JST left to start an application for")


def _jst(form, tag):
    form.set("address_street", "ul. Rynek 1")
    form.set("address_postal_code", "00-001")
    form.set("address_city", "Miasto (obciążenie)")
    form.set("office_phone", "+48 22 100 20 30")


def _head(form, tag):
    if not form.values.get("head_title"):
        form.set("head_title", form.first_option("head_title"))
    form.set("head_name", "Anna Nowak (obciążenie)")
    form.set("signatory_is_head", True)


def _contact(form, tag):
    form.set("contact_phone", "+48 600 100 200")


def _team(form, tag):
    for n, position in enumerate(["Naczelnik wydziału edukacji", "Inspektor ds. oświaty", "Skarbnik"]):
        form.set(f"zespol-{n}-full_name", f"Osoba {n + 1} (obciążenie)")
        form.set(f"zespol-{n}-position", position)
        form.set(f"zespol-{n}-email", f"osoba{n + 1}.{tag}@obciazenie.example")
        form.set(f"zespol-{n}-kind", "official")
        form.set(f"zespol-{n}-is_leader", n == 0)
        form.set(f"zespol-{n}-is_management", n == 0)


def _motivation(form, tag):
    form.set("motivation", "Chcemy uporządkować zarządzanie oświatą w gminie (obciążenie).")
    form.set("areas", [form.first_option("areas")])


# The sections of the Karta zgłoszenia in the order of the page, with what a person types into each.
SECTIONS = {"jst": _jst, "wladze": _head, "kontakt": _contact, "zespol": _team, "motywacja": _motivation}


def save_section(client, base: str, pk: int, slug: str, *, tag: str) -> None:
    """Open one section, type into it and save ("Zapisz wersję roboczą": back to the application's page). The
    form carries the version it was opened at, so a stale save would be refused and shown again."""
    page = checked(client.get(f"{base}/zgloszenia/{pk}/karta/{slug}/", name=f"/zgloszenia/[id]/karta/{slug}/"))
    form = find_form(page, field="version")
    SECTIONS[slug](form, tag)
    response = post_form(client, form, name=f"/zgloszenia/[id]/karta/{slug}/ [POST]")
    if path_of(response) != f"/zgloszenia/{pk}/":
        raise FlowError(f"section {slug} was not saved (the form came back: {path_of(response)})")


def fill_application(client, base: str, pk: int, *, tag: str) -> None:
    """Save each section of the Karta zgłoszenia as a person does, one page at a time."""
    for slug in SECTIONS:
        save_section(client, base, pk, slug, tag=tag)


def submit(client, base: str, pk: int) -> bool:
    """Press "Złóż zgłoszenie"; True when the page that follows shows the application submitted (its documents
    section appears only then). A repeated POST (a proxy's retry) lands on the same submitted page."""
    page = checked(client.get(f"{base}/zgloszenia/{pk}/", name="/zgloszenia/[id]/"))
    if 'id="dokumenty"' in page.text:
        return True
    form = find_form(page, action=f"/zgloszenia/{pk}/zloz/")
    response = post_form(client, form, name="/zgloszenia/[id]/zloz/ [POST]")
    return 'id="dokumenty"' in response.text


def upload_signed(client, base: str, pk: int, document: str, pdf: bytes) -> None:
    """Send one signed PDF as the applicant does after submitting."""
    url = f"{base}/zgloszenia/{pk}/dokumenty/{document}/"
    page = checked(client.get(url, name="/zgloszenia/[id]/dokumenty/[document]/"))
    form = find_form(page, field="method")
    if "file" not in form.names:
        raise FlowError("the upload form has no file field")
    form.set("method", "signed_pdf")
    response = post_form(
        client, form, name="/zgloszenia/[id]/dokumenty/[document]/ [POST]", files={"file": (f"{document}.pdf", pdf)}
    )
    if path_of(response) != f"/zgloszenia/{pk}/":
        raise FlowError(f"the signed {document} was not accepted (the form came back)")


# -- the desk --------------------------------------------------------------------------------------------------------


def check_in(client, base: str, event: dict, code: str) -> None:
    """The event desk: type a participant's code and confirm presence today (the real POST)."""
    page = checked(client.get(base + event["check_in"], name="/organizator/wydarzenia/[id]/obecnosc/"))
    form = find_form(page, field="code")
    form.set("code", code)
    form.set("day", event["day"])
    response = post_form(client, form, name="/organizator/wydarzenia/[id]/obecnosc/ [POST]")
    if not response.history:  # a check-in redirects back to the desk; a refusal shows the form again
        raise FlowError(f"check-in of {code} refused")


def wait_for(fetch, *, seconds: float, every: float = 1.0):
    """Poll ``fetch()`` until it returns something (for the tests; locust polls across its tasks instead)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = fetch()
        if found:
            return found
        time.sleep(every)
    return None
