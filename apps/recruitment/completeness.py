"""What an application still lacks, section by section: the completeness indicator and the submit validation are
the same function, so the page never promises what submission would then refuse."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from apps.editions.models import PROGRAMME_TZ, Edition

from .kinds import HeadTitle, ManagementStaffRule, head_titles_for

# (slug in the URL, title) in the order of the Karta zgłoszenia.
SECTIONS: list[tuple[str, str]] = [
    ("jst", gettext_lazy("JST i jej adres")),
    ("wladze", gettext_lazy("Kierownik JST i osoba podpisująca")),
    ("kontakt", gettext_lazy("Osoba do kontaktu")),
    ("zespol", gettext_lazy("Zespół JST")),
    ("motywacja", gettext_lazy("Motywacja i rozważane obszary")),
]
SECTION_TITLES = dict(SECTIONS)


@dataclass
class SectionReport:
    slug: str
    title: str
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass
class Report:
    sections: list[SectionReport]

    @property
    def complete(self) -> bool:
        return all(section.complete for section in self.sections)

    @property
    def done_count(self) -> int:
        return sum(1 for section in self.sections if section.complete)

    @property
    def missing(self) -> list[str]:
        return [f"{s.title}: {m}" for s in self.sections for m in s.missing]

    @property
    def warnings(self) -> list[str]:
        return [f"{s.title}: {w}" for s in self.sections for w in s.warnings]

    def section(self, slug: str) -> SectionReport:
        return next(s for s in self.sections if s.slug == slug)


def eligibility_problem(edition: Edition, local_government) -> str | None:
    """Why this JST may not apply to this edition, or None."""
    if not local_government.is_active:
        return _("%(jst)s nie figuruje w aktualnym rejestrze TERYT.") % {"jst": local_government.display_name}
    if local_government.kind not in edition.eligible_jst_kinds:
        return _("W tej edycji mogą się zgłaszać: %(kinds)s. %(jst)s to %(kind)s.") % {
            "kinds": ", ".join(str(label) for label in edition.eligible_kind_labels),
            "jst": local_government.display_name,
            "kind": local_government.get_kind_display(),
        }
    return None


def team_problems(edition: Edition, members, *, management_rule: str) -> tuple[list[str], list[str]]:
    """(missing, warnings) of a team given as objects with the ApplicationTeamMember fields."""
    missing: list[str] = []
    warnings: list[str] = []
    size = len(members)
    if size < edition.team_size_min or size > edition.team_size_max:
        missing.append(
            _("Zespół liczy od %(min)s do %(max)s osób; teraz: %(size)s.")
            % {"min": edition.team_size_min, "max": edition.team_size_max, "size": size}
        )
    emails = [m.email.strip().lower() for m in members if m.email]
    duplicates = sorted({e for e in emails if emails.count(e) > 1})
    if duplicates:
        missing.append(_("Ten sam adres e-mail podano więcej niż raz: %(emails)s.") % {"emails": ", ".join(duplicates)})
    for number, member in enumerate(members, start=1):
        lacks = []
        if not member.full_name.strip():
            lacks.append(_("imię i nazwisko"))
        if not member.email.strip():
            lacks.append(_("adres e-mail"))
        if not member.position.strip():
            lacks.append(_("stanowisko"))
        if member.kind == "school_director" and not member.school_name.strip():
            lacks.append(_("szkoła lub placówka"))
        if lacks:
            missing.append(_("Osoba %(n)s: brak: %(what)s.") % {"n": number, "what": ", ".join(lacks)})
    directors = sum(1 for m in members if m.kind == "school_director")
    policy = edition.school_directors
    if policy == Edition.SchoolDirectors.NOT_ALLOWED and directors:
        missing.append(_("W tej edycji dyrektorzy szkół nie wchodzą w skład zespołu."))
    elif policy != Edition.SchoolDirectors.NOT_ALLOWED:
        if directors > edition.school_directors_max:
            missing.append(
                ngettext(
                    "W zespole może być najwyżej %(max)s dyrektor szkoły; teraz: %(count)s.",
                    "W zespole może być najwyżej %(max)s dyrektorów szkół; teraz: %(count)s.",
                    edition.school_directors_max,
                )
                % {"max": edition.school_directors_max, "count": directors}
            )
        if policy == Edition.SchoolDirectors.REQUIRED and directors < edition.school_directors_min:
            missing.append(
                ngettext(
                    "W zespole musi być co najmniej %(min)s dyrektor szkoły lub placówki; teraz: %(count)s.",
                    "W zespole musi być co najmniej %(min)s dyrektorów szkół lub placówek; teraz: %(count)s.",
                    edition.school_directors_min,
                )
                % {"min": edition.school_directors_min, "count": directors}
            )
    if size and not any(m.is_management for m in members):
        text = _("W zespole nie wskazano nikogo z kadry zarządzającej (osoby podejmującej decyzje).")
        (missing if management_rule == ManagementStaffRule.REQUIRED else warnings).append(text)
    leaders = sum(1 for m in members if m.is_leader)
    if size and leaders == 0:
        missing.append(_("Wskaż lidera zespołu."))
    elif leaders > 1:
        missing.append(_("Lider zespołu może być tylko jeden; zaznaczono %(count)s osoby.") % {"count": leaders})
    return missing, warnings


def check_application(application, *, call, team=None, areas=None) -> Report:
    """Every section's missing items and warnings. ``team`` and ``areas`` may be passed already loaded."""
    edition = application.edition
    jst = application.local_government
    team = list(application.team.all()) if team is None else team
    reports = {slug: SectionReport(slug, str(title)) for slug, title in SECTIONS}

    r = reports["jst"]
    if problem := eligibility_problem(edition, jst):
        r.missing.append(problem)
    for value, label in [
        (application.address_street, _("ulica i numer")),
        (application.address_postal_code, _("kod pocztowy")),
        (application.address_city, _("miejscowość")),
    ]:
        if not value.strip():
            r.missing.append(_("Brak pola: %(field)s.") % {"field": label})

    r = reports["wladze"]
    if not application.head_title:
        r.missing.append(_("Wybierz funkcję kierownika JST."))
    elif application.head_title not in head_titles_for(jst.kind):
        r.missing.append(
            _("Kierownikiem JST tego rodzaju jest: %(titles)s.")
            % {"titles": " / ".join(str(HeadTitle(t).label) for t in head_titles_for(jst.kind))}
        )
    if not application.head_name.strip():
        r.missing.append(_("Brak imienia i nazwiska kierownika JST."))
    if not application.signatory_is_head:
        if not application.signatory_name.strip():
            r.missing.append(_("Brak imienia i nazwiska osoby upoważnionej do podpisania dokumentów."))
        if not application.signatory_position.strip():
            r.missing.append(_("Brak stanowiska osoby upoważnionej do podpisania dokumentów."))

    r = reports["kontakt"]
    for value, label in [
        (application.contact_name, _("imię i nazwisko")),
        (application.contact_email, _("adres e-mail")),
        (application.contact_phone, _("telefon")),
    ]:
        if not value.strip():
            r.missing.append(_("Brak pola: %(field)s.") % {"field": label})

    r = reports["zespol"]
    r.missing, r.warnings = team_problems(edition, team, management_rule=call.management_staff)

    r = reports["motywacja"]
    if not application.motivation.strip():
        r.missing.append(_("Opisz, dlaczego JST chce wziąć udział w doradztwie."))
    chosen = list(application.areas.all()) if areas is None else areas
    if not chosen:
        r.warnings.append(_("Nie wskazano rozważanych obszarów; obszar JST wybiera ostatecznie po zakwalifikowaniu."))

    return Report([reports[slug] for slug, _title in SECTIONS])


def call_is_open(edition: Edition, at=None) -> bool:
    """Applications can be started and submitted from the opening day until the end of the deadline day, Warsaw
    time (the same moment that decides whether a document is on time)."""
    at = at or timezone.now()
    opened = at.astimezone(PROGRAMME_TZ).date() >= edition.recruitment_opens_on
    return edition.is_published and opened and edition.is_received_in_time(at)


def call_phase(edition: Edition, at=None) -> str:
    """ "upcoming", "open" or "closed", for the public list of calls."""
    at = at or timezone.now()
    if at.astimezone(PROGRAMME_TZ).date() < edition.recruitment_opens_on:
        return "upcoming"
    return "open" if edition.is_received_in_time(at) else "closed"
