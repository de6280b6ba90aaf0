"""Every read of the recruitment, scoped: the public sees published calls and results; an applicant only its own
applications; the organiser's desk only the editions its staff runs (the coordinator all, read-only)."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.catalog.models import CatalogVersion
from apps.catalog.selectors import with_contents
from apps.core.permissions import can
from apps.documents.models import GeneratedDocument
from apps.editions.models import Edition
from apps.territory.kinds import JstKind, WorkshopGroup, workshop_group_for

from .completeness import call_phase
from .kinds import DOCUMENT_SLUGS, DocumentKind
from .models import Application, ApplicationNote, ApplicationTeamMember, Call, CallAttachment, DocumentReceipt
from .services import document_job_kind, stored_call

Status = Application.Status
DESK_PAGE_SIZE = 50


# Public ------------------------------------------------------------------------------------------------------


@dataclass
class PublicCalls:
    open: list[Edition] = field(default_factory=list)
    upcoming: list[Edition] = field(default_factory=list)
    closed: list[Edition] = field(default_factory=list)


def public_calls() -> PublicCalls:
    """Calls of published editions, grouped by where their recruitment stands now (one query)."""
    groups = PublicCalls()
    editions = Edition.objects.filter(status=Edition.Status.PUBLISHED).select_related("organiser", "call")
    for edition in editions.order_by("recruitment_deadline", "name"):
        getattr(groups, call_phase(edition)).append(edition)
    groups.closed.reverse()  # most recent first
    return groups


def public_call_for(user, slug: str) -> Edition:
    """A published edition's call with what its page shows; a draft only as a preview for its organiser."""
    edition = get_object_or_404(
        Edition.objects.select_related("organiser").prefetch_related(
            Prefetch("catalogue_version", queryset=with_contents(CatalogVersion.objects.all())),
            Prefetch("call_attachments", queryset=CallAttachment.objects.order_by("uploaded_at", "pk")),
        ),
        slug=slug,
    )
    if not edition.is_published and not can(user, "edition.view", edition):
        raise Http404
    return edition


def public_attachment(user, slug: str, pk: int) -> CallAttachment:
    edition = public_call_for(user, slug)
    return get_object_or_404(CallAttachment.objects.select_related("edition"), edition=edition, pk=pk)


@dataclass(frozen=True)
class ResultRow:
    name: str
    voivodeship: str


@dataclass
class ResultsGroup:
    kind: str
    label: str
    jsts: list[ResultRow]


def public_results(slug: str) -> tuple[Edition, Call, list[ResultsGroup]]:
    """The qualified JSTs of an edition whose results are published, grouped by JST kind; 404 before that.

    Only what the page prints is read (name, kind, voivodeship), as plain values."""
    edition = get_object_or_404(Edition.objects.select_related("organiser"), slug=slug, status=Edition.Status.PUBLISHED)
    call = stored_call(edition=edition)
    if not call.results_published:
        raise Http404
    qualified = (
        Application.objects.filter(edition=edition, status=Status.QUALIFIED)
        .order_by("local_government__display_name")
        .values_list("local_government__display_name", "local_government__kind", "local_government__voivodeship__name")
    )
    by_kind: dict[str, list[ResultRow]] = {}
    for name, kind, voivodeship in qualified:
        by_kind.setdefault(kind, []).append(ResultRow(name, voivodeship or ""))
    groups = [ResultsGroup(kind, JstKind(kind).label, by_kind[kind]) for kind in JstKind.values if kind in by_kind]
    return edition, call, groups


# The applicant --------------------------------------------------------------------------------------------------


def applications_of(user) -> QuerySet[Application]:
    if not user.is_authenticated:
        return Application.objects.none()
    return (
        Application.objects.filter(applicant=user)
        .select_related("edition", "edition__organiser", "edition__call", "local_government")
        .order_by("-created_at")
    )


def _with_application_data(queryset: QuerySet[Application]) -> QuerySet[Application]:
    return queryset.select_related(
        "edition",
        "edition__organiser",
        "edition__call",
        "edition__catalogue_version",
        "local_government",
        "local_government__voivodeship",
        "applicant",
        "decided_by",
    ).prefetch_related(
        "team",
        "areas",
        Prefetch(
            "receipts",
            queryset=DocumentReceipt.objects.select_related("recorded_by", "rejected_by").order_by(
                "received_on", "created_at"
            ),
        ),
    )


def own_application(user, pk: int) -> Application:
    """One of the user's own applications; anyone else's (another JST's) is 404."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(_with_application_data(Application.objects.filter(applicant=user)), pk=pk)


def application_for_files(user, pk: int) -> Application:
    """An application whose files the user may download: its applicant, the organiser staff, the coordinator."""
    application = get_object_or_404(Application.objects.select_related("edition"), pk=pk)
    if not can(user, "application.view", application):
        raise Http404
    return application


def generated_documents(application: Application) -> dict[str, GeneratedDocument | None]:
    """The newest generated PDF of each of the three documents (one query)."""
    content_type = ContentType.objects.get_for_model(Application)
    kinds = {document_job_kind(kind=kind): kind for kind in DocumentKind.values}
    found: dict[str, GeneratedDocument | None] = dict.fromkeys(DocumentKind.values)
    documents = GeneratedDocument.objects.filter(
        content_type=content_type, object_id=str(application.pk), kind__in=list(kinds)
    ).order_by("-created_at")
    for document in documents:
        kind = kinds[document.kind]
        if found[kind] is None:
            found[kind] = document
    return found


@dataclass
class DocumentState:
    kind: str
    label: str
    slug: str
    generated: GeneratedDocument | None
    receipts: list[DocumentReceipt]

    @property
    def valid(self) -> list[DocumentReceipt]:
        return [r for r in self.receipts if not r.is_rejected]

    @property
    def counted(self) -> DocumentReceipt | None:
        """The receipt that counts: the first one not rejected."""
        return self.valid[0] if self.valid else None


def document_states(application: Application, *, with_generated: bool = True) -> list[DocumentState]:
    generated = generated_documents(application) if with_generated else dict.fromkeys(DocumentKind.values)
    receipts = list(application.receipts.all())
    return [
        DocumentState(
            kind=kind,
            label=DocumentKind(kind).label,
            slug=DOCUMENT_SLUGS[kind],
            generated=generated[kind],
            receipts=[r for r in receipts if r.kind == kind],
        )
        for kind in DocumentKind.values
    ]


# The organiser's desk ------------------------------------------------------------------------------------------


def desk_edition(user, slug: str) -> Edition:
    """An edition whose recruitment the user may review (organiser staff, coordinator); 404 otherwise."""
    edition = get_object_or_404(Edition.objects.select_related("organiser", "catalogue_version"), slug=slug)
    if not can(user, "recruitment.review", edition):
        raise Http404
    return edition


def kinds_in_group(edition: Edition, group: str) -> list[str]:
    return [kind for kind in JstKind.values if workshop_group_for(kind, edition.workshop_group_overrides) == group]


@dataclass
class DeskFilters:
    status: str = ""
    kind: str = ""
    group: str = ""
    voivodeship: str = ""  # TERYT code
    documents: str = ""  # "complete" | "incomplete"
    late: bool = False
    q: str = ""


def desk_queryset(edition: Edition, filters: DeskFilters) -> QuerySet[Application]:
    """The applications on the organiser's list (drafts excluded: they are the applicants' own until submitted)."""
    queryset = Application.objects.filter(edition=edition).exclude(status=Status.DRAFT)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.kind:
        queryset = queryset.filter(local_government__kind=filters.kind)
    if filters.group:
        queryset = queryset.filter(local_government__kind__in=kinds_in_group(edition, filters.group))
    if filters.voivodeship:
        queryset = queryset.filter(local_government__voivodeship__code=filters.voivodeship)
    if filters.documents == "complete":
        queryset = queryset.filter(documents_complete_on__isnull=False)
    elif filters.documents == "incomplete":
        queryset = queryset.filter(documents_complete_on__isnull=True)
    if filters.late:
        queryset = queryset.filter(has_late_documents=True)
    if filters.q:
        queryset = queryset.filter(
            Q(local_government__search_text__contains=filters.q.lower()) | Q(local_government__teryt=filters.q)
        )
    return queryset.select_related("local_government", "local_government__voivodeship", "edition")


def with_team_sizes(applications: list[Application]) -> list[Application]:
    """Set ``team_size`` on each of a page's applications with one query (counting in the list's own query would
    group the whole filtered list, not just the page)."""
    sizes = dict(
        ApplicationTeamMember.objects.filter(application__in=[a.pk for a in applications])
        .values_list("application")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("application", "n")
    )
    for application in applications:
        application.team_size = sizes.get(application.pk, 0)
    return applications


def desk_ordering(queryset: QuerySet[Application]) -> QuerySet[Application]:
    # Undecided first, then the decided ones: qualified, reserve in rank order, rejected, withdrawn.
    order = Case(
        When(status=Status.SUBMITTED, then=Value(0)),
        When(status=Status.QUALIFIED, then=Value(1)),
        When(status=Status.RESERVE, then=Value(2)),
        When(status=Status.REJECTED, then=Value(3)),
        default=Value(4),
        output_field=IntegerField(),
    )
    return queryset.order_by(order, "reserve_rank", "submitted_at", "pk")


@dataclass(frozen=True)
class DeskRow:
    """One line of the organiser's list, already turned into text: the page shows 50 of them, and resolving labels,
    URLs and dates once per value instead of once per row keeps the page fast at a thousand applications."""

    pk: int
    url: str
    name: str
    kind: str
    group: str
    voivodeship: str
    submitted_at: str
    documents_complete: bool
    documents_received: int
    late: bool
    team_size: int
    status: str
    status_code: str  # for the badge's colour (the label is ``status``)
    reserve_rank: int | None


def desk_rows(edition: Edition, applications: list[Application]) -> list[DeskRow]:
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.formats import date_format

    # reverse() once: the other rows differ only in the number.
    url = reverse("recruitment:review", kwargs={"slug": edition.slug, "pk": 999999999}).replace("999999999", "{}")
    kinds = {value: str(label) for value, label in JstKind.choices}
    groups = {
        kind: str(WorkshopGroup(workshop_group_for(kind, edition.workshop_group_overrides)).label) for kind in kinds
    }
    statuses = {value: str(label) for value, label in Status.choices}
    return [
        DeskRow(
            pk=a.pk,
            url=url.format(a.pk),
            name=a.local_government.display_name,
            kind=kinds[a.local_government.kind],
            group=groups[a.local_government.kind],
            voivodeship=a.local_government.voivodeship.name,
            submitted_at=date_format(timezone.localtime(a.submitted_at), "d.m.Y H:i") if a.submitted_at else "",
            documents_complete=a.documents_complete_on is not None,
            documents_received=a.documents_received,
            late=a.has_late_documents,
            team_size=a.team_size,
            status=statuses[a.status],
            status_code=a.status,
            reserve_rank=a.reserve_rank,
        )
        for a in applications
    ]


DESK_ROW_FIELDS = [
    "status",
    "submitted_at",
    "documents_received",
    "documents_complete_on",
    "has_late_documents",
    "reserve_rank",
    "local_government__display_name",
    "local_government__kind",
    "local_government__voivodeship__name",
]


def desk_page(edition: Edition, filters: DeskFilters, page_number):
    # Only the columns the list shows: the applications' long texts stay in the database.
    queryset = desk_ordering(desk_queryset(edition, filters)).select_related(None)
    queryset = queryset.select_related("local_government__voivodeship").only(*DESK_ROW_FIELDS)
    page = Paginator(queryset, DESK_PAGE_SIZE).get_page(page_number)
    page.object_list = desk_rows(edition, with_team_sizes(list(page.object_list)))
    return page


@dataclass
class CountRow:
    label: str
    submitted: int = 0
    qualified: int = 0
    reserve: int = 0
    rejected: int = 0
    withdrawn: int = 0

    @property
    def total(self) -> int:
        return self.submitted + self.qualified + self.reserve + self.rejected + self.withdrawn


@dataclass
class DeskSummary:
    capacity: int
    qualified: int
    drafts: int
    by_kind: list[CountRow]
    by_group: list[CountRow]
    totals: CountRow
    complete: int
    late: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.qualified)


def desk_summary(edition: Edition) -> DeskSummary:
    """Counts per JST kind and workshop group against the capacity, in two queries."""
    rows = (
        Application.objects.filter(edition=edition)
        .values("local_government__kind", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_kind = {kind: CountRow(JstKind(kind).label) for kind in JstKind.values}
    by_group = {group: CountRow(WorkshopGroup(group).label) for group in WorkshopGroup.values}
    totals = CountRow("")
    drafts = 0
    for row in rows:
        status, kind, n = row["status"], row["local_government__kind"], row["n"]
        if status == Status.DRAFT:
            drafts += n
            continue
        group = workshop_group_for(kind, edition.workshop_group_overrides)
        for target in (by_kind[kind], by_group[group], totals):
            setattr(target, status, getattr(target, status) + n)
    documents = (
        Application.objects.filter(edition=edition)
        .exclude(status__in=[Status.DRAFT, Status.WITHDRAWN])
        .aggregate(
            complete=Count("pk", filter=Q(documents_complete_on__isnull=False)),
            late=Count("pk", filter=Q(has_late_documents=True)),
        )
    )
    eligible_groups = {workshop_group_for(k, edition.workshop_group_overrides) for k in edition.eligible_jst_kinds}
    return DeskSummary(
        capacity=edition.capacity,
        qualified=totals.qualified,
        drafts=drafts,
        by_kind=[row for kind, row in by_kind.items() if row.total or kind in edition.eligible_jst_kinds],
        by_group=[row for group, row in by_group.items() if row.total or group in eligible_groups],
        totals=totals,
        complete=documents["complete"],
        late=documents["late"],
    )


@dataclass
class PublicationPreview:
    """What publishing the results will do, from the data, for the page that asks first."""

    qualified: list[Application]
    reserve: int
    rejected: int
    undecided: int
    results_emails: int  # applicants told their result now (those already told about this decision are not)
    team_invitations: int  # people in the qualified JSTs' teams who get a link to the platform


def publication_preview(edition: Edition) -> PublicationPreview:
    applications = Application.objects.filter(edition=edition)
    counts = dict(applications.values_list("status").annotate(n=Count("pk")).order_by())
    decided = applications.filter(
        status__in=[Application.Status.QUALIFIED, Application.Status.RESERVE, Application.Status.REJECTED]
    )
    qualified = list(
        applications.filter(status=Application.Status.QUALIFIED)
        .select_related("local_government")
        .annotate(team_size=Count("team"))
        .order_by("local_government__name")
    )
    return PublicationPreview(
        qualified=qualified,
        reserve=counts.get(Application.Status.RESERVE, 0),
        rejected=counts.get(Application.Status.REJECTED, 0),
        undecided=counts.get(Application.Status.SUBMITTED, 0),
        results_emails=decided.exclude(notified_status=F("status")).count(),
        team_invitations=sum(a.team_size for a in qualified if a.engagement_id is None),
    )


def desk_application(edition: Edition, pk: int) -> Application:
    """A submitted (or decided) application of this edition, with everything its desk page shows."""
    queryset = _with_application_data(Application.objects.filter(edition=edition).exclude(status=Status.DRAFT))
    return get_object_or_404(
        queryset.prefetch_related(Prefetch("notes", queryset=ApplicationNote.objects.select_related("author"))),
        pk=pk,
    )


def receipt_of(application: Application, pk: int) -> DocumentReceipt:
    return get_object_or_404(DocumentReceipt.objects.select_related("application"), application=application, pk=pk)


def export_rows(edition: Edition, filters: DeskFilters) -> QuerySet:
    """The desk's list for an export: only the printed columns, as tuples (``exports.COLUMNS``), with the team size
    counted in the same query."""
    from .exports import COLUMNS

    team_size = (
        ApplicationTeamMember.objects.filter(application=OuterRef("pk"))
        .order_by()
        .values("application")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        desk_ordering(desk_queryset(edition, filters))
        .annotate(export_team_size=Coalesce(Subquery(team_size), 0))
        .values_list(*COLUMNS)
    )


def export_count(edition: Edition, filters: DeskFilters) -> int:
    return desk_queryset(edition, filters).count()


def status_counts_for(edition: Edition) -> Counter:
    """How many applications are in each state (for the edition's overview page)."""
    return Counter(
        dict(
            Application.objects.filter(edition=edition)
            .values_list("status")
            .annotate(n=Count("pk"))
            .order_by()
            .values_list("status", "n")
        )
    )


SUBMITTED_STATES = ["submitted", "qualified", "reserve", "rejected"]


def edition_recruitment_summary(edition: Edition) -> dict:
    """The overview's recruitment figures, and how many of the edition's JSTs came without an application here
    (an organiser may enter JSTs recruited elsewhere), so "0 submitted" beside "20 qualified" is explained."""
    from apps.engagements.models import Engagement

    counts = status_counts_for(edition)
    handed_over = Application.objects.filter(edition=edition, engagement__isnull=False).values("engagement")
    return {
        "drafts": counts.get("draft", 0),
        "submitted": sum(counts.get(s, 0) for s in SUBMITTED_STATES),
        "undecided": counts.get("submitted", 0),
        "qualified": counts.get("qualified", 0),
        "without_application": Engagement.objects.filter(edition=edition, withdrawn_at__isnull=True)
        .exclude(pk__in=handed_over)
        .count(),
    }


# The JST's register page ------------------------------------------------------------------------------------


def calls_open_to(jst) -> list[Edition]:
    """Published calls open today that this JST's kind may apply to (the public register page links them)."""
    editions = Edition.objects.filter(status=Edition.Status.PUBLISHED).select_related("organiser")
    return [
        e
        for e in editions.order_by("recruitment_deadline", "name")
        if jst.kind in e.eligible_jst_kinds and call_phase(e) == "open"
    ]


def public_participation_of(jst) -> list[Edition]:
    """Published editions in which the JST's participation is public: the results of the edition's call are
    published, or the edition ran its recruitment outside the platform (no call here)."""
    from apps.engagements.models import Engagement

    return list(
        Edition.objects.filter(
            status=Edition.Status.PUBLISHED,
            pk__in=Engagement.objects.filter(local_government=jst, withdrawn_at__isnull=True).values("edition"),
        )
        .filter(Q(call__isnull=True) | Q(call__results_published_at__isnull=False))
        .select_related("organiser")
        .order_by("-period_start", "name")
    )
