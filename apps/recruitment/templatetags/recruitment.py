from django import template

from ..models import Call

register = template.Library()


@register.filter
def results_published(edition) -> bool:
    """Whether the edition's results are public (an edition with no call settings has none)."""
    try:
        return edition.call.results_published
    except Call.DoesNotExist:
        return False


@register.simple_tag
def recruitment_counts(edition):
    """How many applications the edition has in each state, for the edition's overview page."""
    from ..selectors import status_counts_for

    counts = status_counts_for(edition)
    return {
        "drafts": counts.get("draft", 0),
        "submitted": sum(counts.get(s, 0) for s in ["submitted", "qualified", "reserve", "rejected"]),
        "undecided": counts.get("submitted", 0),
        "qualified": counts.get("qualified", 0),
    }
