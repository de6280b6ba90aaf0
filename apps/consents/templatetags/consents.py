"""``{% information_clause organisation point %}``: the organiser's published clause where data is collected."""

from django import template

from ..models import CollectionPoint
from ..selectors import published_clause

register = template.Library()


@register.inclusion_tag("consents/includes/clause.html")
def information_clause(organisation, point: str = ""):
    return {
        "organisation": organisation,
        "clause": published_clause(organisation),
        "point_label": dict(CollectionPoint.choices).get(point, ""),
    }
