"""Comments on the HDR's sections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.forms import add_errors
from apps.core.permissions import require

from .. import selectors, services
from ..forms import CommentForm, SectionCommentForm
from .common import _plan_url


@login_required
@require_POST
def comment_create(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.edit", plan)
    action = parent = None
    if request.POST.get("parent", "").isdigit():
        parent = selectors.comment_of(plan, int(request.POST["parent"]))
        form = CommentForm(request.POST)
    elif request.POST.get("action", "").isdigit():
        action = selectors.action_of(plan, int(request.POST["action"]))
        form = CommentForm(request.POST)
    else:
        form = SectionCommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.add_comment(
                plan=plan,
                by=request.user,
                text=form.cleaned_data["text"],
                section=form.cleaned_data.get("section", ""),
                action=action,
                parent=parent,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano komentarz."))
            return redirect(_plan_url(plan, anchor=f"komentarz-{(comment.parent or comment).pk}"))
    return render(
        request,
        "plans/comment_form.html",
        {"engagement": engagement, "plan": plan, "form": form, "action": action, "parent": parent},
    )


@login_required
@require_POST
def comment_resolve(request, engagement_pk: int, pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.edit", plan)
    comment = selectors.comment_of(plan, pk)
    resolved = request.POST.get("resolved", "1") != "0"
    root = services.set_comment_resolved(comment=comment, by=request.user, resolved=resolved)
    messages.success(request, _("Wątek oznaczono jako rozwiązany.") if resolved else _("Wątek otwarto ponownie."))
    return redirect(_plan_url(plan, anchor=f"komentarz-{root.pk}"))
