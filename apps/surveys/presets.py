"""Ready survey templates an organiser copies into a new survey: the evaluation of a training, of a meeting and of
the whole cycle. Kept as data in code (like the catalogue's seed): copying makes ordinary questions the organiser
may change; ``condition`` names an earlier question by its ``key`` and the answer (option text or scale value)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PresetQuestion:
    key: str
    kind: str
    text: str
    required: bool = False
    options: tuple = ()
    items: tuple = ()
    low: str = ""
    high: str = ""
    condition: tuple[str, str] | None = None


@dataclass(frozen=True)
class Preset:
    key: str
    label: object
    scope: str
    audience: str
    questions: list[PresetQuestion] = field(default_factory=list)


AGREE = ("zdecydowanie się nie zgadzam", "zdecydowanie się zgadzam")
USEFUL = ("zupełnie nieprzydatne", "bardzo przydatne")

TRAINING = Preset(
    "training",
    _("Ocena szkolenia"),
    "event",
    "participants",
    [
        PresetQuestion(
            "overall", "scale", "Jak ogólnie oceniasz szkolenie?", True, low="bardzo źle", high="bardzo dobrze"
        ),
        PresetQuestion(
            "aspects",
            "matrix",
            "Oceń poszczególne elementy szkolenia.",
            True,
            items=(
                "Treści były przydatne w pracy mojej JST",
                "Trenerzy prowadzili zajęcia w zrozumiały sposób",
                "Metody pracy sprzyjały wymianie doświadczeń",
                "Organizacja i miejsce szkolenia były dobre",
            ),
            low=AGREE[0],
            high=AGREE[1],
        ),
        PresetQuestion(
            "use",
            "single",
            "Czy wykorzystasz wiedzę ze szkolenia w pracy nad HDR?",
            True,
            options=("tak", "raczej tak", "raczej nie", "nie"),
        ),
        PresetQuestion(
            "use_why_not",
            "long_text",
            "Co przeszkadza w wykorzystaniu wiedzy ze szkolenia?",
            condition=("use", "nie"),
        ),
        PresetQuestion(
            "topics",
            "multiple",
            "Które tematy warto rozwinąć na kolejnych szkoleniach?",
            options=(
                "zarządzanie oświatą w JST",
                "finansowanie zadań oświatowych",
                "współpraca ze szkołami",
                "kompetencje miękkie",
                "monitorowanie HDR",
            ),
        ),
        PresetQuestion("remarks", "long_text", "Uwagi o szkoleniu i o modelu doradztwa"),
    ],
)

MEETING = Preset(
    "meeting",
    _("Ocena spotkania"),
    "event",
    "participants",
    [
        PresetQuestion("overall", "scale", "Jak oceniasz spotkanie?", True, low="bardzo źle", high="bardzo dobrze"),
        PresetQuestion(
            "clear",
            "single",
            "Czy po spotkaniu wiesz, jakie są kolejne kroki w Twojej JST?",
            True,
            options=("tak", "częściowo", "nie"),
        ),
        PresetQuestion("missing", "short_text", "Czego zabrakło na spotkaniu?", condition=("clear", "nie")),
        PresetQuestion("remarks", "long_text", "Uwagi o spotkaniu i o modelu doradztwa"),
    ],
)

CYCLE = Preset(
    "cycle",
    _("Ocena całego cyklu doradztwa"),
    "edition",
    "team_members",
    [
        PresetQuestion(
            "forms",
            "matrix",
            "Oceń przydatność form wsparcia.",
            True,
            items=(
                "Szkolenia warsztatowe",
                "Spotkania doradcze w siedzibie JST",
                "Doradztwo zdalne",
                "Spotkanie otwierające i podsumowujące",
            ),
            low=USEFUL[0],
            high=USEFUL[1],
        ),
        PresetQuestion(
            "overall", "scale", "Jak oceniasz cały cykl doradztwa?", True, low="bardzo źle", high="bardzo dobrze"
        ),
        PresetQuestion("hours", "number", "Ile godzin w miesiącu średnio poświęcałeś(-aś) na pracę w projekcie?"),
        PresetQuestion(
            "recommend",
            "single",
            "Czy poleciłbyś(-abyś) udział w doradztwie innej JST?",
            True,
            options=("tak", "nie wiem", "nie"),
        ),
        PresetQuestion("why_not", "long_text", "Dlaczego nie?", condition=("recommend", "nie")),
        PresetQuestion("change", "long_text", "Co zmienić w modelu doradztwa?"),
    ],
)

PRESETS = {p.key: p for p in (TRAINING, MEETING, CYCLE)}


def preset_choices() -> list[tuple[str, object]]:
    return [("", _("bez szablonu (pusta ankieta)"))] + [(p.key, p.label) for p in PRESETS.values()]
