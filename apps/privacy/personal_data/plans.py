from django.utils.translation import gettext_lazy as _

from apps.plans.models import Evidence, PlanComment, PlanVersion

from . import SOURCES, Source, needles_of, rows, scrub


def _evidence(user):
    return Evidence.objects.filter(uploaded_by=user).select_related("action")


def _collect(user):
    comments = PlanComment.objects.filter(author=user).select_related("plan")
    return [
        {"title": "Twoje komentarze do HDR", "rows": rows(comments, ["plan", "section", "text", "created_at"])},
        {"title": "Dodane przez Ciebie dowody realizacji", "rows": rows(_evidence(user), ["action", "note"])},
    ]


def _files(user):
    return [(f"dowody/{e.pk}-{e.original_name}", e.file) for e in _evidence(user) if e.file]


def _erase(user):
    # Frozen HDR versions keep the team as it was: the person's name in them is replaced, the version stays.
    versions = PlanVersion.objects.filter(plan__engagement__team_members__user=user).distinct()
    return {"plan_versions_anonymised": scrub(versions, ["snapshot"], needles_of(user))}


SOURCES.register(
    "plans",
    Source(
        key="plans",
        activity=_("Harmonogramy Działań Rozwojowych (HDR) i ich monitorowanie"),
        purpose=_("planowanie i monitorowanie działań rozwojowych JST"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO"),
        subjects=_("członkowie zespołów JST, doradcy"),
        categories=_("autor zmian i komentarzy, dowody realizacji"),
        recipients=_("zespół JST, doradcy, organizator, koordynator krajowy"),
        retention=_("jak edycja (dokument projektu); autor po usunięciu: „były uczestnik”"),
        collect=_collect,
        files=_files,
        erase=_erase,
        editions=lambda user: _evidence(user).values_list("action__plan__engagement__edition_id", flat=True),
    ),
    order=60,
)
