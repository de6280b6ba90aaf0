"""Published editions (public): their dates, their calls and, once published, the recruitment's results."""

from dataclasses import asdict

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.editions.models import Edition, Phase
from apps.recruitment.completeness import call_phase
from apps.recruitment.models import CallAttachment
from apps.recruitment.selectors import public_results
from apps.territory.kinds import JstKind

from .base import ApiViewSet, ordered, ordering_parameter, query, text_parameter
from .registry import router

ORDERINGS = {
    "period_start": ("period_start", "name", "pk"),
    "-period_start": ("-period_start", "name", "pk"),
    "recruitment_deadline": ("recruitment_deadline", "name", "pk"),
    "-recruitment_deadline": ("-recruitment_deadline", "name", "pk"),
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
}


def _call(edition):
    try:
        return edition.call
    except Edition.call.RelatedObjectDoesNotExist:
        return None


class OrganiserSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class EditionSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    organiser = OrganiserSerializer()
    description = serializers.CharField()
    catalogue_version = serializers.IntegerField(source="catalogue_version.number")
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    capacity = serializers.IntegerField()
    eligible_jst_kinds = serializers.ListField(child=serializers.ChoiceField(choices=JstKind.choices))
    recruitment_opens_on = serializers.DateField()
    recruitment_deadline = serializers.DateField()
    results_date = serializers.DateField()
    phase = serializers.SerializerMethodField()
    call_phase = serializers.SerializerMethodField()
    results_published = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=Phase.choices))
    def get_phase(self, edition) -> str:
        return edition.phase()

    @extend_schema_field(serializers.ChoiceField(choices=["upcoming", "open", "closed"]))
    def get_call_phase(self, edition) -> str:
        return call_phase(edition)

    def get_results_published(self, edition) -> bool:
        call = _call(edition)
        return bool(call and call.results_published)


class EventSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    place = serializers.CharField()


class AttachmentSerializer(serializers.Serializer):
    title = serializers.CharField()
    filename = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str:
        path = reverse("recruitment:attachment", kwargs={"slug": attachment.edition.slug, "pk": attachment.pk})
        return self.context["request"].build_absolute_uri(path)


class CallSerializer(serializers.Serializer):
    introduction = serializers.CharField()
    paper_address = serializers.CharField()
    results_published_at = serializers.DateTimeField(allow_null=True)


class EditionDetailSerializer(EditionSerializer):
    contact_name = serializers.CharField()
    contact_email = serializers.CharField()
    contact_phone = serializers.CharField()
    planned_events = EventSerializer(many=True)
    call = serializers.SerializerMethodField()
    call_attachments = AttachmentSerializer(many=True)

    @extend_schema_field(CallSerializer(allow_null=True))
    def get_call(self, edition):
        call = _call(edition)
        return CallSerializer(call).data if call else None


class ResultJstSerializer(serializers.Serializer):
    name = serializers.CharField()
    voivodeship = serializers.CharField()


class ResultsGroupSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=JstKind.choices)
    label = serializers.CharField()
    jsts = ResultJstSerializer(many=True)


class ResultsSerializer(serializers.Serializer):
    edition = serializers.CharField()
    results_published_at = serializers.DateTimeField()
    qualified = ResultsGroupSerializer(many=True)


def published_editions():
    return Edition.objects.filter(status=Edition.Status.PUBLISHED).select_related(
        "organiser", "call", "catalogue_version"
    )


@extend_schema_view(
    list=extend_schema(
        summary="Published editions with their recruitment dates",
        parameters=[
            text_parameter("organiser", "Identyfikator organizatora / organiser's slug."),
            ordering_parameter(ORDERINGS),
        ],
    ),
    retrieve=extend_schema(summary="One published edition with its call, attachments and timetable"),
)
class EditionViewSet(ApiViewSet):
    permission_classes = ()
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"

    def get_serializer_class(self):
        return EditionDetailSerializer if self.action == "retrieve" else EditionSerializer

    def get_queryset(self):
        queryset = published_editions()
        organiser = query(self.request, "organiser")
        if organiser:
            queryset = queryset.filter(organiser__slug=organiser)
        return ordered(self.request, queryset, ORDERINGS, "-period_start")

    def get_object(self):
        attachments = CallAttachment.objects.select_related("edition").order_by("uploaded_at", "pk")
        return get_object_or_404(
            published_editions().prefetch_related("planned_events", Prefetch("call_attachments", queryset=attachments)),
            slug=self.kwargs["slug"],
        )

    @extend_schema(
        summary="The qualified local governments, once the results are published (404 before)",
        responses=ResultsSerializer,
    )
    @action(detail=True, url_path="results")
    def results(self, request, slug=None):
        edition, call, groups = public_results(slug)
        data = {
            "edition": edition.slug,
            "results_published_at": call.results_published_at,
            "qualified": [{"kind": g.kind, "label": str(g.label), "jsts": [asdict(r) for r in g.jsts]} for g in groups],
        }
        return Response(ResultsSerializer(data).data)


router.register("editions", EditionViewSet, basename="edition")
