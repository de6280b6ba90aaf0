"""Every destructive or mass-mailing action of the events pages asks first: its URL answers GET with a page that
says what will happen (and to whom), and POST from that page does it. Works without JavaScript."""

from django.shortcuts import render

from apps.core.editing import run_action


def confirm_then(request, *, event, title, text, button, action, success, done, items=(), danger=True):
    """GET: the confirmation page (``title``, ``text``, optional ``items`` listed, ``button``; back to ``done``);
    POST: ``run_action`` (the service's ``ValidationError`` shown on ``done``)."""
    if request.method == "POST":
        return run_action(request, action, success=success, done=done)
    return render(
        request,
        "events/confirm.html",
        {
            "event": event,
            "title": title,
            "text": text,
            "items": list(items),
            "button": button,
            "back": done,
            "danger": danger,
        },
    )
