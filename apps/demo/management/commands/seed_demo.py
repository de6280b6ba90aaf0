import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from apps.demo import (
    accounts,
    advising_demo,
    branding_demo,
    editions,
    engagements,
    events_demo,
    feedback_demo,
    messaging_demo,
    monitoring_demo,
    openspace_demo,
    programmes_demo,
    publications_demo,
    recruitment,
    reference,
    statistics_demo,
    surveys_demo,
)
from apps.demo.quiet import no_outgoing_mail


class Command(BaseCommand):
    help = (
        "Load the reference data (TERYT register, model catalogue) and the demo data: organisers, accounts, "
        "editions and JST engagements, an open recruitment call with applications. Idempotent: running it again "
        "changes nothing."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        # Texts the services store (timeline entries) are written in the programme's language.
        with translation.override("pl"), no_outgoing_mail():
            self.stdout.write(reference.ensure_register())
            with transaction.atomic():
                self.stdout.write(reference.ensure_catalog())
                accounts.seed()
                seeded = editions.seed()
                branding_demo.seed(seeded)
                outcomes = engagements.seed(seeded)
                knowledge_base = publications_demo.seed(seeded)
                call = recruitment.seed()
                messages = messaging_demo.seed()
                self.stdout.write(advising_demo.seed())
                events = events_demo.seed(seeded)
                self.stdout.write(openspace_demo.seed())
                self.stdout.write(monitoring_demo.seed())
                self.stdout.write(programmes_demo.seed())
                self.stdout.write(feedback_demo.seed())
                survey_responses = surveys_demo.seed()
                self.stdout.write(statistics_demo.seed())  # last: the figures of everything seeded above
        for spec in editions.EDITIONS:
            edition, created = seeded[spec.key]
            outcome = outcomes[spec.key]
            state = "utworzona" if created else "bez zmian"
            self.stdout.write(
                f"{edition.name} ({edition.organiser.short_name or edition.organiser.name}): edycja {state}; "
                f"karty JST: nowe {outcome.created}, istniejące {outcome.existing}"
            )
            for warning in outcome.warnings:
                self.stdout.write(self.style.WARNING(f"  uwaga: {warning}"))
        self.stdout.write(knowledge_base)
        self.stdout.write(f"{call.edition.name}: nowe zgłoszenia {call.created}")
        self.stdout.write(f"Wątek wiadomości Powiatu bolesławieckiego: nowe wiadomości {messages}")
        for warning in call.warnings:
            self.stdout.write(self.style.WARNING(f"  uwaga: {warning}"))
        self.stdout.write(f"Wydarzenia: nowe {events.events}, zgłoszenia {events.registrations}")
        self.stdout.write(f"Ankiety po szkoleniach 2019: nowe odpowiedzi {survey_responses}")
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Dane demonstracyjne są gotowe ({elapsed:.1f} s)."))
