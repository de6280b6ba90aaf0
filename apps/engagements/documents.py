"""Documents of the engagement made by ``apps.documents`` in the background: the needs diagnosis as a PDF."""

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.text import ascii_slug
from apps.documents.pdf import render_pdf

from .models import ContextFigure, Engagement, NeedsAssessment


def diagnosis_context(engagement: Engagement) -> dict:
    engagement = (
        Engagement.objects.select_related("edition", "local_government", "local_government__voivodeship")
        .prefetch_related("chosen_areas__area", "advisor_assignments__user")
        .get(pk=engagement.pk)
    )
    assessment = (
        NeedsAssessment.objects.filter(engagement=engagement).prefetch_related("figures", "school_perspectives").first()
    )
    figures = list(assessment.figures.all()) if assessment else []
    topics = []
    for value, label in ContextFigure.Topic.choices:
        rows = [f for f in figures if f.topic == value]
        if rows:
            topics.append((label, rows))
    priorities = list(engagement.priorities.order_by("order", "pk"))
    ranked = sorted(priorities, key=lambda p: (p.score is None, -(p.score or 0), p.order, p.pk))
    return {
        "title": _("Diagnoza potrzeb: %(jst)s") % {"jst": engagement.local_government.display_name},
        "engagement": engagement,
        "assessment": assessment,
        "topics": topics,
        "perspectives": list(assessment.school_perspectives.all()) if assessment else [],
        "ranked": ranked,
        "selected": [p for p in priorities if p.is_selected],
        "team": list(engagement.team_members.filter(left_at__isnull=True)),
        "asks_post_pandemic": engagement.edition.diagnosis_asks_post_pandemic_needs,
        "generated_at": timezone.localtime(),
    }


def build_diagnosis_pdf(engagement: Engagement, progress: Callable[[int], None]) -> tuple[str, bytes, str]:
    context = diagnosis_context(engagement)
    progress(30)
    data = render_pdf(template="engagements/pdf/diagnosis.html", context=context)
    progress(90)
    filename = (
        f"diagnoza-{ascii_slug(context['engagement'].local_government.display_name, fallback=str(engagement.pk))}.pdf"
    )
    return filename, data, "application/pdf"
