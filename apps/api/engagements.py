"""Engagements (karta JST), scoped as on the pages: the edition's organiser staff, the coordinator, and the JST's
own team and advisors: stage, chosen areas, the advisor pair, the active team."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from apps.engagements.models import AdvisorAssignment, Stage, TeamMember
from apps.engagements.selectors import engagements_visible_to, with_card_data
from apps.territory.kinds import WorkshopGroup

from .base import ApiViewSet, choice, enum_parameter, ordered, ordering_parameter, positive_id, query, text_parameter
from .permissions import SignedIn, TokenScope
from .recruitment import JstSerializer, represent_jst
from .registry import router

ORDERINGS = {
    "jst": ("local_government__display_name", "pk"),
    "-jst": ("-local_government__display_name", "-pk"),
    "stage": ("stage", "local_government__display_name", "pk"),
    "created_at": ("created_at", "pk"),
    "-created_at": ("-created_at", "-pk"),
}


class ChosenAreaSerializer(serializers.Serializer):
    area = serializers.IntegerField(source="area_id")
    name = serializers.CharField(source="area.name")
    confirmed_at = serializers.DateTimeField(allow_null=True)


class AdvisorSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=AdvisorAssignment.Role.choices)
    full_name = serializers.CharField(source="user.full_name")
    email = serializers.EmailField(source="user.email")


class TeamMemberSerializer(serializers.Serializer):
    full_name = serializers.CharField()
    position = serializers.CharField()
    kind = serializers.ChoiceField(choices=TeamMember.Kind.choices)
    school_name = serializers.CharField()
    is_leader = serializers.BooleanField()
    is_management = serializers.BooleanField()


class EngagementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    edition = serializers.CharField(source="edition.slug")
    local_government = JstSerializer()
    workshop_group = serializers.ChoiceField(choices=WorkshopGroup.choices)
    stage = serializers.ChoiceField(choices=Stage.choices)
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    areas = ChosenAreaSerializer(many=True, source="chosen_areas.all")
    advisors = AdvisorSerializer(many=True, source="advisor_assignments.all")
    team = TeamMemberSerializer(many=True, source="active_team")


def represent_engagement(engagement) -> dict:
    """What ``EngagementSerializer`` describes, built directly (a page of 100 in a few milliseconds)."""
    withdrawn = engagement.withdrawn_at
    return {
        "id": engagement.pk,
        "edition": engagement.edition.slug,
        "local_government": represent_jst(engagement.local_government),
        "workshop_group": engagement.workshop_group,
        "stage": engagement.stage,
        "withdrawn_at": timezone.localtime(withdrawn) if withdrawn else None,
        "areas": [
            {
                "area": chosen.area_id,
                "name": chosen.area.name,
                "confirmed_at": timezone.localtime(chosen.confirmed_at) if chosen.confirmed_at else None,
            }
            for chosen in engagement.chosen_areas.all()
        ],
        "advisors": [
            {"role": a.role, "full_name": a.user.full_name, "email": a.user.email}
            for a in engagement.advisor_assignments.all()
        ],
        "team": [
            {
                "full_name": m.full_name,
                "position": m.position,
                "kind": m.kind,
                "school_name": m.school_name,
                "is_leader": m.is_leader,
                "is_management": m.is_management,
            }
            for m in engagement.active_team
        ],
    }


def engagements_for(user):
    return with_card_data(engagements_visible_to(user))


LIST_PARAMETERS = [
    text_parameter("edition", "Identyfikator edycji / edition's slug."),
    enum_parameter("stage", Stage.values, "Etap / stage."),
    enum_parameter("withdrawn", ["true", "false"], "Wycofane lub nie / withdrawn or not."),
    ordering_parameter(ORDERINGS),
]


@extend_schema_view(
    list=extend_schema(summary="Engagements you may see", parameters=LIST_PARAMETERS),
    retrieve=extend_schema(summary="One engagement with its stage, areas, advisors and team"),
)
class EngagementViewSet(ApiViewSet):
    serializer_class = EngagementSerializer
    permission_classes = (SignedIn, TokenScope)
    represent = staticmethod(represent_engagement)

    def get_queryset(self):
        request = self.request
        queryset = engagements_for(request.user)
        edition = query(request, "edition")
        if edition:
            queryset = queryset.filter(edition__slug=edition)
        stage = choice(request, "stage", Stage.values)
        if stage:
            queryset = queryset.filter(stage=stage)
        withdrawn = choice(request, "withdrawn", ["true", "false"])
        if withdrawn:
            queryset = queryset.filter(withdrawn_at__isnull=withdrawn == "false")
        return ordered(request, queryset, ORDERINGS, "jst")

    def get_object(self):
        return get_object_or_404(engagements_for(self.request.user), pk=positive_id(self.kwargs["pk"]))


router.register("engagements", EngagementViewSet, basename="engagement")
