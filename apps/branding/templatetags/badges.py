"""Status badges: ``<span class="badge badge-<state>">label</span>``. Each state has its own colour (CSS tokens in
app.css, "Public face" block) and the label is always there, so colour is never the only cue."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def badge(state, label):
    return format_html('<span class="badge badge-{}">{}</span>', str(state).replace("_", "-"), label)


@register.simple_tag
def applicant_badge(application):
    """The state the applicant may see: a decision stays "submitted" until the results are published."""
    state = application.status
    if application.is_decided and not application.results_published:
        state = application.Status.SUBMITTED
    return badge(state, application.applicant_status_label)
