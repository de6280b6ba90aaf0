"""HDR actions and their progress, scoped as the HDR pages (the JST's team and advisors, the edition's organiser
staff, the coordinator); recording progress goes through the monitoring service (the team and the advisors)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.permissions import can
from apps.plans import services as plan_services
from apps.plans.models import DevelopmentPlan, PlannedAction
from apps.plans.progress import effective_progress
from apps.plans.selectors import plans_visible_to

from .base import (
    MAX_ID,
    ApiViewSet,
    choice,
    enum_parameter,
    ordered,
    ordering_parameter,
    positive_id,
    query,
    text_parameter,
)
from .errors import forbidden
from .permissions import SignedIn, TokenScope
from .registry import router

ORDERINGS = {
    "start_month": ("start_month", "order", "pk"),
    "end_month": ("end_month", "order", "pk"),
    "-end_month": ("-end_month", "-order", "-pk"),
    "progress": ("progress", "pk"),
    "-progress": ("-progress", "-pk"),
    "plan": ("plan_id", "order", "pk"),
}


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    engagement = serializers.IntegerField(source="plan.engagement_id")
    plan_status = serializers.ChoiceField(source="plan.status", choices=DevelopmentPlan.Status.choices)
    monitored = serializers.SerializerMethodField()
    title = serializers.CharField()
    priority = serializers.CharField(source="priority.title", allow_null=True)
    responsible = serializers.CharField()
    start_month = serializers.DateField()
    end_month = serializers.DateField()
    indicator_name = serializers.CharField()
    indicator_unit = serializers.CharField()
    indicator_baseline = serializers.CharField()
    indicator_target = serializers.CharField()
    status = serializers.ChoiceField(choices=PlannedAction.Status.choices)
    progress = serializers.IntegerField()
    effective_progress = serializers.SerializerMethodField()

    def get_monitored(self, action) -> bool:
        """Whether the HDR is approved, so that progress can be recorded."""
        return action.plan.approved_version_id is not None

    def get_effective_progress(self, action) -> int:
        return effective_progress(action)


class ProgressSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=PlannedAction.Status.choices)
    progress = serializers.IntegerField(min_value=0, max_value=100)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


def actions_for(user):
    return PlannedAction.objects.filter(plan__in=plans_visible_to(user)).select_related("plan", "priority")


LIST_PARAMETERS = [
    text_parameter("engagement", "Identyfikator karty JST / engagement id."),
    text_parameter("edition", "Identyfikator edycji / edition's slug."),
    enum_parameter("status", PlannedAction.Status.values, "Stan realizacji / action status."),
    ordering_parameter(ORDERINGS),
]


@extend_schema_view(
    list=extend_schema(summary="HDR actions you may see, with their progress", parameters=LIST_PARAMETERS),
    retrieve=extend_schema(summary="One HDR action with its progress"),
)
class PlannedActionViewSet(ApiViewSet):
    serializer_class = ActionSerializer
    permission_classes = (SignedIn, TokenScope)

    def get_queryset(self):
        request = self.request
        queryset = actions_for(request.user)
        engagement = query(request, "engagement")
        if engagement:
            valid = engagement.isdigit() and 0 < int(engagement) <= MAX_ID
            queryset = queryset.filter(plan__engagement_id=int(engagement)) if valid else queryset.none()
        edition = query(request, "edition")
        if edition:
            queryset = queryset.filter(plan__engagement__edition__slug=edition)
        action_status = choice(request, "status", PlannedAction.Status.values)
        if action_status:
            queryset = queryset.filter(status=action_status)
        return ordered(request, queryset, ORDERINGS, "plan")

    def get_object(self):
        return get_object_or_404(actions_for(self.request.user), pk=positive_id(self.kwargs["pk"]))

    @extend_schema(
        summary="Record an action's progress (the JST's team and advisors, once the HDR is approved)",
        request=ProgressSerializer,
        responses={201: ActionSerializer},
    )
    @action(detail=True, methods=["post"], url_path="progress")
    def progress(self, request, pk=None):
        planned = self.get_object()
        if not can(request.user, "plan.monitor", planned.plan):
            raise forbidden()
        data = ProgressSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan_services.record_action_progress(action=planned, by=request.user, **data.validated_data)
        return Response(ActionSerializer(self.get_object()).data, status=status.HTTP_201_CREATED)


router.register("hdr-actions", PlannedActionViewSet, basename="hdr-action")
