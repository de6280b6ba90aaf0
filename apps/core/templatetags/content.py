from django import template

from apps.core.content import polish as _polish

register = template.Library()


@register.filter
def polish(value):
    """``{{ area.name|polish }}``: Polish content marked ``lang="pl"`` in the English UI."""
    return _polish(value)
