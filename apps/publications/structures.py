"""The sections of each form of the final summary (catalogue data, versioned: ``SummaryStructure`` rows).

The sources confirm only the good-practice description's structure (ORE: I.1–8, II contact, III materials); the
reflection study follows the stages of a focused group discussion and the mini-report is a short reportage with an
interview. The coordinator changes a form's sections by saving a new version; a summary keeps the version it was
started on.

A section is ``{"key", "title", "help", "required", "kind"}``; ``kind`` is one of ``KINDS``.
"""

from django.utils.translation import gettext_lazy as _

TEXT, CONTACT, FILES, INTERVIEW, PHOTOS = "text", "contact", "files", "interview", "photos"
KINDS = {
    TEXT: _("tekst"),
    CONTACT: _("osoba do kontaktu"),
    FILES: _("pliki do pobrania"),
    INTERVIEW: _("wywiad"),
    PHOTOS: _("zdjęcia"),
}


def _s(key, title, help_text="", *, required=True, kind=TEXT) -> dict:
    return {"key": key, "title": title, "help": help_text, "required": required, "kind": kind}


DEFAULTS = {
    "good_practice": [
        _s(
            "i1", "I.1. Charakterystyka lokalnego systemu oświaty", "Szkoły i placówki, uczniowie, nauczyciele, budżet."
        ),
        _s("i2", "I.2. Problem, który skłonił do zmiany"),
        _s("i3", "I.3. Na czym polega rozwiązanie"),
        _s("i4", "I.4. Kto, co i kiedy zrobił", "Etapy wdrożenia, osoby i instytucje."),
        _s("i5", "I.5. Osiągnięte efekty", "Odwołaj się do wskaźników HDR."),
        _s("i6", "I.6. Koszty rozwiązania"),
        _s("i7", "I.7. Dlaczego warto promować to rozwiązanie"),
        _s("i8", "I.8. Rekomendacje dla chcących je powtórzyć"),
        _s("ii", "II. Osoba do kontaktu", "Kto może opowiedzieć więcej o rozwiązaniu.", kind=CONTACT),
        _s(
            "iii",
            "III. Dokumenty i materiały wzorcowe",
            "Pliki dla tych, którzy chcą powtórzyć rozwiązanie.",
            required=False,
            kind=FILES,
        ),
    ],
    "reflection_study": [
        _s("preparation", "Przygotowanie dyskusji", "Cel, kluczowe pytania, uczestnicy."),
        _s("starting_point", "Punkt wyjścia"),
        _s("course", "Przebieg zmiany"),
        _s("effects", "Refleksja nad efektami", "Co się udało."),
        _s("difficulties", "Refleksja nad trudnościami", "Co się nie udało i dlaczego."),
        _s("conclusions", "Wnioski i rekomendacje"),
        _s("closing", "Uzgodnione zakończenie"),
    ],
    "mini_reportage": [
        _s("title", "Tytuł"),
        _s("lead", "Lead", "Dwa, trzy zdania zachęty do lektury."),
        _s("context", "Kontekst JST"),
        _s("story", "Historia zmiany"),
        _s("interview", "Wywiad", "Pytania i odpowiedzi z przedstawicielem JST.", kind=INTERVIEW),
        _s("photos", "Zdjęcia", "Każde zdjęcie z podpisem i tekstem alternatywnym.", required=False, kind=PHOTOS),
        _s("effects", "Efekty"),
        _s("contact", "Kontakt", kind=CONTACT),
    ],
}


def text_sections(sections: list[dict]) -> list[dict]:
    """The sections whose text is typed in the summary's form (text and interview)."""
    return [s for s in sections if s["kind"] in (TEXT, INTERVIEW)]


def parse_sections(text: str) -> list[dict]:
    """The coordinator's edit of a form: one section a line, ``key | title | required (tak/nie) | kind | help``.

    Raises ``ValueError`` with a Polish message naming the line."""
    from django.utils.translation import gettext as gettext_now

    sections, keys = [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 4:
            raise ValueError(
                gettext_now("Wiersz %(n)s: podaj co najmniej klucz, tytuł, czy wymagana i rodzaj, rozdzielone „|”.")
                % {"n": number}
            )
        key, title, required, kind = parts[:4]
        help_text = " | ".join(parts[4:])
        if not key.isidentifier() or key in keys:
            raise ValueError(
                gettext_now("Wiersz %(n)s: klucz „%(key)s” musi być niepowtarzalnym słowem z liter, cyfr i _.")
                % {"n": number, "key": key}
            )
        if kind not in KINDS:
            raise ValueError(
                gettext_now("Wiersz %(n)s: rodzaj musi być jednym z: %(kinds)s.")
                % {"n": number, "kinds": ", ".join(KINDS)}
            )
        if not title:
            raise ValueError(gettext_now("Wiersz %(n)s: podaj tytuł sekcji.") % {"n": number})
        keys.add(key)
        sections.append(_s(key, title, help_text, required=required.lower() in ("tak", "yes", "1", "*"), kind=kind))
    if not sections:
        raise ValueError(gettext_now("Podaj co najmniej jedną sekcję."))
    return sections


def format_sections(sections: list[dict]) -> str:
    return "\n".join(
        " | ".join([s["key"], s["title"], "tak" if s["required"] else "nie", s["kind"], s.get("help", "")]).rstrip(" |")
        for s in sections
    )
