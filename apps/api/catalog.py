"""The model's catalogue (public): published versions, each with its areas, solutions and forms."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from apps.catalog.models import CatalogVersion
from apps.catalog.selectors import with_contents

from .base import ApiViewSet, positive_id
from .registry import router


class SolutionSerializer(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()
    kind = serializers.CharField()
    order = serializers.IntegerField()


class CatalogueAreaSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()
    order = serializers.IntegerField()
    solutions = SolutionSerializer(many=True)


class CodedItemSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    order = serializers.IntegerField()


class VersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    label = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)


class VersionDetailSerializer(VersionSerializer):
    notes = serializers.CharField()
    areas = CatalogueAreaSerializer(many=True)
    support_forms = CodedItemSerializer(many=True)
    cycle_steps = CodedItemSerializer(many=True)
    summary_forms = CodedItemSerializer(many=True)


def published_versions():
    return CatalogVersion.objects.filter(status=CatalogVersion.Status.PUBLISHED).order_by("-number")


@extend_schema_view(
    list=extend_schema(summary="Published versions of the catalogue, newest first"),
    retrieve=extend_schema(summary="One published catalogue version with its contents"),
)
class CatalogueVersionViewSet(ApiViewSet):
    permission_classes = ()
    lookup_field = "number"
    lookup_value_regex = "[^/]+"

    def get_serializer_class(self):
        return VersionDetailSerializer if self.action == "retrieve" else VersionSerializer

    def get_queryset(self):
        if self.action == "retrieve":
            return with_contents(published_versions())
        return published_versions()

    def get_object(self):
        from django.shortcuts import get_object_or_404

        return get_object_or_404(self.get_queryset(), number=positive_id(self.kwargs["number"]))


router.register("catalogue-versions", CatalogueVersionViewSet, basename="catalogue-version")
