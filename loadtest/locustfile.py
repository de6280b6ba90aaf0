"""Load scenarios against `make cluster` (https://127.0.0.1:8443), headless and bounded in time (loadtest/run.sh).

    deadline  DeadlineApplicant: the call's public pages, the call page and its results again and again, the JST
              register search (what applicants open on deadline day); run.sh kills one app server midway.
    workday   WorkdayVisitor: the public pages of every kind, the knowledge base, the readiness probe.
    event     EventParticipant: the editions and their events lists, the certificate check, in a burst.

The seeded data (seed_scale) has no passwords or TOTP devices for its accounts, so these scenarios are anonymous:
signed-in flows (saving the Karta zgłoszenia, uploading signed PDFs, check-in at the desk) are not simulated yet.
"""

import random
import re

import urllib3
from locust import HttpUser, between, task

urllib3.disable_warnings()
LINK = re.compile(r'href="(/[^"#?]+)"')


class Visitor(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    links: dict[str, list[str]] = {}

    def on_start(self):
        self.client.verify = False  # the cluster's self-signed certificate

    def discover(self, page: str, pattern: str) -> list[str]:
        if page not in Visitor.links:
            body = self.client.get(page, name=page).text
            Visitor.links[page] = sorted({link for link in LINK.findall(body) if re.match(pattern, link)})
        return Visitor.links[page]

    def open_one_of(self, page: str, pattern: str, name: str):
        found = self.discover(page, pattern)
        if found:
            self.client.get(random.choice(found), name=name)


class DeadlineApplicant(Visitor):
    wait_time = between(0.5, 2)

    @task(5)
    def call_page(self):
        self.open_one_of("/nabory/", r"^/nabory/[\w-]+/$", "/nabory/[call]/")

    @task(2)
    def calls(self):
        self.client.get("/nabory/")

    @task(1)
    def results(self):
        self.open_one_of("/nabory/", r"^/nabory/[\w-]+/wyniki/$", "/nabory/[call]/wyniki/")

    @task(2)
    def find_jst(self):
        self.client.get(f"/rejestr-jst/?q={random.choice(['gmina', 'powiat', 'Kraków', 'Łódź', 'miasto'])}",
                        name="/rejestr-jst/?q=")  # fmt: skip

    @task(1)
    def home(self):
        self.client.get("/")


class WorkdayVisitor(Visitor):
    @task(3)
    def home(self):
        self.client.get("/")

    @task(3)
    def calls(self):
        self.client.get("/nabory/")
        self.open_one_of("/nabory/", r"^/nabory/[\w-]+/$", "/nabory/[call]/")

    @task(2)
    def register(self):
        self.client.get("/rejestr-jst/")

    @task(2)
    def knowledge_base(self):
        self.client.get("/baza-wiedzy/")

    @task(1)
    def health(self):
        self.client.get("/readyz")


class EventParticipant(Visitor):
    wait_time = between(0.5, 1.5)

    @task(4)
    def editions(self):
        self.client.get("/edycje/")
        self.open_one_of("/edycje/", r"^/edycje/[\w-]+/wydarzenia/$", "/edycje/[edition]/wydarzenia/")

    @task(2)
    def certificate_lookup(self):
        self.client.get("/zaswiadczenia/")

    @task(1)
    def home(self):
        self.client.get("/")
