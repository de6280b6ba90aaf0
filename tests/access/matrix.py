"""The access matrix: for every named URL, how to build it from the world and what each role gets from a GET.

Outcomes: an HTTP status (200, 404, 405, ...), ``LOGIN`` (redirect to the login page) or ``REDIRECT``
(any other redirect, e.g. to an admin login). Objects a role may not see answer 404, never 403, so that their
existence does not leak. What a valid POST does, for every URL that accepts one, is in ``writes.py``.

Adding a URL to the project without adding its row here fails ``test_every_url_has_a_row``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from tests.world import ROLES, World

LOGIN = "login"
REDIRECT = "redirect"


@dataclass(frozen=True)
class Row:
    url: Callable[[World], str]
    expected: dict[str, object]


def everyone(outcome=200) -> dict[str, object]:
    return dict.fromkeys(ROLES, outcome)


def signed_in(outcome=200, **overrides) -> dict[str, object]:
    return {"anonymous": LOGIN, **{role: outcome for role in ROLES if role != "anonymous"}, **overrides}


def only(allowed: dict[str, object] | list[str], otherwise=404, anonymous=LOGIN) -> dict[str, object]:
    """``allowed`` roles get their outcome (200 if given as a list); other signed-in roles get ``otherwise``."""
    if isinstance(allowed, list):
        allowed = dict.fromkeys(allowed, 200)
    result = dict.fromkeys(ROLES, otherwise)
    result["anonymous"] = anonymous
    result.update(allowed)
    return result


# A URL that only accepts POST (its outcomes are in tests/access/writes.py): a GET is refused with 405 after sign-in.
POST_ONLY = {"anonymous": LOGIN, **{role: 405 for role in ROLES if role != "anonymous"}}


def anonymous_only(outcome=200, signed_in_outcome=REDIRECT) -> dict[str, object]:
    return {"anonymous": outcome, **{role: signed_in_outcome for role in ROLES if role != "anonymous"}}


ORGANISER_X_VIEWERS = ["organiser_x", "coordinator"]
CATALOGUE_MANAGERS = ["coordinator", "platform_admin"]
ENGAGEMENT_A_VIEWERS = ["team_member_a", "advisor_a", "organiser_x", "coordinator"]
# Who works on JST A's documents (team and advisors) and who manages its team (leader and organiser).
ENGAGEMENT_A_WORKERS = ["team_member_a", "advisor_a"]
ENGAGEMENT_A_TEAM_MANAGERS = ["team_member_a", "organiser_x"]

SURVEY_DESK = ["organiser_x", "organiser_other", "coordinator"]


# Events: who opens edition X's event as a participant, and who is invited to register.
EVENT_X_VIEWERS = ["team_member_a", "team_member_b", "advisor_a", "advisor_b", "trainer", "organiser_x", "coordinator"]
EVENT_X_INVITED = ["team_member_a", "team_member_b", "trainer"]

OPENSPACE_PEOPLE = ["team_member_a", "trainer", "organiser_x"]

OPENSPACE_RUNNERS = ["trainer", "organiser_x"]


def _os_url(w: World, name: str, **kwargs) -> str:
    return reverse(f"openspace:{name}", kwargs={"pk": w.openspace_x.pk, **kwargs})


def _event_url(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"pk": w.event_x_full.pk, **kwargs})


def _engagement_row(name: str, allowed, **kwargs) -> Row:
    """A row for one URL of JST A's engagement (``kwargs`` name world objects, e.g. member_pk="member_a2")."""

    def url(w: World) -> str:
        return reverse(name, kwargs={"pk": w.engagement_a.pk, **{k: getattr(w, v).pk for k, v in kwargs.items()}})

    return Row(url, only(allowed))


def _draft_url(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"number": w.catalog_draft.number, **kwargs})


def _plan_url(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"engagement_pk": w.engagement_a.pk, **kwargs})


ADVISORS = ["advisor_a", "advisor_b"]
SHEET_A_VIEWERS = ["advisor_a", "organiser_x", "coordinator"]


def _advising(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs=kwargs)


def _plan_row(name: str, allowed, **kwargs) -> Row:
    """A row for one URL of JST A's HDR (``kwargs`` take world object names, e.g. pk="plan_a_action")."""

    def url(w: World) -> str:
        return _plan_url(w, name, **{key: getattr(w, value).pk for key, value in kwargs.items()})

    return Row(url, only(allowed))


# JST A's HDR: its team and its two advisors work on it; the organiser of the edition and the coordinator read it.
PLAN_A_WORKERS = ["team_member_a", "advisor_a"]


def _call_url(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"slug": w.edition_x.slug, **kwargs})


def _review_url(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"slug": w.edition_x.slug, "pk": w.application_a.pk, **kwargs})


def _edition_url(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"slug": w.edition_x.slug, **kwargs})


def _summary_url(w: World, name: str, **kwargs) -> str:
    return reverse(name, kwargs={"engagement_pk": w.engagement_a.pk, **kwargs})


MATRIX: dict[str, Row] = {
    "core:home": Row(lambda w: reverse("core:home"), everyone()),
    "core:accessibility": Row(lambda w: reverse("core:accessibility"), everyone()),
    "core:privacy": Row(lambda w: reverse("core:privacy"), everyone()),
    "set_language": Row(lambda w: reverse("set_language"), everyone(REDIRECT)),
    "core:dashboard": Row(lambda w: reverse("core:dashboard"), signed_in()),
    "accounts:login": Row(lambda w: reverse("accounts:login"), anonymous_only()),
    "accounts:logout": Row(lambda w: reverse("accounts:logout"), everyone(405)),
    "accounts:profile": Row(lambda w: reverse("accounts:profile"), signed_in()),
    "accounts:calendar": Row(lambda w: reverse("accounts:calendar"), signed_in()),
    "accounts:calendar_feed": Row(
        lambda w: reverse("accounts:calendar_feed", args=[w.calendar_feed_a.token]), everyone()
    ),
    "accounts:password_change": Row(lambda w: reverse("accounts:password_change"), signed_in()),
    "accounts:password_change_done": Row(lambda w: reverse("accounts:password_change_done"), signed_in()),
    "accounts:password_reset": Row(lambda w: reverse("accounts:password_reset"), everyone()),
    "accounts:password_reset_done": Row(lambda w: reverse("accounts:password_reset_done"), everyone()),
    "accounts:password_reset_confirm": Row(
        lambda w: reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "zly-token"}),
        everyone(),  # an invalid link shows the Polish "link is no longer valid" page
    ),
    "accounts:password_reset_complete": Row(lambda w: reverse("accounts:password_reset_complete"), everyone()),
    "accounts:two_factor_setup": Row(lambda w: reverse("accounts:two_factor_setup"), signed_in()),
    "accounts:two_factor_verify": Row(
        lambda w: reverse("accounts:two_factor_verify"),
        signed_in(
            REDIRECT,
            **dict.fromkeys(
                ["advisor_a", "advisor_b", "organiser_x", "organiser_other", "coordinator", "platform_admin"], 200
            ),
        ),
    ),
    "accounts:invitation": Row(
        lambda w: reverse("accounts:invitation", kwargs={"token": w.invitation_x_token}), everyone()
    ),
    "accounts:confirm_email_sent": Row(lambda w: reverse("accounts:confirm_email_sent"), everyone()),
    "accounts:confirm_email": Row(
        lambda w: reverse("accounts:confirm_email", kwargs={"uidb64": "MQ", "token": "zly-token"}), everyone(410)
    ),
    "accounts:organisation_list": Row(
        lambda w: reverse("accounts:organisation_list"),
        only(["organiser_x", "organiser_other", "coordinator"], otherwise=200),
    ),
    "accounts:organisation_detail": Row(
        lambda w: reverse("accounts:organisation_detail", kwargs={"slug": w.org_x.slug}), only(ORGANISER_X_VIEWERS)
    ),
    "accounts:organisation_history": Row(
        lambda w: reverse("accounts:organisation_history", kwargs={"slug": w.org_x.slug}), only(ORGANISER_X_VIEWERS)
    ),
    "accounts:invitation_revoke": Row(
        lambda w: reverse("accounts:invitation_revoke", kwargs={"slug": w.org_x.slug, "pk": w.invitation_x.pk}),
        POST_ONLY,
    ),
    "territory:register": Row(lambda w: reverse("territory:register"), everyone()),
    "territory:find": Row(lambda w: reverse("territory:find") + f"?jst={w.jst_a.teryt}", everyone(REDIRECT)),
    "territory:suggestions": Row(lambda w: reverse("territory:suggestions") + "?q=gmina", everyone()),
    "territory:detail": Row(lambda w: reverse("territory:detail", kwargs={"teryt": w.jst_a.teryt}), everyone()),
    "catalog:public": Row(lambda w: reverse("catalog:public"), everyone()),
    "catalog:version_list": Row(lambda w: reverse("catalog:version_list"), only(CATALOGUE_MANAGERS)),
    "catalog:version_create": Row(lambda w: reverse("catalog:version_create"), POST_ONLY),
    "catalog:version_detail": Row(lambda w: _draft_url(w, "catalog:version_detail"), only(CATALOGUE_MANAGERS)),
    "catalog:version_edit": Row(lambda w: _draft_url(w, "catalog:version_edit"), only(CATALOGUE_MANAGERS)),
    "catalog:version_publish": Row(lambda w: _draft_url(w, "catalog:version_publish"), POST_ONLY),
    "catalog:version_history": Row(lambda w: _draft_url(w, "catalog:version_history"), only(CATALOGUE_MANAGERS)),
    "catalog:area_create": Row(lambda w: _draft_url(w, "catalog:area_create"), only(CATALOGUE_MANAGERS)),
    "catalog:area_edit": Row(
        lambda w: _draft_url(w, "catalog:area_edit", pk=w.catalog_draft_area.pk), only(CATALOGUE_MANAGERS)
    ),
    "catalog:area_delete": Row(lambda w: _draft_url(w, "catalog:area_delete", pk=w.catalog_draft_area.pk), POST_ONLY),
    "catalog:solution_create": Row(
        lambda w: _draft_url(w, "catalog:solution_create", pk=w.catalog_draft_area.pk), only(CATALOGUE_MANAGERS)
    ),
    "catalog:solution_edit": Row(
        lambda w: _draft_url(w, "catalog:solution_edit", pk=w.catalog_draft_solution.pk), only(CATALOGUE_MANAGERS)
    ),
    "catalog:solution_delete": Row(
        lambda w: _draft_url(w, "catalog:solution_delete", pk=w.catalog_draft_solution.pk), POST_ONLY
    ),
    "editions:public_list": Row(lambda w: reverse("editions:public_list"), everyone()),
    "editions:public_detail": Row(
        lambda w: reverse("editions:public_detail", kwargs={"slug": w.edition_x_draft.slug}),
        only(ORGANISER_X_VIEWERS, anonymous=404),
    ),
    "editions:manage_list": Row(
        lambda w: reverse("editions:manage_list"), only(["organiser_x", "organiser_other", "coordinator"])
    ),
    "editions:create": Row(lambda w: reverse("editions:create"), only(["organiser_x", "organiser_other"])),
    "editions:overview": Row(lambda w: _edition_url(w, "editions:overview"), only(ORGANISER_X_VIEWERS)),
    "editions:edit": Row(lambda w: _edition_url(w, "editions:edit"), only(["organiser_x"])),
    "editions:copy": Row(lambda w: _edition_url(w, "editions:copy"), only(["organiser_x"])),
    "editions:publish": Row(lambda w: reverse("editions:publish", kwargs={"slug": w.edition_x_draft.slug}), POST_ONLY),
    "editions:history": Row(lambda w: _edition_url(w, "editions:history"), only(ORGANISER_X_VIEWERS)),
    "editions:event_create": Row(lambda w: _edition_url(w, "editions:event_create"), only(["organiser_x"])),
    "editions:event_edit": Row(
        lambda w: _edition_url(w, "editions:event_edit", pk=w.event_x.pk), only(["organiser_x"])
    ),
    "editions:event_delete": Row(lambda w: _edition_url(w, "editions:event_delete", pk=w.event_x.pk), POST_ONLY),
    "engagements:mine": Row(lambda w: reverse("engagements:mine"), signed_in()),
    "engagements:detail": _engagement_row("engagements:detail", ENGAGEMENT_A_VIEWERS),
    "engagements:history": _engagement_row("engagements:history", ENGAGEMENT_A_VIEWERS),
    "engagements:advance": _engagement_row("engagements:advance", POST_ONLY),
    "engagements:team": _engagement_row("engagements:team", ENGAGEMENT_A_TEAM_MANAGERS),
    "engagements:team_add": _engagement_row("engagements:team_add", ENGAGEMENT_A_TEAM_MANAGERS),
    "engagements:team_replace": _engagement_row(
        "engagements:team_replace", ENGAGEMENT_A_TEAM_MANAGERS, member_pk="member_a2"
    ),
    "engagements:team_remove_confirm": _engagement_row(
        "engagements:team_remove_confirm", ENGAGEMENT_A_TEAM_MANAGERS, member_pk="member_a2"
    ),
    "engagements:team_remove": _engagement_row("engagements:team_remove", POST_ONLY, member_pk="member_a2"),
    "engagements:team_leader": _engagement_row("engagements:team_leader", POST_ONLY, member_pk="member_a2"),
    "engagements:team_resend": _engagement_row("engagements:team_resend", POST_ONLY, member_pk="member_a2"),
    "engagements:advisors": _engagement_row("engagements:advisors", ["organiser_x"]),
    "engagements:area": _engagement_row("engagements:area", ENGAGEMENT_A_VIEWERS),
    "engagements:area_confirm": _engagement_row("engagements:area_confirm", POST_ONLY),
    "engagements:diagnosis": _engagement_row("engagements:diagnosis", ENGAGEMENT_A_VIEWERS),
    "engagements:diagnosis_findings": _engagement_row("engagements:diagnosis_findings", ENGAGEMENT_A_WORKERS),
    "engagements:diagnosis_pdf": _engagement_row("engagements:diagnosis_pdf", POST_ONLY),
    "engagements:figure_add": _engagement_row("engagements:figure_add", ENGAGEMENT_A_WORKERS),
    "engagements:figure_remove": _engagement_row("engagements:figure_remove", POST_ONLY, figure_pk="figure_a"),
    "engagements:perspective_add": _engagement_row("engagements:perspective_add", ENGAGEMENT_A_WORKERS),
    "engagements:perspective_edit": _engagement_row(
        "engagements:perspective_edit", ENGAGEMENT_A_WORKERS, perspective_pk="perspective_a"
    ),
    "engagements:perspective_remove": _engagement_row(
        "engagements:perspective_remove", POST_ONLY, perspective_pk="perspective_a"
    ),
    "engagements:priorities": _engagement_row("engagements:priorities", ENGAGEMENT_A_VIEWERS),
    "engagements:priority_add": _engagement_row("engagements:priority_add", ENGAGEMENT_A_WORKERS),
    "engagements:priority_edit": _engagement_row(
        "engagements:priority_edit", ENGAGEMENT_A_WORKERS, priority_pk="candidate_a"
    ),
    "engagements:priority_remove": _engagement_row("engagements:priority_remove", POST_ONLY, priority_pk="candidate_a"),
    "engagements:edition_matrix": Row(
        lambda w: _edition_url(w, "engagements:edition_matrix"), only(ORGANISER_X_VIEWERS)
    ),
    "engagements:edition_areas": Row(lambda w: _edition_url(w, "engagements:edition_areas"), only(ORGANISER_X_VIEWERS)),
    "engagements:edition_advisors": Row(
        lambda w: _edition_url(w, "engagements:edition_advisors"), only(["organiser_x"])
    ),
    "documents:status": Row(
        lambda w: reverse("documents:status", kwargs={"pk": w.document_a.pk}), only(ENGAGEMENT_A_VIEWERS)
    ),
    "documents:download": Row(
        lambda w: reverse("documents:download", kwargs={"pk": w.document_a.pk}), only(ENGAGEMENT_A_VIEWERS)
    ),
    "documents:regenerate": Row(lambda w: reverse("documents:regenerate", kwargs={"pk": w.document_a.pk}), POST_ONLY),
    "plans:list": Row(lambda w: reverse("plans:list"), signed_in()),
    "plans:review_list": Row(lambda w: reverse("plans:review_list"), signed_in()),
    "plans:detail": _plan_row("plans:detail", ENGAGEMENT_A_VIEWERS),
    "plans:create": _plan_row("plans:create", POST_ONLY),
    "plans:header_edit": _plan_row("plans:header_edit", PLAN_A_WORKERS),
    "plans:timeline": _plan_row("plans:timeline", ENGAGEMENT_A_VIEWERS),
    "plans:action_create": _plan_row("plans:action_create", PLAN_A_WORKERS),
    "plans:action_edit": _plan_row("plans:action_edit", PLAN_A_WORKERS, pk="plan_a_action"),
    "plans:action_delete": _plan_row("plans:action_delete", POST_ONLY, pk="plan_a_action"),
    "plans:risk_create": _plan_row("plans:risk_create", PLAN_A_WORKERS),
    "plans:risk_edit": _plan_row("plans:risk_edit", PLAN_A_WORKERS, pk="plan_a_risk"),
    "plans:risk_delete": _plan_row("plans:risk_delete", POST_ONLY, pk="plan_a_risk"),
    "plans:submit": _plan_row("plans:submit", POST_ONLY),
    "plans:new_version": _plan_row("plans:new_version", POST_ONLY),
    "plans:approve": _plan_row("plans:approve", POST_ONLY),
    "plans:request_changes": _plan_row("plans:request_changes", {"advisor_a": REDIRECT}),
    "plans:comment_create": _plan_row("plans:comment_create", POST_ONLY),
    "plans:comment_resolve": _plan_row("plans:comment_resolve", POST_ONLY, pk="plan_a_comment"),
    "plans:versions": _plan_row("plans:versions", ENGAGEMENT_A_VIEWERS),
    "plans:version_detail": Row(lambda w: _plan_url(w, "plans:version_detail", number=1), only(ENGAGEMENT_A_VIEWERS)),
    "plans:compare": Row(lambda w: _plan_url(w, "plans:compare") + "?a=1&b=robocza", only(ENGAGEMENT_A_VIEWERS)),
    "plans:pdf": _plan_row("plans:pdf", POST_ONLY),
    "plans:xlsx": _plan_row("plans:xlsx", ENGAGEMENT_A_VIEWERS),
    "plans:history": _plan_row("plans:history", ENGAGEMENT_A_VIEWERS),
    "plans:monitoring": _plan_row("plans:monitoring", ENGAGEMENT_A_VIEWERS),
    "plans:report_create": _plan_row("plans:report_create", POST_ONLY),
    "plans:action_monitoring": _plan_row("plans:action_monitoring", ENGAGEMENT_A_VIEWERS, pk="plan_a_action"),
    "plans:action_progress": _plan_row("plans:action_progress", POST_ONLY, pk="plan_a_action"),
    "plans:measurement_create": _plan_row("plans:measurement_create", POST_ONLY, pk="plan_a_action"),
    "plans:evidence_create": _plan_row("plans:evidence_create", POST_ONLY, pk="plan_a_action"),
    "plans:evidence_download": Row(
        lambda w: _plan_url(w, "plans:evidence_download", pk=w.plan_a_action.pk, evidence_pk=w.plan_a_evidence.pk),
        only(ENGAGEMENT_A_VIEWERS),
    ),
    "recruitment:call_list": Row(lambda w: reverse("recruitment:call_list"), everyone()),
    "recruitment:call_detail": Row(lambda w: _call_url(w, "recruitment:call_detail"), everyone()),
    "recruitment:attachment": Row(
        lambda w: _call_url(w, "recruitment:attachment", pk=w.call_attachment_x.pk), everyone()
    ),
    "recruitment:results": Row(lambda w: _call_url(w, "recruitment:results"), everyone()),
    "recruitment:register": Row(lambda w: _call_url(w, "recruitment:register"), anonymous_only()),
    "recruitment:start": Row(
        lambda w: reverse("recruitment:start", kwargs={"slug": w.edition_x_open.slug}), signed_in()
    ),
    "recruitment:my_applications": Row(lambda w: reverse("recruitment:my_applications"), signed_in()),
    "recruitment:application": Row(
        lambda w: reverse("recruitment:application", kwargs={"pk": w.application_a.pk}), only(["applicant"])
    ),
    "recruitment:section": Row(
        lambda w: reverse("recruitment:section", kwargs={"pk": w.application_draft.pk, "section": "zespol"}),
        only(["applicant"]),
    ),
    "recruitment:submit": Row(
        lambda w: reverse("recruitment:submit", kwargs={"pk": w.application_draft.pk}), POST_ONLY
    ),
    "recruitment:withdraw": Row(
        lambda w: reverse("recruitment:withdraw", kwargs={"pk": w.application_draft.pk}), only(["applicant"])
    ),
    "recruitment:upload": Row(
        lambda w: reverse("recruitment:upload", kwargs={"pk": w.application_a.pk, "document": "oswiadczenia"}),
        only(["applicant"]),
    ),
    "recruitment:receipt_file": Row(
        lambda w: reverse("recruitment:receipt_file", kwargs={"pk": w.application_a.pk, "receipt": w.receipt_a.pk}),
        only(["applicant", *ORGANISER_X_VIEWERS]),
    ),
    "recruitment:desk": Row(lambda w: _edition_url(w, "recruitment:desk"), only(ORGANISER_X_VIEWERS)),
    "recruitment:export": Row(lambda w: _edition_url(w, "recruitment:export"), only(ORGANISER_X_VIEWERS)),
    "recruitment:call_settings": Row(lambda w: _edition_url(w, "recruitment:call_settings"), only(["organiser_x"])),
    "recruitment:attachments": Row(lambda w: _edition_url(w, "recruitment:attachments"), only(["organiser_x"])),
    "recruitment:attachment_delete": Row(
        lambda w: _edition_url(w, "recruitment:attachment_delete", pk=w.call_attachment_x.pk), POST_ONLY
    ),
    "recruitment:publish_results_confirm": Row(
        lambda w: _edition_url(w, "recruitment:publish_results_confirm"), only({"organiser_x": REDIRECT})
    ),
    "recruitment:publish_results": Row(lambda w: _edition_url(w, "recruitment:publish_results"), POST_ONLY),
    "recruitment:review": Row(lambda w: _review_url(w, "recruitment:review"), only(ORGANISER_X_VIEWERS)),
    "recruitment:decide": Row(lambda w: _review_url(w, "recruitment:decide"), POST_ONLY),
    "recruitment:withdraw_qualified": Row(lambda w: _review_url(w, "recruitment:withdraw_qualified"), POST_ONLY),
    "recruitment:note_add": Row(lambda w: _review_url(w, "recruitment:note_add"), POST_ONLY),
    "recruitment:receipt_record": Row(
        lambda w: _review_url(w, "recruitment:receipt_record", document="deklaracja-wspolpracy"), only(["organiser_x"])
    ),
    "recruitment:receipt_reject": Row(
        lambda w: _review_url(w, "recruitment:receipt_reject", receipt=w.receipt_a.pk), POST_ONLY
    ),
    "recruitment:history": Row(lambda w: _review_url(w, "recruitment:history"), only(ORGANISER_X_VIEWERS)),
    "scheduling:runs": Row(
        lambda w: reverse("scheduling:runs"), only(["organiser_x", "organiser_other", "coordinator", "platform_admin"])
    ),
    "branding:help": Row(lambda w: reverse("branding:help"), everyone()),
    "branding:logo": Row(lambda w: reverse("branding:logo", kwargs={"slug": w.org_x.slug}), everyone()),
    "branding:mark_image": Row(
        lambda w: reverse("branding:mark_image", kwargs={"slug": w.edition_x_draft.slug, "pk": w.mark_x_draft.pk}),
        only(ORGANISER_X_VIEWERS, anonymous=404),
    ),
    "branding:identity_edit": Row(
        lambda w: reverse("branding:identity_edit", kwargs={"slug": w.org_x.slug}), only(["organiser_x"])
    ),
    "branding:edition_marks": Row(lambda w: _edition_url(w, "branding:edition_marks"), only(["organiser_x"])),
    "branding:edition_mark_delete": Row(
        lambda w: _edition_url(w, "branding:edition_mark_delete", pk=w.mark_x.pk), POST_ONLY
    ),
    "engagements:edition_pairing": Row(
        lambda w: _edition_url(w, "engagements:edition_pairing") + "?maks=5", only(["organiser_x"])
    ),
    "engagements:edition_pairing_confirm": Row(
        lambda w: _edition_url(w, "engagements:edition_pairing_confirm"), POST_ONLY
    ),
    "engagements:advisor_profile": Row(
        lambda w: _edition_url(w, "engagements:advisor_profile", user_pk=w.users["advisor_a"].pk),
        only(["organiser_x"]),
    ),
    "messaging:thread": _engagement_row("messaging:thread", ENGAGEMENT_A_WORKERS),
    "messaging:post": _engagement_row("messaging:post", POST_ONLY),
    "messaging:edit": _engagement_row("messaging:edit", ["team_member_a"], message_pk="message_a"),
    "messaging:delete": _engagement_row("messaging:delete", ["team_member_a"], message_pk="message_a"),
    "messaging:attachment": _engagement_row("messaging:attachment", ENGAGEMENT_A_WORKERS, attachment_pk="attachment_a"),
    "messaging:notifications": Row(
        lambda w: reverse("messaging:notifications"), only(["team_member_a", "team_member_b", "advisor_a", "advisor_b"])
    ),
    "advising:visits": Row(
        lambda w: _advising(w, "advising:visits", engagement_pk=w.engagement_a.pk), only(ENGAGEMENT_A_VIEWERS)
    ),
    "advising:propose": Row(
        lambda w: _advising(w, "advising:propose", engagement_pk=w.engagement_a.pk, number=2),
        only(["team_member_a", "advisor_a"]),
    ),
    "advising:session_create": Row(
        lambda w: _advising(w, "advising:session_create", engagement_pk=w.engagement_a.pk), only(["advisor_a"])
    ),
    "advising:visit": Row(lambda w: _advising(w, "advising:visit", pk=w.visit_a_held.pk), only(ENGAGEMENT_A_VIEWERS)),
    "advising:reschedule": Row(
        lambda w: _advising(w, "advising:reschedule", pk=w.visit_a_agreed.pk), only(["team_member_a", "advisor_a"])
    ),
    "advising:record_edit": Row(
        lambda w: _advising(w, "advising:record_edit", pk=w.visit_a_held.pk), only(["advisor_a"])
    ),
    "advising:record_confirm": Row(lambda w: _advising(w, "advising:record_confirm", pk=w.visit_a_held.pk), POST_ONLY),
    "advising:record_pdf": Row(
        lambda w: _advising(w, "advising:record_pdf", pk=w.visit_a_held.pk), only(ENGAGEMENT_A_VIEWERS)
    ),
    "advising:accept": Row(lambda w: _advising(w, "advising:accept", pk=w.option_a_advisors.pk), POST_ONLY),
    "advising:withdraw": Row(lambda w: _advising(w, "advising:withdraw", pk=w.option_a_advisors.pk), POST_ONLY),
    "advising:attachment": Row(
        lambda w: _advising(w, "advising:attachment", pk=w.record_a_attachment.pk), only(ENGAGEMENT_A_VIEWERS)
    ),
    "advising:task_tick": Row(lambda w: _advising(w, "advising:task_tick", pk=w.task_a.pk), POST_ONLY),
    "advising:task_to_action": Row(
        lambda w: _advising(w, "advising:task_to_action", pk=w.task_a.pk), only(ENGAGEMENT_A_WORKERS)
    ),
    "advising:session_quick": Row(lambda w: reverse("advising:session_quick"), only(ADVISORS)),
    "advising:month": Row(lambda w: reverse("advising:month"), only(ADVISORS)),
    "advising:my_hours": Row(lambda w: reverse("advising:my_hours"), only(ADVISORS)),
    "advising:hours_add": Row(lambda w: reverse("advising:hours_add"), only(ADVISORS)),
    "advising:hours_delete": Row(lambda w: _advising(w, "advising:hours_delete", pk=w.hours_a.pk), only(["advisor_a"])),
    "advising:sheet_submit": Row(lambda w: reverse("advising:sheet_submit"), POST_ONLY),
    "advising:sheet": Row(lambda w: _advising(w, "advising:sheet", pk=w.sheet_a.pk), only(SHEET_A_VIEWERS)),
    "advising:sheet_approve": Row(lambda w: _advising(w, "advising:sheet_approve", pk=w.sheet_a.pk), POST_ONLY),
    "advising:sheet_return": Row(
        lambda w: _advising(w, "advising:sheet_return", pk=w.sheet_a.pk), only(["organiser_x"])
    ),
    "advising:sheet_xlsx": Row(lambda w: _advising(w, "advising:sheet_xlsx", pk=w.sheet_a.pk), only(SHEET_A_VIEWERS)),
    "advising:edition_visits": Row(lambda w: _edition_url(w, "advising:edition_visits"), only(ORGANISER_X_VIEWERS)),
    "advising:edition_hours": Row(lambda w: _edition_url(w, "advising:edition_hours"), only(ORGANISER_X_VIEWERS)),
    "advising:edition_hours_xlsx": Row(
        lambda w: _edition_url(w, "advising:edition_hours_xlsx"), only(ORGANISER_X_VIEWERS)
    ),
    "advising:edition_settings": Row(lambda w: _edition_url(w, "advising:edition_settings"), only(["organiser_x"])),
    "api:schema": Row(lambda w: reverse("api:schema"), everyone()),
    "api:docs": Row(lambda w: reverse("api:docs"), everyone()),
    "api:not_found": Row(lambda w: "/api/v1/nie-ma/", everyone(404)),
    "api:teryt-list": Row(lambda w: reverse("api:teryt-list"), everyone()),
    "api:teryt-detail": Row(lambda w: reverse("api:teryt-detail", args=[w.jst_a.teryt]), everyone()),
    "api:catalogue-version-list": Row(lambda w: reverse("api:catalogue-version-list"), everyone()),
    "api:catalogue-version-detail": Row(
        lambda w: reverse("api:catalogue-version-detail", args=[w.catalog_published.number]), everyone()
    ),
    "api:edition-list": Row(lambda w: reverse("api:edition-list"), everyone()),
    "api:edition-detail": Row(lambda w: reverse("api:edition-detail", args=[w.edition_x.slug]), everyone()),
    "api:edition-results": Row(lambda w: reverse("api:edition-results", args=[w.edition_x.slug]), everyone()),
    "api:application-list": Row(lambda w: reverse("api:application-list"), signed_in(anonymous=401)),
    "api:application-detail": Row(
        lambda w: reverse("api:application-detail", args=[w.application_a.pk]),
        only(ORGANISER_X_VIEWERS, anonymous=401),
    ),
    "api:application-paper-receipts": Row(
        lambda w: reverse("api:application-paper-receipts", args=[w.application_a.pk]), POST_ONLY | {"anonymous": 401}
    ),
    "api:engagement-list": Row(lambda w: reverse("api:engagement-list"), signed_in(anonymous=401)),
    "api:engagement-detail": Row(
        lambda w: reverse("api:engagement-detail", args=[w.engagement_a.pk]),
        only(ENGAGEMENT_A_VIEWERS, anonymous=401),
    ),
    "api:hdr-action-list": Row(lambda w: reverse("api:hdr-action-list"), signed_in(anonymous=401)),
    "api:hdr-action-detail": Row(
        lambda w: reverse("api:hdr-action-detail", args=[w.plan_a_action.pk]),
        only(ENGAGEMENT_A_VIEWERS, anonymous=401),
    ),
    "api:hdr-action-progress": Row(
        lambda w: reverse("api:hdr-action-progress", args=[w.plan_a_action.pk]), POST_ONLY | {"anonymous": 401}
    ),
    "api:tokens": Row(lambda w: reverse("api:tokens"), signed_in()),
    "api:revoke": Row(lambda w: reverse("api:revoke", args=[w.api_token_x.pk]), POST_ONLY),
    "admin:index": Row(lambda w: reverse("admin:index"), everyone(REDIRECT) | {"platform_admin": 200}),
    "events:public_list": Row(lambda w: reverse("events:public_list", kwargs={"slug": w.edition_x.slug}), everyone()),
    "events:mine": Row(lambda w: reverse("events:mine"), signed_in()),
    "events:detail": Row(lambda w: _event_url(w, "events:detail"), only(EVENT_X_VIEWERS)),
    "events:my_agenda": Row(lambda w: _event_url(w, "events:my_agenda"), only(EVENT_X_VIEWERS)),
    "events:material": Row(
        lambda w: _event_url(w, "events:material", material_pk=w.material_x.pk), only(EVENT_X_VIEWERS)
    ),
    "events:needs": Row(lambda w: _event_url(w, "events:needs"), only(EVENT_X_INVITED)),
    "events:topics": Row(lambda w: _event_url(w, "events:topics"), only(ORGANISER_X_VIEWERS)),
    "events:register": Row(lambda w: _event_url(w, "events:register"), only(EVENT_X_INVITED)),
    "events:cancel": Row(lambda w: _event_url(w, "events:cancel"), only(["team_member_a"])),
    "events:accept_offer": Row(lambda w: _event_url(w, "events:accept_offer"), POST_ONLY),
    "events:team": Row(lambda w: _event_url(w, "events:team"), only(["team_member_a", "team_member_b"])),
    "events:desk": Row(lambda w: reverse("events:desk"), only(["organiser_x", "organiser_other", "coordinator"])),
    "events:venues": Row(lambda w: reverse("events:venues"), only(["organiser_x", "organiser_other"])),
    "events:venue_create": Row(lambda w: reverse("events:venue_create"), only(["organiser_x", "organiser_other"])),
    "events:venue_edit": Row(
        lambda w: reverse("events:venue_edit", kwargs={"pk": w.venue_x.pk}), only(["organiser_x"])
    ),
    "events:set_up": Row(
        lambda w: reverse("events:set_up", kwargs={"planned_pk": w.planned_x2.pk}), only(["organiser_x"])
    ),
    "events:manage": Row(lambda w: _event_url(w, "events:manage"), only(ORGANISER_X_VIEWERS)),
    "events:edit": Row(lambda w: _event_url(w, "events:edit"), only(["organiser_x"])),
    "events:invitees": Row(lambda w: _event_url(w, "events:invitees"), only(ORGANISER_X_VIEWERS)),
    "events:invitee_remove": Row(
        lambda w: _event_url(w, "events:invitee_remove", invitee_pk=w.invitee_trainer.pk), only(["organiser_x"])
    ),
    "events:invitations_send": Row(lambda w: _event_url(w, "events:invitations_send"), only(["organiser_x"])),
    "events:agenda": Row(lambda w: _event_url(w, "events:agenda"), only(ORGANISER_X_VIEWERS)),
    "events:session_create": Row(lambda w: _event_url(w, "events:session_create"), only(["organiser_x"])),
    "events:copy_agenda": Row(lambda w: _event_url(w, "events:copy_agenda"), POST_ONLY),
    "events:session_edit": Row(
        lambda w: _event_url(w, "events:session_edit", session_pk=w.session_x.pk), only(["organiser_x"])
    ),
    "events:session_delete": Row(
        lambda w: _event_url(w, "events:session_delete", session_pk=w.session_x.pk), only(["organiser_x"])
    ),
    "events:material_upload": Row(
        lambda w: _event_url(w, "events:material_upload", session_pk=w.session_x.pk), POST_ONLY
    ),
    "events:registrations": Row(lambda w: _event_url(w, "events:registrations"), only(ORGANISER_X_VIEWERS)),
    "events:registrations_export": Row(
        lambda w: _event_url(w, "events:registrations_export"), only(ORGANISER_X_VIEWERS)
    ),
    "events:registration_edit": Row(
        lambda w: _event_url(w, "events:registration_edit", registration_pk=w.registration_a.pk), only(["organiser_x"])
    ),
    "events:single_room": Row(
        lambda w: _event_url(w, "events:single_room", registration_pk=w.registration_a.pk), POST_ONLY
    ),
    "events:registration_cancel": Row(
        lambda w: _event_url(w, "events:registration_cancel", registration_pk=w.registration_a.pk),
        only(["organiser_x"]),
    ),
    "events:rooms": Row(lambda w: _event_url(w, "events:rooms"), only(ORGANISER_X_VIEWERS)),
    "events:pair_rooms": Row(lambda w: _event_url(w, "events:pair_rooms"), POST_ONLY),
    "events:room_remove": Row(
        lambda w: _event_url(w, "events:room_remove", room_pk=w.room_x.pk), only(["organiser_x"])
    ),
    "events:export": Row(
        lambda w: _event_url(w, "events:export", kind="uczestnicy", fmt="xlsx"), only(ORGANISER_X_VIEWERS)
    ),
    "events:check_in": Row(lambda w: _event_url(w, "events:check_in"), only(["organiser_x"])),
    "events:undo_check_in": Row(
        lambda w: _event_url(w, "events:undo_check_in", entry_pk=w.check_in_x.pk), only(["organiser_x"])
    ),
    "events:attendance_pdf": Row(lambda w: _event_url(w, "events:attendance_pdf"), POST_ONLY),
    "events:scans": Row(lambda w: _event_url(w, "events:scans"), only(ORGANISER_X_VIEWERS)),
    "events:certificates": Row(lambda w: _event_url(w, "events:certificates"), only(ORGANISER_X_VIEWERS)),
    "events:certificates_zip": Row(lambda w: _event_url(w, "events:certificates_zip"), POST_ONLY),
    "events:certificate_download": Row(
        lambda w: _event_url(w, "events:certificate_download", registration_pk=w.registration_a.pk),
        only(["organiser_x"]),
    ),
    "events:my_certificate": Row(lambda w: _event_url(w, "events:my_certificate"), only(["team_member_a"])),
    "events:verify_lookup": Row(lambda w: reverse("events:verify_lookup"), everyone()),
    "events:verify": Row(lambda w: reverse("events:verify", kwargs={"code": w.certificate_x.code}), everyone()),
    "events:scan_download": Row(
        lambda w: _event_url(w, "events:scan_download", scan_pk=w.scan_x.pk), only(ORGANISER_X_VIEWERS)
    ),
    "publications:summary": Row(lambda w: _summary_url(w, "publications:summary"), only(ENGAGEMENT_A_VIEWERS)),
    "publications:summary_start": Row(lambda w: _summary_url(w, "publications:summary_start"), POST_ONLY),
    "publications:summary_edit": Row(lambda w: _summary_url(w, "publications:summary_edit"), only(["team_member_a"])),
    "publications:attachment_add": Row(
        lambda w: _summary_url(w, "publications:attachment_add"), only(["team_member_a"])
    ),
    "publications:attachment_download": Row(
        lambda w: _summary_url(w, "publications:attachment_download", pk=w.summary_a_file.pk),
        only(ENGAGEMENT_A_VIEWERS),
    ),
    "publications:attachment_remove": Row(
        lambda w: _summary_url(w, "publications:attachment_remove", pk=w.summary_a_file.pk), only(["team_member_a"])
    ),
    "publications:summary_submit": Row(lambda w: _summary_url(w, "publications:summary_submit"), POST_ONLY),
    "publications:summary_comment": Row(lambda w: _summary_url(w, "publications:summary_comment"), POST_ONLY),
    "publications:summary_request_changes": Row(
        lambda w: _summary_url(w, "publications:summary_request_changes"), only({"advisor_a": REDIRECT})
    ),
    "publications:summary_accept": Row(lambda w: _summary_url(w, "publications:summary_accept"), POST_ONLY),
    "publications:summary_new_version": Row(lambda w: _summary_url(w, "publications:summary_new_version"), POST_ONLY),
    "publications:summary_version": Row(
        lambda w: _summary_url(w, "publications:summary_version", number=1), only(ENGAGEMENT_A_VIEWERS)
    ),
    "publications:summary_version_pdf": Row(
        lambda w: _summary_url(w, "publications:summary_version_pdf", number=1), POST_ONLY
    ),
    "publications:consents": Row(lambda w: _summary_url(w, "publications:consents"), only(ENGAGEMENT_A_VIEWERS)),
    "publications:consent_withdraw": Row(
        lambda w: _summary_url(w, "publications:consent_withdraw", pk=w.consent_a.pk), only(["team_member_a"])
    ),
    "publications:desk": Row(lambda w: _edition_url(w, "publications:desk"), only(ORGANISER_X_VIEWERS)),
    "publications:settings": Row(lambda w: _edition_url(w, "publications:settings"), only(["organiser_x"])),
    "publications:publish_all": Row(lambda w: _edition_url(w, "publications:publish_all"), only(["organiser_x"])),
    "publications:publish_one": Row(
        lambda w: _edition_url(w, "publications:publish_one", pk=w.consent_a.pk), POST_ONLY
    ),
    "publications:feature": Row(
        lambda w: reverse("publications:feature", kwargs={"pk": w.publication_b.pk}), POST_ONLY
    ),
    "publications:structures": Row(lambda w: reverse("publications:structures"), only(CATALOGUE_MANAGERS)),
    "publications:structure_edit": Row(
        lambda w: reverse("publications:structure_edit", kwargs={"form": "good_practice"}), only(CATALOGUE_MANAGERS)
    ),
    "publications:public_index": Row(lambda w: reverse("publications:public_index"), everyone()),
    "publications:public_detail": Row(
        lambda w: reverse("publications:public_detail", kwargs={"pk": w.publication_b.pk}), everyone()
    ),
    "publications:public_pdf": Row(
        lambda w: reverse("publications:public_pdf", kwargs={"pk": w.publication_b.pk}), everyone()
    ),
    "publications:public_attachment": Row(
        lambda w: reverse(
            "publications:public_attachment",
            kwargs={"pk": w.publication_b.pk, "attachment_pk": w.publication_b_photo.pk},
        ),
        everyone(),
    ),
    "publications:public_edition": Row(
        lambda w: reverse("publications:public_edition", kwargs={"slug": w.edition_x.slug}), everyone()
    ),
    "publications:feed": Row(lambda w: reverse("publications:feed"), everyone()),
    "publications:open_data_json": Row(lambda w: reverse("publications:open_data_json"), everyone()),
    "publications:open_data_csv": Row(lambda w: reverse("publications:open_data_csv"), everyone()),
    "statistics:edition": Row(lambda w: _edition_url(w, "statistics:edition"), only(ORGANISER_X_VIEWERS)),
    "statistics:edition_block_csv": Row(
        lambda w: reverse("statistics:edition_block_csv", kwargs={"slug": w.edition_x.slug, "key": "attendance_jsts"}),
        only(ORGANISER_X_VIEWERS),
    ),
    "statistics:national": Row(
        lambda w: reverse("statistics:national"), only(["organiser_x", "organiser_other", "coordinator"])
    ),
    "statistics:refresh": Row(lambda w: reverse("statistics:refresh"), POST_ONLY),
    "statistics:open_data": Row(lambda w: reverse("statistics:open_data"), everyone()),
    "statistics:open_data_file": Row(
        lambda w: reverse("statistics:open_data_file", kwargs={"dataset": "jst", "fmt": "csv"}), everyone()
    ),
    "api:event-list": Row(lambda w: reverse("api:event-list"), signed_in(anonymous=401)),
    "api:event-detail": Row(
        lambda w: reverse("api:event-detail", args=[w.event_x_full.pk]), only(ORGANISER_X_VIEWERS, anonymous=401)
    ),
    "api:event-attendance": Row(
        lambda w: reverse("api:event-attendance", args=[w.event_x_full.pk]), only(ORGANISER_X_VIEWERS, anonymous=401)
    ),
    "api:event-check-in": Row(
        lambda w: reverse("api:event-check-in", args=[w.event_x_full.pk]), POST_ONLY | {"anonymous": 401}
    ),
    "api:event-registration-list": Row(lambda w: reverse("api:event-registration-list"), signed_in(anonymous=401)),
    "api:event-registration-detail": Row(
        lambda w: reverse("api:event-registration-detail", args=[w.registration_a.pk]),
        only(ORGANISER_X_VIEWERS, anonymous=401),
    ),
    "api:publication-list": Row(lambda w: reverse("api:publication-list"), everyone()),
    "api:publication-detail": Row(lambda w: reverse("api:publication-detail", args=[w.publication_b.pk]), everyone()),
    "events:programme_send": Row(lambda w: _event_url(w, "events:programme_send"), only(["organiser_x"])),
    "events:venue_delete": Row(
        lambda w: reverse("events:venue_delete", kwargs={"pk": w.venue_x_spare.pk}), only(["organiser_x"])
    ),
    "operations:healthz": Row(lambda w: reverse("operations:healthz"), everyone()),
    "operations:readyz": Row(lambda w: reverse("operations:readyz"), everyone()),
    "operations:metrics": Row(lambda w: reverse("operations:metrics"), everyone(404)),
    "openspace:create": Row(
        lambda w: reverse("openspace:create", kwargs={"pk": w.event_x_full.pk}), only(["organiser_x"])
    ),
    **{
        f"openspace:{name}": Row(lambda w, name=name: _os_url(w, name), only(allowed))
        for name, allowed in [
            ("market", OPENSPACE_PEOPLE),
            ("counts", OPENSPACE_PEOPLE),
            ("groups", OPENSPACE_PEOPLE),
            ("conclusions", OPENSPACE_PEOPLE),
            ("plenary", OPENSPACE_PEOPLE),
            ("export_xlsx", OPENSPACE_PEOPLE),
            ("propose", ["team_member_a"]),
            ("moderate", OPENSPACE_RUNNERS),
            ("publish", OPENSPACE_RUNNERS),
        ]
    },
    "openspace:topic_edit": Row(lambda w: _os_url(w, "topic_edit", topic_pk=w.os_topic_1.pk), only(OPENSPACE_RUNNERS)),
    "openspace:merge": Row(lambda w: _os_url(w, "merge", topic_pk=w.os_topic_3.pk), only(OPENSPACE_RUNNERS)),
    "openspace:group_edit": Row(lambda w: _os_url(w, "group_edit", group_pk=w.os_group.pk), only(OPENSPACE_RUNNERS)),
    "openspace:conclusion_edit": Row(
        lambda w: _os_url(w, "conclusion_edit", group_pk=w.os_group.pk), only(OPENSPACE_PEOPLE)
    ),
    **{
        f"openspace:{name}": Row(lambda w, name=name, kw=kw: _os_url(w, name, **kw(w)), POST_ONLY)
        for name, kw in [
            ("vote", lambda w: {"topic_pk": w.os_topic_3.pk}),
            ("unvote", lambda w: {"topic_pk": w.os_topic_1.pk}),
            ("move_vote", lambda w: {"topic_pk": w.os_topic_1.pk}),
            ("follow", lambda w: {"topic_pk": w.os_topic_3.pk}),
            ("phase", lambda w: {}),
            ("form_groups", lambda w: {}),
            ("join", lambda w: {"group_pk": w.os_group.pk}),
            ("send_to_feedback", lambda w: {"group_pk": w.os_group.pk}),
            ("export_pdf", lambda w: {}),
            ("plenary_move", lambda w: {}),
        ]
    },
    "monitoring:index": Row(lambda w: reverse("monitoring:index"), only(["organiser_x"])),
    "monitoring:settings": Row(lambda w: _edition_url(w, "monitoring:settings"), only(["organiser_x"])),
    "monitoring:participants": Row(lambda w: _edition_url(w, "monitoring:participants"), only(["organiser_x"])),
    "monitoring:completeness": Row(lambda w: _edition_url(w, "monitoring:completeness"), only(["organiser_x"])),
    "monitoring:participant_edit": Row(
        lambda w: _edition_url(w, "monitoring:participant_edit", pk=w.monitoring_member_a.pk), only(["organiser_x"])
    ),
    "monitoring:reveal": Row(lambda w: _edition_url(w, "monitoring:reveal", pk=w.monitoring_member_a.pk), POST_ONLY),
    "monitoring:institutions": Row(lambda w: _edition_url(w, "monitoring:institutions"), only(["organiser_x"])),
    "monitoring:institution_edit": Row(
        lambda w: _edition_url(w, "monitoring:institution_edit", pk=w.engagement_a.pk), only(["organiser_x"])
    ),
    "monitoring:export_participants": Row(
        lambda w: _edition_url(w, "monitoring:export_participants"), only(["organiser_x"])
    ),
    "monitoring:export_institutions": Row(
        lambda w: _edition_url(w, "monitoring:export_institutions"), only(["organiser_x"])
    ),
    "monitoring:my_data": Row(lambda w: reverse("monitoring:my_data"), signed_in()),
    "monitoring:my_entry": Row(
        lambda w: reverse("monitoring:my_entry", kwargs={"pk": w.monitoring_member_a.pk}), only(["team_member_a"])
    ),
    "engagements:edition_export": Row(
        lambda w: _edition_url(w, "engagements:edition_export"), only(ORGANISER_X_VIEWERS)
    ),
    "engagements:edition_team_export": Row(
        lambda w: _edition_url(w, "engagements:edition_team_export"), only(ORGANISER_X_VIEWERS)
    ),
    "advising:edition_visits_export": Row(
        lambda w: _edition_url(w, "advising:edition_visits_export"), only(ORGANISER_X_VIEWERS)
    ),
    "advising:edition_hours_export": Row(
        lambda w: _edition_url(w, "advising:edition_hours_export"), only(ORGANISER_X_VIEWERS)
    ),
    "publications:desk_export": Row(lambda w: _edition_url(w, "publications:desk_export"), only(ORGANISER_X_VIEWERS)),
    "accounts:two_factor_backup": Row(lambda w: reverse("accounts:two_factor_backup"), signed_in()),
    "accounts:two_factor_recovery": Row(lambda w: reverse("accounts:two_factor_recovery"), signed_in()),
    "accounts:backup_codes": Row(lambda w: reverse("accounts:backup_codes"), signed_in()),
    "accounts:sessions": Row(lambda w: reverse("accounts:sessions"), signed_in()),
    "accounts:two_factor_recoveries": Row(
        lambda w: reverse("accounts:two_factor_recoveries"), only(["organiser_x", "organiser_other", "platform_admin"])
    ),
    "accounts:two_factor_recovery_confirm": Row(
        lambda w: reverse("accounts:two_factor_recovery_confirm", args=[w.recovery_advisor_a.pk]), POST_ONLY
    ),
    "consents:clause_edit": Row(
        lambda w: reverse("consents:clause_edit", kwargs={"slug": w.org_x.slug}), only(ORGANISER_X_VIEWERS)
    ),
    "consents:public_clause": Row(
        lambda w: reverse("consents:public_clause", kwargs={"slug": w.org_x.slug}), everyone()
    ),
    "consents:mine": Row(lambda w: reverse("consents:mine"), signed_in()),
    "consents:withdraw": Row(lambda w: reverse("consents:withdraw", args=[w.consent_photos_a.pk]), POST_ONLY),
    "privacy:my_data": Row(lambda w: reverse("privacy:my_data"), signed_in()),
    "privacy:export": Row(lambda w: reverse("privacy:export"), signed_in()),
    "privacy:requests": Row(
        lambda w: reverse("privacy:requests", kwargs={"slug": w.org_x.slug}), only(ORGANISER_X_VIEWERS)
    ),
    "privacy:request_detail": Row(
        lambda w: reverse("privacy:request_detail", args=[w.data_request_a.pk]), only(ORGANISER_X_VIEWERS)
    ),
    "privacy:holds": Row(lambda w: reverse("privacy:holds"), only(["organiser_x", "organiser_other"])),
    "privacy:retention": Row(
        lambda w: reverse("privacy:retention"),
        only(["organiser_x", "organiser_other", "coordinator", "platform_admin"]),
    ),
    "privacy:register": Row(
        lambda w: reverse("privacy:register"),
        only(["organiser_x", "organiser_other", "coordinator", "platform_admin"]),
    ),
    "programmes:list": Row(lambda w: reverse("programmes:list"), everyone()),
    "programmes:detail": Row(
        lambda w: reverse("programmes:detail", kwargs={"key": w.programme_public.key}), everyone()
    ),
    "programmes:pdf": Row(lambda w: reverse("programmes:pdf", kwargs={"key": w.programme_public.key}), everyone()),
    "programmes:scenario": Row(
        lambda w: reverse("programmes:scenario", kwargs={"key": w.programme_public.key, "number": 1}), everyone()
    ),
    "programmes:version_list": Row(lambda w: _draft_url(w, "programmes:version_list"), only(CATALOGUE_MANAGERS)),
    "programmes:create": Row(lambda w: _draft_url(w, "programmes:create"), only(CATALOGUE_MANAGERS)),
    "programmes:manage": Row(
        lambda w: _draft_url(w, "programmes:manage", pk=w.programme_draft.pk), only(CATALOGUE_MANAGERS)
    ),
    "programmes:edit": Row(
        lambda w: _draft_url(w, "programmes:edit", pk=w.programme_draft.pk), only(CATALOGUE_MANAGERS)
    ),
    "programmes:publish": Row(lambda w: _draft_url(w, "programmes:publish", pk=w.programme_draft.pk), POST_ONLY),
    "programmes:withdraw": Row(lambda w: _draft_url(w, "programmes:withdraw", pk=w.programme_draft.pk), POST_ONLY),
    "programmes:scenario_create": Row(
        lambda w: _draft_url(w, "programmes:scenario_create", pk=w.programme_draft.pk), only(CATALOGUE_MANAGERS)
    ),
    "programmes:scenario_edit": Row(
        lambda w: _draft_url(
            w, "programmes:scenario_edit", pk=w.programme_draft.pk, scenario_pk=w.programme_draft_scenario.pk
        ),
        only(CATALOGUE_MANAGERS),
    ),
    "programmes:scenario_delete": Row(
        lambda w: _draft_url(
            w, "programmes:scenario_delete", pk=w.programme_draft.pk, scenario_pk=w.programme_draft_scenario.pk
        ),
        POST_ONLY,
    ),
    "programmes:product_create": Row(
        lambda w: _draft_url(w, "programmes:product_create", pk=w.programme_draft.pk), only(CATALOGUE_MANAGERS)
    ),
    "programmes:product_delete": Row(
        lambda w: _draft_url(
            w, "programmes:product_delete", pk=w.programme_draft.pk, product_pk=w.programme_draft_product.pk
        ),
        POST_ONLY,
    ),
    "feedback:remark_create": Row(lambda w: reverse("feedback:remark_create"), signed_in(applicant=404)),
    "feedback:my_remarks": Row(lambda w: reverse("feedback:my_remarks"), signed_in(applicant=404)),
    "feedback:register": Row(lambda w: reverse("feedback:register"), only(CATALOGUE_MANAGERS)),
    "feedback:export": Row(lambda w: reverse("feedback:export", kwargs={"fmt": "csv"}), only(CATALOGUE_MANAGERS)),
    "feedback:detail": Row(
        lambda w: reverse("feedback:detail", kwargs={"pk": w.remark_new.pk}), only(CATALOGUE_MANAGERS)
    ),
    "feedback:status": Row(lambda w: reverse("feedback:status", kwargs={"pk": w.remark_new.pk}), POST_ONLY),
    "feedback:merge": Row(lambda w: reverse("feedback:merge", kwargs={"pk": w.remark_new.pk}), POST_ONLY),
    "feedback:link": Row(lambda w: reverse("feedback:link", kwargs={"pk": w.remark_accepted.pk}), POST_ONLY),
    "surveys:list": Row(lambda w: reverse("surveys:list"), only(SURVEY_DESK)),
    "surveys:create": Row(lambda w: reverse("surveys:create"), only(SURVEY_DESK)),
    "surveys:detail": Row(lambda w: _survey_url(w, "surveys:detail"), only(ORGANISER_X_VIEWERS)),
    "surveys:edit": Row(lambda w: _survey_url(w, "surveys:edit"), only(["organiser_x"])),
    "surveys:question_add": Row(lambda w: _survey_url(w, "surveys:question_add", draft=True), only(["organiser_x"])),
    "surveys:question_edit": Row(
        lambda w: _survey_url(w, "surveys:question_edit", draft=True, question_pk=w.survey_x_draft_second.pk),
        only(["organiser_x"]),
    ),
    "surveys:question_delete": Row(
        lambda w: _survey_url(w, "surveys:question_delete", draft=True, question_pk=w.survey_x_draft_second.pk),
        POST_ONLY,
    ),
    "surveys:question_move": Row(
        lambda w: _survey_url(w, "surveys:question_move", draft=True, question_pk=w.survey_x_draft_second.pk),
        POST_ONLY,
    ),
    "surveys:publish": Row(lambda w: _survey_url(w, "surveys:publish", draft=True), only(["organiser_x"])),
    "surveys:results": Row(lambda w: _survey_url(w, "surveys:results"), only(ORGANISER_X_VIEWERS)),
    "surveys:export": Row(lambda w: _survey_url(w, "surveys:export"), only(ORGANISER_X_VIEWERS)),
    "surveys:report_pdf": Row(lambda w: _survey_url(w, "surveys:report_pdf"), POST_ONLY),
    "surveys:promote": Row(lambda w: _survey_url(w, "surveys:promote", answer_pk=w.survey_answer_text.pk), POST_ONLY),
    "surveys:answer": Row(lambda w: reverse("surveys:answer", args=[w.survey_token_a]), everyone()),
    "surveys:thanks": Row(lambda w: reverse("surveys:thanks"), everyone()),
    "surveys:mine": Row(lambda w: reverse("surveys:mine"), signed_in()),
    "surveys:open_mine": Row(lambda w: reverse("surveys:open_mine", args=[w.survey_invitation_a.pk]), POST_ONLY),
    "openspace:public_list": Row(lambda w: reverse("openspace:public_list"), everyone()),
    "openspace:public_detail": Row(
        lambda w: reverse("openspace:public_detail", kwargs={"pk": w.openspace_published.pk}), everyone()
    ),
    "api:open-data-list": Row(lambda w: reverse("api:open-data-list"), everyone()),
    **{
        f"api:open-data-{name}-list": Row(lambda w, name=name: reverse(f"api:open-data-{name}-list"), everyone())
        for name in ("edycje", "jst", "obszary")
    },
    # stats15
    "events:attendance_export": Row(lambda w: _event_url(w, "events:attendance_export"), only(ORGANISER_X_VIEWERS)),
    "events:attendance_jst_export": Row(
        lambda w: _event_url(w, "events:attendance_jst_export"), only(ORGANISER_X_VIEWERS)
    ),
}


def _survey_url(w, name: str, *, draft: bool = False, **kwargs) -> str:
    survey = w.survey_x_draft if draft else w.survey_x
    return reverse(name, kwargs={"pk": survey.pk, **kwargs})
