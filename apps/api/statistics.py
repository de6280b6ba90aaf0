"""The public open data (no login): exactly the datasets of ``/otwarte-dane/`` (``apps.statistics.opendata.DATASETS``,
rows from ``apps.statistics.selectors.open_data``: only published editions, no personal data), one list endpoint
each with its data dictionary in the schema, and an index of the datasets with their row counts.

The staff's headline figures (``statistics.HEADLINES``, the national view) are not public and are not served here."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from apps.statistics.opendata import DATASETS
from apps.statistics.selectors import open_data
from apps.territory.kinds import JstKind

from .base import ApiListViewSet, choice, enum_parameter, ordering_parameter, query, text_parameter
from .registry import router

# The type of a field in the API (a field not named here is a string).
_TYPES = {
    "liczba_jst": lambda text: serializers.IntegerField(help_text=text),
    "poczatek": lambda text: serializers.DateField(help_text=text),
    "koniec": lambda text: serializers.DateField(help_text=text),
    "rodzaj": lambda text: serializers.ChoiceField(choices=JstKind.choices, help_text=text),
}

# Per dataset: its orderings (the first: the order of the open data files) and its filters beyond ``edition``.
ORDERINGS = {
    "edycje": {
        "poczatek": ("poczatek", "edycja"),
        "-poczatek": ("-poczatek", "edycja"),
        "nazwa": ("nazwa", "edycja"),
        "-liczba_jst": ("-liczba_jst", "edycja"),
    },
    "jst": {
        "edycja": None,
        "jst": ("jst", "edycja"),
        "teryt": ("teryt", "edycja"),
    },
    "obszary": {
        "edycja": None,
        "-liczba_jst": ("-liczba_jst", "obszar", "edycja"),
        "obszar": ("obszar", "edycja"),
    },
}


def _serializer(dataset: str):
    fields = {
        name: _TYPES.get(name, lambda text: serializers.CharField(help_text=text))(text)
        for name, text in DATASETS[dataset]["fields"]
    }
    name = "OpenData" + dataset.capitalize() + "Row"
    return type(name, (serializers.Serializer,), fields)


def _sorted(rows: list[dict], keys) -> list[dict]:
    """Rows in the order of ``keys`` (stable sorts from the last key; ``-`` for descending)."""
    for key in reversed(keys or ()):
        field = key.removeprefix("-")
        rows = sorted(rows, key=lambda row, field=field: row[field], reverse=key.startswith("-"))
    return rows


def _parameters(dataset: str) -> list:
    parameters = [text_parameter("edition", "Identyfikator edycji / edition's slug (pole / field `edycja`).")]
    if dataset == "jst":
        parameters += [
            enum_parameter("jst_kind", JstKind.values, "Rodzaj JST / kind of local government (`rodzaj`)."),
            text_parameter(
                "voivodeship", "Kod TERYT województwa (2 cyfry) / voivodeship TERYT code (2 digits, start of `teryt`)."
            ),
        ]
    if dataset == "obszary":
        parameters.append(text_parameter("area", "Obszar katalogu (pełna nazwa) / catalogue area (`obszar`)."))
    return [*parameters, ordering_parameter(ORDERINGS[dataset])]


def dataset_rows(request, dataset: str) -> list[dict]:
    """The dataset's rows filtered and ordered by the request's documented parameters (one query)."""
    ordering = choice(request, "ordering", ORDERINGS[dataset])
    edition = query(request, "edition")
    jst_kind = choice(request, "jst_kind", JstKind.values) if dataset == "jst" else ""
    voivodeship = query(request, "voivodeship") if dataset == "jst" else ""
    area = query(request, "area") if dataset == "obszary" else ""
    rows = [
        row
        for row in open_data(dataset)
        if (not edition or row["edycja"] == edition)
        and (not jst_kind or row["rodzaj"] == jst_kind)
        and (not voivodeship or (len(voivodeship) == 2 and row["teryt"][:2] == voivodeship))
        and (not area or row["obszar"] == area)
    ]
    return _sorted(rows, ORDERINGS[dataset][ordering]) if ordering else rows


def _viewset(dataset: str):
    meta = DATASETS[dataset]

    class DatasetViewSet(ApiListViewSet):
        permission_classes = ()  # public
        serializer_class = _serializer(dataset)

        def get_queryset(self):
            return dataset_rows(self.request, dataset)

    DatasetViewSet.__name__ = DatasetViewSet.__qualname__ = f"OpenData{dataset.capitalize()}ViewSet"
    return extend_schema_view(
        list=extend_schema(
            summary=f"Open data: {dataset}",
            description=f"{meta['description']} (CSV/JSON: /otwarte-dane/{dataset}.csv, .json)",
            parameters=_parameters(dataset),
        )
    )(DatasetViewSet)


class FieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()


class DatasetSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Stała nazwa zbioru / the dataset's stable name.")
    title = serializers.CharField()
    description = serializers.CharField()
    count = serializers.IntegerField(help_text="Liczba wierszy / number of rows.")
    fields = FieldSerializer(many=True, help_text="Słownik danych / data dictionary.")
    url = serializers.CharField(help_text="The dataset's API list.")
    csv_url = serializers.CharField()
    json_url = serializers.CharField()


def datasets() -> list[dict]:
    """The open datasets as on ``/otwarte-dane/``, with their number of rows (one query a dataset)."""
    return [
        {
            "name": name,
            "title": str(meta["title"]),
            "description": str(meta["description"]),
            "count": len(open_data(name)),
            "fields": [{"name": field, "description": str(text)} for field, text in meta["fields"]],
            "url": reverse(f"api:open-data-{name}-list"),
            "csv_url": reverse("statistics:open_data_file", kwargs={"dataset": name, "fmt": "csv"}),
            "json_url": reverse("statistics:open_data_file", kwargs={"dataset": name, "fmt": "json"}),
        }
        for name, meta in DATASETS.items()
    ]


@extend_schema_view(list=extend_schema(summary="Open data: the datasets, their data dictionaries and row counts"))
class OpenDataViewSet(ApiListViewSet):
    permission_classes = ()  # public
    serializer_class = DatasetSerializer

    def get_queryset(self):
        return datasets()


router.register("open-data", OpenDataViewSet, basename="open-data")
for _name in DATASETS:
    router.register(f"open-data/{_name}", _viewset(_name), basename=f"open-data-{_name}")
