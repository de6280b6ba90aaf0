"""Comments on the HDR's sections."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.engagements.timeline import record_on_timeline

from ..models import DevelopmentPlan, PlanComment, PlannedAction, PlanVersion
from .common import _label


@transaction.atomic
def add_comment(
    *, plan: DevelopmentPlan, by, text: str, section: str, action: PlannedAction | None = None, parent=None
) -> PlanComment:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Wpisz treść komentarza.")})
    if len(text) > 5000:
        raise ValidationError({"text": _("Komentarz może mieć najwyżej 5000 znaków.")})
    if parent is not None:
        root = parent.parent or parent
        section, action = root.section, root.action
    else:
        root = None
        if action is not None:
            section = PlanComment.Section.ACTION
        elif section not in PlanComment.Section.values or section == PlanComment.Section.ACTION:
            raise ValidationError({"section": _("Wybierz część HDR, której dotyczy komentarz.")})
    review = plan.versions.filter(status=PlanVersion.Status.IN_REVIEW).first()
    comment = PlanComment.objects.create(
        plan=plan,
        version=review,
        section=section,
        action=action,
        action_title=action.title if action else (root.action_title if root else ""),
        parent=root,
        author=by,
        author_label=_label(by),
        text=text,
    )
    if root is not None and root.resolved_at is not None:
        root.resolved_at, root.resolved_by = None, None  # a reply reopens the thread
        root.save(update_fields=["resolved_at", "resolved_by"])
    changes = {"section": section, "action": comment.action_title, "text": text[:500]}
    if root is None:
        # Only a new thread goes on the timeline; replies are in the audit history.
        where = {"action": comment.action_title} if comment.action_title else {"section": section}
        record_on_timeline(
            engagement=plan.engagement,
            actor=by,
            action="plan.comment_added",
            kind="plan_comment",
            target=plan,
            changes=changes,
            about=PlanComment,
            params=where,
        )
    else:
        record(actor=by, action="plan.comment_added", target=plan, changes=changes, about=PlanComment)
    return comment


@transaction.atomic
def set_comment_resolved(*, comment: PlanComment, by, resolved: bool) -> PlanComment:
    root = comment.parent or comment
    root.resolved_at = timezone.now() if resolved else None
    root.resolved_by = by if resolved else None
    root.save(update_fields=["resolved_at", "resolved_by"])
    record(
        actor=by,
        action="plan.comment_resolved" if resolved else "plan.comment_reopened",
        target=root.plan,
        changes={"comment": root.text[:200]},
    )
    return root
