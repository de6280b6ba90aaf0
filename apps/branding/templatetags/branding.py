import base64

from django import template
from django.db import DatabaseError
from django.urls import reverse

from ..face import PublicFace, face_for

register = template.Library()


@register.simple_tag(takes_context=True)
def public_face(context):
    """The page's public face, worked out once per request (the header and the footer both ask)."""
    request = context.get("request")
    if request is None:
        # The server-error page renders without a request and must not need the database (it may be down).
        return PublicFace(help_url=reverse("branding:help"))
    cached = getattr(request, "_public_face", None)
    if cached is None:
        try:
            cached = face_for(context)
        except DatabaseError:
            cached = PublicFace(help_url=reverse("branding:help"))
        request._public_face = cached
    return cached


@register.inclusion_tag("branding/_pdf_marks.html")
def funding_marks_pdf(edition):
    """The edition's funding marks inside a PDF, as data: URIs (the PDF renderer fetches nothing else)."""
    marks = []
    for mark in edition.funding_marks.all() if edition is not None else []:
        try:
            with mark.image.open("rb") as handle:
                data = base64.b64encode(handle.read()).decode()
        except FileNotFoundError:
            continue
        marks.append((mark.alt_text, f"data:{mark.content_type};base64,{data}"))
    return {"marks": marks}
