"""Events, their registrations and attendance, for the organiser's staff of the edition and the coordinator
(scoped as the organiser's desk: ``events.selectors.event_for_desk``; everybody else 404); checking a participant
in by their code goes through the events service (the edition's staff, with a read-write token)."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.accounts.roles import roles_of
from apps.core.permissions import can
from apps.editions.models import PlannedEvent
from apps.events import selectors as event_selectors
from apps.events import services as event_services
from apps.events.models import CheckIn, Diet, Event, Registration, RoomChoice
from apps.territory.kinds import WorkshopGroup

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

EVENT_ORDERINGS = {
    "starts_on": ("planned_event__starts_on", "pk"),
    "-starts_on": ("-planned_event__starts_on", "-pk"),
    "title": ("planned_event__title", "pk"),
}
REGISTRATION_ORDERINGS = {
    "full_name": ("full_name", "pk"),
    "-full_name": ("-full_name", "-pk"),
    "created_at": ("created_at", "pk"),
    "-created_at": ("-created_at", "-pk"),
    "jst": ("engagement__local_government__display_name", "full_name", "pk"),
}
Status = Registration.Status


def _desk_events(user):
    """The events whose organiser's pages the person may open (its staff; the coordinator all of them)."""
    roles = roles_of(user)
    events = Event.objects.select_related("planned_event__edition", "venue")
    if roles.is_coordinator:
        return events
    return events.filter(planned_event__edition__organiser_id__in=roles.staff_of)


def _with_numbers(events):
    registered = Q(registrations__status=Status.REGISTERED)
    return events.annotate(
        registered_count=Count("registrations", filter=registered, distinct=True),
        waiting_count=Count("registrations", filter=Q(registrations__status=Status.WAITING), distinct=True),
        present_count=Count(
            "registrations", filter=registered & Q(registrations__check_ins__isnull=False), distinct=True
        ),
    )


class EventVenueSerializer(serializers.Serializer):
    name = serializers.CharField()
    address = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    directions_by_car = serializers.CharField()
    directions_by_public_transport = serializers.CharField()
    parking = serializers.CharField()


class OrganiserEventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    edition = serializers.CharField(source="planned_event.edition.slug")
    title = serializers.CharField()
    kind = serializers.ChoiceField(source="planned_event.kind", choices=PlannedEvent.Kind.choices)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    days = serializers.ListField(child=serializers.DateField())
    venue = EventVenueSerializer(allow_null=True)
    online_url = serializers.CharField()
    capacity = serializers.IntegerField()
    registration_deadline = serializers.DateField()
    registration_open = serializers.BooleanField()
    programme_sent_at = serializers.DateTimeField(allow_null=True)
    registered = serializers.IntegerField(source="registered_count")
    waiting = serializers.IntegerField(source="waiting_count")
    present = serializers.IntegerField(source="present_count", help_text="Obecni co najmniej jeden dzień.")


class RegistrationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    event = serializers.IntegerField(source="event_id")
    full_name = serializers.CharField()
    email = serializers.EmailField()
    engagement = serializers.IntegerField(source="engagement_id", allow_null=True)
    local_government = serializers.SerializerMethodField()
    workshop_group = serializers.ChoiceField(choices=[("", "—"), *WorkshopGroup.choices])
    status = serializers.ChoiceField(choices=Status.choices)
    code = serializers.CharField(help_text="Kod uczestnika (QR) / the participant's check-in code.")
    days = serializers.ListField(child=serializers.DateField())
    nights = serializers.ListField(child=serializers.DateField())
    room_choice = serializers.ChoiceField(choices=[("", "—"), *RoomChoice.choices])
    roommate = serializers.IntegerField(source="roommate_id", allow_null=True)
    meals = serializers.ListField(child=serializers.CharField(), help_text="dzień:posiłek / day:meal.")
    diet = serializers.ChoiceField(choices=Diet.choices)
    diet_note = serializers.CharField()
    parking = serializers.BooleanField()
    present_on = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_local_government(self, registration):
        engagement = registration.engagement
        return engagement.local_government.display_name if engagement else None

    @extend_schema_field(serializers.ListField(child=serializers.DateField()))
    def get_present_on(self, registration):
        return sorted(c.day for c in registration.check_ins.all())


class JstAttendanceSerializer(serializers.Serializer):
    engagement = serializers.IntegerField(source="engagement.pk")
    local_government = serializers.CharField(source="engagement.local_government.display_name")
    teryt = serializers.CharField(source="engagement.local_government.teryt")
    registered = serializers.IntegerField()
    present = serializers.IntegerField(help_text="Osoby obecne co najmniej jeden dzień.")
    missed = serializers.BooleanField(help_text="Nikt z zespołu JST nie był obecny.")


class AttendanceSerializer(serializers.Serializer):
    event = serializers.IntegerField()
    days = serializers.ListField(child=serializers.DateField())
    present_per_day = serializers.ListField(child=serializers.IntegerField())
    jsts = JstAttendanceSerializer(many=True)


class CheckInRequestSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=300, help_text="Kod uczestnika lub adres z kodu QR.")
    day = serializers.DateField(required=False, help_text="Dzień wydarzenia (domyślnie dziś).")


class CheckInSerializer(serializers.Serializer):
    registration = RegistrationSerializer()
    day = serializers.DateField()
    new = serializers.BooleanField(help_text="false: ta osoba była już potwierdzona tego dnia (jeden wpis).")


EVENT_PARAMETERS = [
    text_parameter("edition", "Identyfikator edycji / edition's slug."),
    enum_parameter("kind", PlannedEvent.Kind.values, "Rodzaj wydarzenia / kind of event."),
    ordering_parameter(EVENT_ORDERINGS),
]
REGISTRATION_PARAMETERS = [
    text_parameter("event", "Identyfikator wydarzenia / event id."),
    enum_parameter("status", Status.values, "Stan zgłoszenia / registration status."),
    enum_parameter("workshop_group", WorkshopGroup.values, "Grupa warsztatowa / workshop group."),
    text_parameter("q", "Szukaj w imieniu i nazwisku lub adresie e-mail / search name or e-mail."),
    ordering_parameter(REGISTRATION_ORDERINGS),
]


@extend_schema_view(
    list=extend_schema(summary="Events of the editions you run, with their numbers", parameters=EVENT_PARAMETERS),
    retrieve=extend_schema(summary="One event with its venue and numbers"),
)
class EventViewSet(ApiViewSet):
    serializer_class = OrganiserEventSerializer
    permission_classes = (SignedIn, TokenScope)

    def get_queryset(self):
        request = self.request
        queryset = _with_numbers(_desk_events(request.user))
        edition = query(request, "edition")
        if edition:
            queryset = queryset.filter(planned_event__edition__slug=edition)
        kind = choice(request, "kind", PlannedEvent.Kind.values)
        if kind:
            queryset = queryset.filter(planned_event__kind=kind)
        return ordered(request, queryset, EVENT_ORDERINGS, "starts_on")

    def get_object(self):
        return get_object_or_404(_with_numbers(_desk_events(self.request.user)), pk=positive_id(self.kwargs["pk"]))

    def _event(self) -> Event:
        return get_object_or_404(_desk_events(self.request.user), pk=positive_id(self.kwargs["pk"]))

    @extend_schema(
        summary="Attendance of an event: people present per day and per JST of the edition",
        responses=AttendanceSerializer,
    )
    @action(detail=True, url_path="attendance")
    def attendance(self, request, pk=None):
        event = self._event()
        per_day = dict(
            CheckIn.objects.filter(registration__event=event)
            .values("day")
            .annotate(n=Count("pk"))
            .values_list("day", "n")
            .order_by()
        )
        data = {
            "event": event.pk,
            "days": event.days,
            "present_per_day": [per_day.get(day, 0) for day in event.days],
            "jsts": event_selectors.attendance_by_jst(event),
        }
        return Response(AttendanceSerializer(data).data)

    @extend_schema(
        summary="Check a participant in by their code (the edition's organiser staff, a read-write token)",
        request=CheckInRequestSerializer,
        responses={200: CheckInSerializer, 201: CheckInSerializer},
    )
    @action(detail=True, methods=["post"], url_path="check-in")
    def check_in(self, request, pk=None):
        event = self._event()
        if not can(request.user, "event.manage", event):
            raise forbidden()
        data = CheckInRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        day = data.validated_data.get("day") or timezone.localdate()
        entry, new = event_services.check_in(event=event, by=request.user, code=data.validated_data["code"], day=day)
        registration = _registrations().get(pk=entry.registration_id)
        body = CheckInSerializer({"registration": registration, "day": entry.day, "new": new}).data
        return Response(body, status=status.HTTP_201_CREATED if new else status.HTTP_200_OK)


def _registrations():
    return Registration.objects.select_related("engagement__local_government").prefetch_related(
        Prefetch("check_ins", queryset=CheckIn.objects.only("pk", "registration_id", "day"))
    )


@extend_schema_view(
    list=extend_schema(
        summary="Registrations for the events of the editions you run (with the days each person was present)",
        parameters=REGISTRATION_PARAMETERS,
    ),
    retrieve=extend_schema(summary="One registration with its days, nights, meals and presence"),
)
class RegistrationViewSet(ApiViewSet):
    serializer_class = RegistrationSerializer
    permission_classes = (SignedIn, TokenScope)

    def _scoped(self):
        return _registrations().filter(event__in=_desk_events(self.request.user).values("pk"))

    def get_queryset(self):
        request = self.request
        queryset = self._scoped()
        event = query(request, "event")
        if event:
            valid = event.isdigit() and 0 < int(event) <= MAX_ID
            queryset = queryset.filter(event_id=int(event)) if valid else queryset.none()
        registration_status = choice(request, "status", Status.values)
        if registration_status:
            queryset = queryset.filter(status=registration_status)
        group = choice(request, "workshop_group", WorkshopGroup.values)
        if group:
            queryset = queryset.filter(workshop_group=group)
        text = query(request, "q")
        if text:
            queryset = queryset.filter(Q(full_name__icontains=text) | Q(email__icontains=text))
        return ordered(request, queryset, REGISTRATION_ORDERINGS, "full_name")

    def get_object(self):
        return get_object_or_404(self._scoped(), pk=positive_id(self.kwargs["pk"]))


router.register("events", EventViewSet, basename="event")
router.register("event-registrations", RegistrationViewSet, basename="event-registration")
