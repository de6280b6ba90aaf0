"""Applications (organiser staff of the edition and the coordinator, as on the desk): documents' state, decisions;
recording a paper document's receipt (the edition's staff, with a read-write token)."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.permissions import can
from apps.editions.selectors import editions_visible_to
from apps.recruitment import services as recruitment_services
from apps.recruitment.kinds import DeliveryMethod, DocumentKind
from apps.recruitment.models import Application, DocumentReceipt
from apps.recruitment.selectors import document_states
from apps.territory.kinds import JstKind

from .base import ApiViewSet, choice, enum_parameter, ordered, ordering_parameter, positive_id, query, text_parameter
from .errors import forbidden
from .permissions import SignedIn, TokenScope
from .registry import router

Status = Application.Status
LISTED_STATUSES = [s for s in Status.values if s != Status.DRAFT]
ORDERINGS = {
    "submitted_at": ("submitted_at", "pk"),
    "-submitted_at": ("-submitted_at", "-pk"),
    "jst": ("local_government__display_name", "pk"),
    "-jst": ("-local_government__display_name", "-pk"),
    "status": ("status", "reserve_rank", "pk"),
}


class JstSerializer(serializers.Serializer):
    teryt = serializers.CharField()
    display_name = serializers.CharField()
    kind = serializers.ChoiceField(choices=JstKind.choices)
    voivodeship = serializers.CharField(source="voivodeship.name", allow_null=True)


class ReceiptSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    method = serializers.ChoiceField(choices=DeliveryMethod.choices)
    received_on = serializers.DateField()
    late = serializers.BooleanField(source="is_late")
    rejected = serializers.BooleanField(source="is_rejected")
    rejection_reason = serializers.CharField()


class DocumentStateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    label = serializers.CharField()
    received = serializers.SerializerMethodField()
    receipts = ReceiptSerializer(many=True)

    def get_received(self, state) -> bool:
        return state.counted is not None


class DecisionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    decided_at = serializers.DateTimeField(allow_null=True)
    reserve_rank = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField(source="decision_reason")


class ApplicationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    edition = serializers.CharField(source="edition.slug")
    local_government = JstSerializer()
    status = serializers.ChoiceField(choices=Status.choices)
    submitted_at = serializers.DateTimeField(allow_null=True)
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    documents_received = serializers.IntegerField()
    documents_complete_on = serializers.DateField(allow_null=True)
    has_late_documents = serializers.BooleanField()
    documents = serializers.SerializerMethodField()
    decision = DecisionSerializer(source="*")
    engagement = serializers.IntegerField(source="engagement_id", allow_null=True)

    @extend_schema_field(DocumentStateSerializer(many=True))
    def get_documents(self, application):
        return DocumentStateSerializer(document_states(application, with_generated=False), many=True).data


def _when(value):
    return timezone.localtime(value) if value else None


def represent_jst(jst) -> dict:
    voivodeship = jst.voivodeship
    return {
        "teryt": jst.teryt,
        "display_name": jst.display_name,
        "kind": jst.kind,
        "voivodeship": voivodeship.name if voivodeship else None,
    }


def represent_application(application) -> dict:
    """What ``ApplicationSerializer`` describes, built directly (a page of 100 in a few milliseconds)."""
    return {
        "id": application.pk,
        "edition": application.edition.slug,
        "local_government": represent_jst(application.local_government),
        "status": application.status,
        "submitted_at": _when(application.submitted_at),
        "withdrawn_at": _when(application.withdrawn_at),
        "documents_received": application.documents_received,
        "documents_complete_on": application.documents_complete_on,
        "has_late_documents": application.has_late_documents,
        "documents": [
            {
                "kind": state.kind,
                "label": str(state.label),
                "received": state.counted is not None,
                "receipts": [
                    {
                        "id": r.pk,
                        "method": r.method,
                        "received_on": r.received_on,
                        "late": r.is_late,
                        "rejected": r.is_rejected,
                        "rejection_reason": r.rejection_reason,
                    }
                    for r in state.receipts
                ],
            }
            for state in document_states(application, with_generated=False)
        ],
        "decision": {
            "status": application.status,
            "decided_at": _when(application.decided_at),
            "reserve_rank": application.reserve_rank,
            "reason": application.decision_reason,
        },
        "engagement": application.engagement_id,
    }


class PaperReceiptSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    received_on = serializers.DateField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


def applications_for(user):
    """The desk's applications: of the editions the user may review (its organiser's; the coordinator all)."""
    receipts = DocumentReceipt.objects.order_by("received_on", "created_at")
    return (
        Application.objects.filter(edition__in=editions_visible_to(user))
        .exclude(status=Status.DRAFT)
        .select_related("edition", "local_government", "local_government__voivodeship")
        .prefetch_related(Prefetch("receipts", queryset=receipts))
    )


LIST_PARAMETERS = [
    text_parameter("edition", "Identyfikator edycji / edition's slug."),
    enum_parameter("status", LISTED_STATUSES, "Stan zgłoszenia / application status."),
    enum_parameter("kind", JstKind.values, "Rodzaj JST / kind of local government."),
    text_parameter("voivodeship", "Kod TERYT województwa / voivodeship TERYT code."),
    enum_parameter("documents", ["complete", "incomplete"], "Komplet dokumentów / documents complete or not."),
    ordering_parameter(ORDERINGS),
]


@extend_schema_view(
    list=extend_schema(summary="Applications of the editions you review", parameters=LIST_PARAMETERS),
    retrieve=extend_schema(summary="One application with its documents' state and the decision"),
)
class ApplicationViewSet(ApiViewSet):
    serializer_class = ApplicationSerializer
    permission_classes = (SignedIn, TokenScope)
    represent = staticmethod(represent_application)

    def get_queryset(self):
        queryset = applications_for(self.request.user)
        request = self.request
        edition = query(request, "edition")
        if edition:
            queryset = queryset.filter(edition__slug=edition)
        filters = {
            "status": choice(request, "status", LISTED_STATUSES),
            "local_government__kind": choice(request, "kind", JstKind.values),
            "local_government__voivodeship__code": query(request, "voivodeship"),
        }
        queryset = queryset.filter(**{k: v for k, v in filters.items() if v})
        documents = choice(request, "documents", ["complete", "incomplete"])
        if documents:
            queryset = queryset.filter(documents_complete_on__isnull=documents == "incomplete")
        return ordered(request, queryset, ORDERINGS, "submitted_at")

    def get_object(self):
        return get_object_or_404(applications_for(self.request.user), pk=positive_id(self.kwargs["pk"]))

    @extend_schema(
        summary="Record the date a paper document arrived (the edition's organiser staff)",
        request=PaperReceiptSerializer,
        responses={201: ApplicationSerializer},
    )
    @action(detail=True, methods=["post"], url_path="paper-receipts")
    def paper_receipts(self, request, pk=None):
        application = self.get_object()
        if not can(request.user, "recruitment.manage", application.edition):
            raise forbidden()
        data = PaperReceiptSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        recruitment_services.record_receipt(application=application, by=request.user, **data.validated_data)
        return Response(represent_application(self.get_object()), status=status.HTTP_201_CREATED)


router.register("applications", ApplicationViewSet, basename="application")
