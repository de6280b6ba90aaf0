from django import template

from apps.engagements.hooks import section_links

register = template.Library()


@register.simple_tag
def engagement_section_links(engagement):
    """Links other apps registered for an engagement's sub-navigation (see hooks.register_section_link)."""
    return section_links(engagement)
