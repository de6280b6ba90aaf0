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
