"""Reads of the TERYT register. The register is public, so nothing here is scoped to a user."""

from collections.abc import Iterable

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from .kinds import JstKind
from .models import LocalGovernment, LocalGovernmentChange, RegisterImport, Voivodeship
from .names import fold


def local_governments(*, active_only: bool = True) -> QuerySet[LocalGovernment]:
    queryset = LocalGovernment.objects.select_related("voivodeship", "powiat")
    return queryset.filter(is_active=True) if active_only else queryset


def register_as_of():
    """The date of the register state last loaded, or None before the first import."""
    return RegisterImport.objects.order_by("-as_of").values_list("as_of", flat=True).first()


def voivodeships() -> QuerySet[Voivodeship]:
    return Voivodeship.objects.filter(is_active=True).order_by("name")


def matching(queryset: QuerySet[LocalGovernment], query: str) -> QuerySet[LocalGovernment]:
    """JSTs matching ``query``, best first: the name itself, then names starting with it, then any other match.

    Case and Polish diacritics are optional ("boleslawiec" finds "Bolesławiec"); every word must appear in the
    display name, the kind or the voivodeship; digits alone match the TERYT code from its start.
    """
    phrase = fold(query)
    if not phrase:
        return queryset.none()
    if phrase.isdigit():
        return queryset.filter(teryt__startswith=phrase).order_by("teryt")
    for word in phrase.split():
        queryset = queryset.filter(search_text__contains=word)
    rank = Case(
        When(search_name=phrase, then=Value(0)),
        When(search_name__startswith=phrase, then=Value(1)),
        When(search_name__contains=f" {phrase}", then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return queryset.annotate(rank=rank).order_by("rank", "search_name", "display_name")


def search_local_governments(
    query: str,
    *,
    kind: str | Iterable[str] | None = None,
    voivodeship: Voivodeship | str | None = None,
    limit: int = 20,
    queryset: QuerySet[LocalGovernment] | None = None,
) -> list[LocalGovernment]:
    """The picker's suggestions: one query, ``limit`` rows at most."""
    queryset = local_governments() if queryset is None else queryset
    if kind:
        queryset = queryset.filter(kind__in=[kind] if isinstance(kind, str) else list(kind))
    if isinstance(voivodeship, Voivodeship):
        queryset = queryset.filter(voivodeship=voivodeship)
    elif voivodeship:
        queryset = queryset.filter(voivodeship__code=voivodeship)
    return list(matching(queryset, query)[:limit])


def resolve_local_government(
    text: str, *, queryset: QuerySet[LocalGovernment] | None = None, limit: int = 20
) -> tuple[LocalGovernment | None, list[LocalGovernment]]:
    """What a JST picker's typed text means: ``(jst, [])`` when it names exactly one JST (its display name, its
    TERYT code or a query with a single match), else ``(None, candidates)`` to choose from."""
    queryset = local_governments() if queryset is None else queryset
    text = " ".join(text.split())
    exact = queryset.filter(Q(display_name=text) | Q(teryt=text)).first()
    if exact:
        return exact, []
    candidates = search_local_governments(text, queryset=queryset, limit=limit)
    if len(candidates) == 1:
        return candidates[0], []
    return None, candidates


def register_page(*, query: str = "", kind: str = "", voivodeship: Voivodeship | None = None):
    """The public register's rows: all active JSTs in TERYT order, or the matches of ``query`` best first."""
    queryset = local_governments()
    if kind:
        queryset = queryset.filter(kind=kind)
    if voivodeship:
        queryset = queryset.filter(voivodeship=voivodeship)
    return matching(queryset, query) if query.strip() else queryset.order_by("teryt")


def local_government_detail(teryt: str) -> LocalGovernment:
    """A JST by TERYT code, active or not (old links keep working), with its change history."""
    changes = LocalGovernmentChange.objects.select_related("register_import")
    return get_object_or_404(
        local_governments(active_only=False).prefetch_related(Prefetch("changes", queryset=changes)),
        teryt=teryt,
    )


def units_within(jst: LocalGovernment) -> QuerySet[LocalGovernment]:
    """The JSTs on a powiat's or a voivodeship's territory (gminy of a powiat; powiaty and cities of a
    voivodeship); nothing for a gmina."""
    if jst.kind == JstKind.POWIAT:
        return local_governments().filter(powiat=jst.powiat).exclude(pk=jst.pk).order_by("teryt")
    if jst.kind == JstKind.VOIVODESHIP:
        return (
            local_governments()
            .filter(voivodeship=jst.voivodeship, kind__in=[JstKind.POWIAT, JstKind.CITY_WITH_POWIAT_RIGHTS])
            .order_by("teryt")
        )
    return LocalGovernment.objects.none()
