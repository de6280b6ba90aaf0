from django import template

from apps.engagements.hooks import section_links

register = template.Library()


@register.simple_tag(takes_context=True)
def engagement_section_links(context, engagement):
    """Links other apps registered for an engagement's sub-navigation (see hooks.register_section_link), the
    personal ones for the signed-in user."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return section_links(engagement, user if getattr(user, "is_authenticated", False) else None)
