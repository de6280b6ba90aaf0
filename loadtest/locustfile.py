"""Load scenarios against `make cluster` (https://127.0.0.1:8443), headless and bounded in time (loadtest/run.sh).
The accounts, pages and the open call come from ``manage.py seed_loadtest`` (var/cluster/loadtest.json); what each
user does is in loadtest/flows.py (the same functions apps/demo/tests/test_loadtest.py drives on a live server).

    deadline  DeadlineApplicant: signs up on the call page, opens the link from the confirmation e-mail, starts an
              application, saves the Karta zgłoszenia section by section, submits, uploads the three signed PDFs.
              DeadlineStaff (one in ten): signs in with password and TOTP, opens the recruitment desk, its lists
              and review pages. run.sh kills one app server midway and then counts the submissions.
    workday   WorkdayOrganiser, WorkdayAdvisor, WorkdayOfficial (JST team member), WorkdayPublic: each role's pages.
    event     EventParticipant: signs in, opens the event and their agenda. EventDesk (one in thirty): checks the
              participants in at the desk by their codes (the real POST).

A flow that goes wrong in a way an HTTP status does not show (a form shown again with errors, a refused code) is
recorded as a failure of type FLOW. Each process writes the ids of the applications it submitted successfully to
var/cluster/loadtest-submitted/<LOADTEST_RUN>-<pid>.json at the end (``manage.py loadtest_count`` compares them
with the database).
"""

import contextlib
import itertools
import json
import os
import random
import time
from pathlib import Path

import flows
import urllib3
from locust import HttpUser, between, events, task

urllib3.disable_warnings()
ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = Path(os.environ.get("LOADTEST_DATA", ROOT / "var" / "cluster" / "loadtest.json"))
MAIL_DIR = Path(os.environ.get("LOADTEST_MAIL_DIR", ROOT / "var" / "cluster" / "mail"))
SUBMITTED_DIR = ROOT / "var" / "cluster" / "loadtest-submitted"
RUN = os.environ.get("LOADTEST_RUN") or time.strftime("%Y%m%d%H%M%S")
MAIL_WAIT = float(os.environ.get("LOADTEST_MAIL_WAIT", 180))  # seconds an applicant waits for the e-mail

DATA = json.loads(DATA_FILE.read_text())
MAILBOX = flows.MailBox(MAIL_DIR)
SIGNED_PDF = Path(DATA["signed_pdf"]).read_bytes()  # made once by seed_loadtest (apps.documents.testing)
SUBMITTED: list[int] = []
_counters: dict[str, itertools.count] = {}


def next_index(role: str) -> int:
    """This process's next account of ``role``: every user signs in with an account of its own."""
    return next(_counters.setdefault(role, itertools.count()))


def _jst_pool():
    """The JSTs to apply for, from a random point of the list (a run after another finds some already taken)."""
    codes = DATA["call"]["jst_codes"]
    start = random.randrange(len(codes))
    return itertools.cycle(codes[start:] + codes[:start])


JST_POOL = _jst_pool()
CODES = itertools.cycle([p["code"] for p in DATA["event"]["participants"]])


@events.test_stop.add_listener
def _write_submitted(environment, **kwargs):
    SUBMITTED_DIR.mkdir(parents=True, exist_ok=True)
    path = SUBMITTED_DIR / f"{RUN}-{os.getpid()}.json"
    path.write_text(json.dumps({"run": RUN, "submitted": sorted(set(SUBMITTED))}))


class Base(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def on_start(self):
        self.client.verify = False  # the cluster's self-signed certificate

    def attempt(self, name: str, fn, *args, **kwargs):
        """Run one step of a flow; a failure that no HTTP status recorded is recorded as FLOW ``name``."""
        started = time.perf_counter()
        try:
            return fn(self.client, "", *args, **kwargs)
        except flows.FlowError as error:
            if not error.http:
                self.record_failure(name, error, started)
            raise

    def record_failure(self, name: str, error, started: float) -> None:
        self.environment.events.request.fire(
            request_type="FLOW",
            name=name,
            response_time=(time.perf_counter() - started) * 1000,
            response_length=0,
            exception=error,
            context={},
        )


class SignedIn(Base):
    """Signs in on start (and again later if that failed) with the next account of ``role`` in the JSON file."""

    abstract = True
    role = ""
    pages: list[str] = []

    def on_start(self):
        super().on_start()
        rows = DATA[self.role] if self.role != "participants" else DATA["event"]["participants"]
        self.account = rows[next_index(self.role) % len(rows)]
        self.pages = self.account.get("pages") or self.pages
        self.signed_in = False
        self.ensure_signed_in()

    def ensure_signed_in(self) -> bool:
        if not self.signed_in:
            try:
                self.attempt(
                    "sign in",
                    flows.sign_in,
                    email_address=self.account["email"],
                    password=DATA["password"],
                    totp_key=self.account.get("totp_key"),
                )
            except flows.FlowError:
                return False
            self.signed_in = True
        return True

    def open_one(self, pages: list[str]) -> None:
        if self.ensure_signed_in():
            with contextlib.suppress(flows.FlowError):
                self.attempt("page", flows.open_pages, [random.choice(pages)])


# -- (a) deadline day ------------------------------------------------------------------------------------------------


class DeadlineApplicant(Base):
    """One applicant's way through the call, one step per task so that people think between pages; a step that
    fails is tried again at the next task (as a person presses the button again)."""

    weight = 9
    wait_time = between(1, 3)

    def on_start(self):
        super().on_start()
        n = next_index("applicants")
        self.tag = f"{RUN}.{os.getpid()}.{n}"
        self.email = f"zgl.{self.tag}@{DATA['applicant_domain']}"
        self.step = "sign_up"
        self.sections = list(flows.SECTIONS)
        self.documents = list(DATA["call"]["documents"])
        self.pk = None
        self.mail_since = None

    @task
    def next_step(self):
        with contextlib.suppress(flows.FlowError):
            getattr(self, f"do_{self.step}")()

    def do_sign_up(self):
        self.attempt(
            "sign up",
            flows.sign_up,
            DATA["call"],
            email_address=self.email,
            full_name=f"Zgłaszający {self.tag}",
            password=DATA["password"],
        )
        self.step, self.mail_since = "confirm", time.monotonic()

    def do_confirm(self):
        link = MAILBOX(self.email)
        if link is None:
            if time.monotonic() - self.mail_since > MAIL_WAIT:
                self.record_failure(
                    "confirmation e-mail", f"no e-mail for {self.email} in {MAIL_WAIT:.0f} s", time.perf_counter()
                )
                self.step = "gave_up"
            return
        self.attempt("confirm e-mail", flows.confirm_email, link)
        self.step = "start"

    def do_start(self):
        self.pk = self.attempt(
            "start application", flows.start_application, DATA["call"], itertools.islice(JST_POOL, 10)
        )
        self.step = "section"

    def do_section(self):
        self.attempt(f"section {self.sections[0]}", flows.save_section, self.pk, self.sections[0], tag=self.tag)
        self.sections.pop(0)
        if not self.sections:
            self.step = "submit"

    def do_submit(self):
        if self.attempt("submit", flows.submit, self.pk):
            SUBMITTED.append(self.pk)
            self.step = "upload"
        else:
            self.record_failure("submit", f"application {self.pk} not shown as submitted", time.perf_counter())

    def do_upload(self):
        self.attempt("upload", flows.upload_signed, self.pk, self.documents[0], SIGNED_PDF)
        self.documents.pop(0)
        if not self.documents:
            self.step = "done"

    def do_done(self):
        self.attempt("page", flows.open_pages, [f"/zgloszenia/{self.pk}/", DATA["call"]["page"]])

    def do_gave_up(self):
        self.attempt("page", flows.open_pages, [DATA["call"]["page"]])


class DeadlineStaff(SignedIn):
    weight = 1
    role = "organisers"

    @task(3)
    def desk(self):
        self.open_one(DATA["desk"]["pages"])

    @task(2)
    def review(self):
        self.open_one(DATA["desk"]["reviews"])


# -- (b) a working day -----------------------------------------------------------------------------------------------


class WorkdayOrganiser(SignedIn):
    weight = 1
    role = "organisers"

    @task
    def page(self):
        self.open_one(DATA["organiser_pages"] + DATA["desk"]["pages"][2:] + DATA["desk"]["reviews"][:5])


class WorkdayAdvisor(SignedIn):
    weight = 2
    role = "advisors"

    @task
    def page(self):
        self.open_one(self.pages)


class WorkdayOfficial(SignedIn):
    weight = 3
    role = "officials"

    @task
    def page(self):
        self.open_one(self.pages)


class WorkdayPublic(Base):
    weight = 4

    @task
    def page(self):
        with contextlib.suppress(flows.FlowError):
            self.attempt("page", flows.open_pages, [random.choice(DATA["public_pages"])])


# -- (c) an event morning --------------------------------------------------------------------------------------------


class EventParticipant(SignedIn):
    weight = 29
    wait_time = between(0.5, 1.5)
    role = "participants"

    @task
    def agenda(self):
        self.open_one(self.pages)


class EventDesk(SignedIn):
    weight = 1
    wait_time = between(0.5, 1.5)
    role = "organisers"

    @task
    def check_in(self):
        if self.ensure_signed_in():
            with contextlib.suppress(flows.FlowError):
                self.attempt("check in", flows.check_in, DATA["event"], next(CODES))
