"""The public datasets and their data dictionary: stable names (they are the URLs), fields and what each means.
The published documents are the knowledge base's own open data (``publications:open_data_*``), linked, not copied."""

from django.utils.translation import gettext_lazy as _

DATASETS = {
    "edycje": {
        "title": _("Edycje"),
        "description": _("Opublikowane edycje modelu doradztwa z organizatorem, okresem realizacji i liczbą JST."),
        "fields": [
            ("edycja", _("identyfikator edycji (jak w adresie strony edycji)")),
            ("nazwa", _("nazwa edycji")),
            ("organizator", _("instytucja prowadząca edycję")),
            ("poczatek", _("początek realizacji (RRRR-MM-DD)")),
            ("koniec", _("koniec realizacji (RRRR-MM-DD)")),
            ("liczba_jst", _("liczba JST z kartą w edycji (z wycofanymi)")),
        ],
    },
    "jst": {
        "title": _("JST uczestniczące"),
        "description": _("JST biorące udział w opublikowanych edycjach, z rodzajem i województwem."),
        "fields": [
            ("edycja", _("identyfikator edycji")),
            ("teryt", _("kod TERYT (TERC) jednostki")),
            ("jst", _("nazwa jednoznaczna JST")),
            (
                "rodzaj",
                _(
                    "rodzaj JST: urban_gmina (gmina miejska), city_powiat (miasto na prawach powiatu), "
                    "urban_rural_gmina (gmina miejsko-wiejska), rural_gmina (gmina wiejska), powiat, "
                    "voivodeship (samorząd województwa)"
                ),
            ),
            ("wojewodztwo", _("województwo")),
        ],
    },
    "obszary": {
        "title": _("Wybrane obszary"),
        "description": _("Liczba JST, które wybrały każdy obszar; JST z dwoma obszarami liczy się w każdym z nich."),
        "fields": [
            ("edycja", _("identyfikator edycji")),
            ("obszar", _("obszar działań oświatowych z katalogu modelu")),
            ("liczba_jst", _("liczba JST, które wybrały obszar")),
        ],
    },
}

FORMATS = ("csv", "json")
