"""The TERYT register (public): every active JST, filtered by kind, voivodeship and a search."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from apps.territory.kinds import JstKind
from apps.territory.selectors import local_government_detail, local_governments, matching

from .base import ApiViewSet, choice, enum_parameter, query, text_parameter
from .registry import router


class UnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class LocalGovernmentSerializer(serializers.Serializer):
    teryt = serializers.CharField()
    name = serializers.CharField()
    display_name = serializers.CharField()
    kind = serializers.ChoiceField(choices=JstKind.choices)
    voivodeship = UnitSerializer(allow_null=True)
    powiat = UnitSerializer(allow_null=True)
    is_active = serializers.BooleanField()
    valid_from = serializers.DateField()


LIST_PARAMETERS = [
    enum_parameter("kind", JstKind.values, "Rodzaj JST / kind of local government."),
    text_parameter("voivodeship", "Kod TERYT województwa (2 cyfry) / voivodeship TERYT code (2 digits)."),
    text_parameter(
        "q",
        "Szukaj w nazwie (wielkość liter i polskie znaki bez znaczenia) lub po początku kodu TERYT / search the "
        "name (case and Polish diacritics optional) or the start of the TERYT code; results best match first.",
    ),
]


@extend_schema_view(
    list=extend_schema(summary="TERYT register: active local governments", parameters=LIST_PARAMETERS),
    retrieve=extend_schema(summary="One local government by TERYT code (also no longer active ones)"),
)
class LocalGovernmentViewSet(ApiViewSet):
    serializer_class = LocalGovernmentSerializer
    permission_classes = ()  # public (a token, if sent, still counts for its throttle and history)
    lookup_field = "teryt"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        queryset = local_governments()
        kind = choice(self.request, "kind", JstKind.values)
        if kind:
            queryset = queryset.filter(kind=kind)
        voivodeship = query(self.request, "voivodeship")
        if voivodeship:
            queryset = queryset.filter(voivodeship__code=voivodeship)
        text = query(self.request, "q")
        return matching(queryset, text) if text else queryset.order_by("teryt")

    def get_object(self):
        return local_government_detail(self.kwargs["teryt"])


router.register("teryt", LocalGovernmentViewSet, basename="teryt")
