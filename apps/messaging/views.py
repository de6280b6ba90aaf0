"""The thread pages (thin: a scoped selector, a rule, a service, a template). Every page of a thread and its
attachments answer 404 to anyone who does not take part in it, the organiser's staff included."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.decorators import object_view
from apps.core.editing import form_page, run_action
from apps.core.permissions import require
from apps.documents.views import serve_private_file

from . import selectors, services
from .forms import MessageEditForm, MessageForm, NotificationForm


def _thread_url(engagement, anchor: str = "") -> str:
    url = reverse("messaging:thread", kwargs={"pk": engagement.pk})
    return f"{url}#{anchor}" if anchor else url


def _int(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _thread_context(request, engagement, form=None) -> dict:
    before = _int(request.GET.get("przed"))
    query = request.GET.get("q", "").strip()[:200]
    page = selectors.thread_page(engagement, before=before, query=query)
    last_read = selectors.last_read(engagement, request.user)
    quoted_pk = request.GET.get("cytuj") or (form.data.get("quoted") if form is not None and form.is_bound else None)
    quoted = selectors.quotable(engagement, quoted_pk)
    if form is None:
        form = MessageForm(initial={"quoted": quoted.pk if quoted else None})
    for message in page.messages:
        message.is_new = message.pk > last_read and message.author_id != request.user.pk
        message.is_mine = message.author_id == request.user.pk
        message.may_edit = message.is_mine and message.may_still_edit()
    older_query = urlencode({k: v for k, v in (("q", page.query), ("przed", page.older)) if v})
    return {
        "engagement": engagement,
        "page": page,
        "query": query,
        "older_query": older_query,
        "form": form,
        "quoted": quoted,
        "unread": sum(1 for m in page.messages if m.is_new),
        "mode": selectors.notification_mode(request.user),
        "last_read": last_read,
    }


@object_view(selectors.thread_for, rule="messaging.take_part", name="engagement")
def thread(request, engagement):
    context = _thread_context(request, engagement)
    page = context["page"]
    if not page.query and not request.GET.get("przed") and page.newest_id > context["last_read"]:
        # The newest messages are on the screen: they are read now (after the page marked which ones were new).
        services.mark_read(engagement=engagement, user=request.user, up_to=page.newest_id)
    return render(request, "messaging/thread.html", context)


@login_required
@require_POST
@object_view(selectors.thread_for, rule="messaging.take_part", name="engagement")
def post(request, engagement):
    form = MessageForm(request.POST, request.FILES)
    return form_page(
        request,
        form,
        save=lambda f: services.post_message(
            engagement=engagement,
            by=request.user,
            body=f.cleaned_data["body"],
            attachments=f.cleaned_data["attachments"],
            quoted=selectors.quotable(engagement, f.cleaned_data["quoted"]),
        ),
        success=gettext_lazy("Wysłano wiadomość."),
        done=lambda message: _thread_url(engagement, f"wiadomosc-{message.pk}"),
        template="messaging/thread.html",
        context=lambda f: _thread_context(request, engagement, f),
    )


def _own_message(request, engagement, message_pk: int):
    message = selectors.message_of(engagement, message_pk)
    require(request.user, "messaging.change", message)
    return message


@object_view(selectors.thread_for, rule="messaging.take_part", name="engagement")
def edit(request, engagement, message_pk: int):
    message = _own_message(request, engagement, message_pk)
    form = MessageEditForm(request.POST or None, initial={"body": message.body})
    return form_page(
        request,
        form,
        save=lambda f: services.edit_message(message=message, by=request.user, body=f.cleaned_data["body"]),
        success=gettext_lazy("Zapisano zmianę wiadomości."),
        done=_thread_url(engagement, f"wiadomosc-{message.pk}"),
        template="messaging/edit.html",
        context={
            "engagement": engagement,
            "message": message,
            "editable_until": message.editable_until,
            "may_edit": message.may_still_edit(),
            "edit_minutes": settings.MESSAGING_EDIT_MINUTES,
        },
    )


@object_view(selectors.thread_for, rule="messaging.take_part", name="engagement")
def delete(request, engagement, message_pk: int):
    """A page that says what deleting does; its button deletes."""
    message = _own_message(request, engagement, message_pk)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.delete_message(message=message, by=request.user),
            success=gettext_lazy("Usunięto wiadomość. Pozostali uczestnicy widzą w jej miejscu „wiadomość usunięta”."),
            done=_thread_url(engagement, f"wiadomosc-{message.pk}"),
        )
    return render(request, "messaging/delete.html", {"engagement": engagement, "message": message})


@object_view(selectors.thread_for, rule="messaging.take_part", name="engagement")
def attachment(request, engagement, attachment_pk: int):
    item = selectors.attachment_of(engagement, attachment_pk)
    return serve_private_file(request, item.file, item.original_name, item.content_type)


@login_required
def notifications(request):
    require(request.user, "messaging.any_thread")
    form = NotificationForm(request.POST or None, initial={"mode": selectors.notification_mode(request.user)})
    return form_page(
        request,
        form,
        save=lambda f: services.set_notification_mode(user=request.user, mode=f.cleaned_data["mode"]),
        success=gettext_lazy("Zapisano ustawienia powiadomień."),
        done=reverse("messaging:notifications"),
        template="messaging/notifications.html",
        context={"threads": _my_threads(request.user), "digest_at": services.DIGEST_AT},
    )


def _my_threads(user):
    """The threads the person takes part in, with their unread counts (for the settings page's list)."""
    from apps.engagements.access import engagement_access
    from apps.engagements.models import Engagement

    access = engagement_access(user)
    unread = selectors.unread_counts(user, access.member_of | access.advisor_of)
    engagements = Engagement.objects.filter(pk__in=access.member_of | access.advisor_of).select_related(
        "local_government", "edition"
    )
    return [{"engagement": e, "unread": unread.get(e.pk, 0)} for e in engagements]
