"""The HDR's life: building, locking, submitting, reviewing by both advisors, frozen versions and comparison."""

import pytest
from django.core.exceptions import ValidationError

from apps.audit.models import AuditEntry
from apps.core.locking import StaleEdit
from apps.engagements.factories import DevelopmentPriorityFactory
from apps.engagements.models import Stage
from apps.engagements.services import advance_stage, blockers_for
from apps.plans import services
from apps.plans.models import DevelopmentPlan, PlanComment, PlanVersion
from apps.plans.months import add_months
from apps.plans.snapshot import compare
from apps.plans.tests.helpers import action_values, approve_by_both

pytestmark = pytest.mark.django_db


def test_new_plan_takes_the_editions_period_and_waits_for_the_plan_stage(engagement, leader):
    engagement.stage = Stage.DIAGNOSIS
    engagement.save()
    with pytest.raises(ValidationError, match="najpierw zakończcie etap"):
        services.create_plan(engagement=engagement, by=leader)
    engagement.stage = Stage.PLAN
    engagement.save()
    plan = services.create_plan(engagement=engagement, by=leader)
    assert plan.period_start == engagement.edition.period_start.replace(day=1)
    assert plan.period_end == engagement.edition.period_end.replace(day=1)
    assert services.create_plan(engagement=engagement, by=leader) == plan  # a second click finds the same plan
    assert engagement.timeline.filter(kind="plan").count() == 1
    assert AuditEntry.objects.filter(action="plan.created").count() == 1


def test_action_rules(plan, priorities, leader):
    values = action_values(priorities[0], plan)
    with pytest.raises(ValidationError) as error:
        services.create_action(
            plan=plan,
            by=leader,
            **values | {"start_month": add_months(plan.period_start, 2), "end_month": plan.period_start},
        )
    assert "end_month" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.create_action(plan=plan, by=leader, **values | {"end_month": add_months(plan.period_end, 1)})
    assert "okresie HDR" in error.value.message_dict["end_month"][0]
    with pytest.raises(ValidationError) as error:
        services.create_action(plan=plan, by=leader, **values | {"indicator_target": "dwanaście"})
    assert "wymaga wartości liczbowej" in error.value.message_dict["indicator_target"][0]
    candidate = DevelopmentPriorityFactory(engagement=plan.engagement, is_selected=False)
    with pytest.raises(ValidationError) as error:
        services.create_action(plan=plan, by=leader, **values | {"priority": candidate})
    assert "priority" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.create_action(plan=plan, by=leader, **values | {"title": "x" * 301})
    assert "title" in error.value.message_dict
    action = services.create_action(plan=plan, by=leader, **values | {"indicator_target": "12,50"})
    assert action.indicator_target == "12,5"  # one spelling of numbers


def test_descriptive_indicators_take_text(plan, priorities, leader):
    action = services.create_action(
        plan=plan,
        by=leader,
        **action_values(priorities[0], plan, indicator_unit="descriptive", indicator_target="przyjęta strategia"),
    )
    assert action.indicator_target == "przyjęta strategia"


def test_a_catalogue_solution_must_come_from_the_chosen_area(plan, priorities, leader):
    engagement = plan.engagement
    chosen = engagement.chosen_areas.get().area
    other_area = engagement.edition.catalogue_version.areas.exclude(pk=chosen.pk).first()
    values = action_values(priorities[0], plan)
    with pytest.raises(ValidationError) as error:
        services.create_action(plan=plan, by=leader, **values | {"solution": other_area.solutions.first()})
    assert "solution" in error.value.message_dict
    action = services.create_action(plan=plan, by=leader, **values | {"solution": chosen.solutions.first()})
    assert action.solution_label == chosen.solutions.first().name


def test_stale_action_save_is_refused_and_nothing_is_overwritten(plan, priorities, leader, advisors):
    action = services.create_action(plan=plan, by=leader, **action_values(priorities[0], plan))
    started_from = action.version
    services.update_action(
        action=action, expected_version=started_from, by=advisors[0], **action_values(priorities[0], plan, title="A")
    )
    with pytest.raises(StaleEdit) as error:
        services.update_action(
            action=action, expected_version=started_from, by=leader, **action_values(priorities[0], plan, title="B")
        )
    assert error.value.current.title == "A"
    action.refresh_from_db()
    assert action.title == "A" and action.version == started_from + 1
    assert AuditEntry.objects.filter(action="plan.action_updated").count() == 1


def test_stale_header_save_is_refused(plan, leader, advisors):
    version = plan.version
    services.update_header(
        plan=plan,
        expected_version=version,
        by=advisors[0],
        period_start=plan.period_start,
        period_end=plan.period_end,
        directions="Doradca",
    )
    with pytest.raises(StaleEdit):
        services.update_header(
            plan=plan,
            expected_version=version,
            by=leader,
            period_start=plan.period_start,
            period_end=plan.period_end,
            directions="Zespół",
        )
    plan.refresh_from_db()
    assert plan.directions == "Doradca"


def test_period_stays_inside_the_edition_and_around_the_actions(plan, priorities, leader):
    services.create_action(
        plan=plan, by=leader, **action_values(priorities[0], plan, end_month=add_months(plan.period_start, 4))
    )
    with pytest.raises(ValidationError) as error:
        services.update_header(
            plan=plan,
            expected_version=plan.version,
            by=leader,
            period_start=add_months(plan.period_start, -1),
            period_end=plan.period_end,
            directions="",
        )
    assert "okresie realizacji edycji" in error.value.message_dict["period_start"][0]
    with pytest.raises(ValidationError) as error:
        services.update_header(
            plan=plan,
            expected_version=plan.version,
            by=leader,
            period_start=plan.period_start,
            period_end=add_months(plan.period_start, 2),
            directions="",
        )
    assert "Najpierw zmień ich terminy" in error.value.message_dict["period_start"][0]


def test_submission_lists_every_missing_part(plan, priorities, leader):
    services.create_action(plan=plan, by=leader, **action_values(priorities[0], plan))
    with pytest.raises(ValidationError) as error:
        services.submit_plan(plan=plan, by=leader)
    messages = " ".join(error.value.messages)
    assert f"Dodaj co najmniej jedno działanie do priorytetu „{priorities[1].title}”" in messages
    assert "Opisz kierunki wdrożenia" in messages
    assert "Dodaj co najmniej jedno ryzyko" in messages
    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.DRAFT and not plan.versions.exists()


def test_submit_freezes_a_version_and_tells_both_advisors(complete_plan, leader, advisors, mailoutbox):
    version = services.submit_plan(plan=complete_plan, by=leader)
    complete_plan.refresh_from_db()
    assert complete_plan.status == DevelopmentPlan.Status.IN_REVIEW
    assert version.number == 1
    assert [a["title"] for a in version.snapshot["actions"]] == ["Działanie 1", "Działanie 2"]
    assert version.snapshot["header"]["jst"] == complete_plan.engagement.local_government.display_name
    assert sorted(mailoutbox[-1].to) == sorted(a.email for a in advisors)
    assert "czeka na Twoją akceptację" in mailoutbox[-1].subject
    with pytest.raises(ValidationError, match="czeka na decyzję doradców"):
        services.create_risk(plan=complete_plan, by=leader, risk="x", mitigation="y")


def test_one_advisor_requests_changes_then_both_approve(complete_plan, leader, advisors, mailoutbox):
    services.submit_plan(plan=complete_plan, by=leader)
    with pytest.raises(ValidationError):
        services.request_changes(plan=complete_plan, by=advisors[0], reason="   ")
    services.request_changes(plan=complete_plan, by=advisors[0], reason="Doprecyzujcie wskaźniki.")
    complete_plan.refresh_from_db()
    assert complete_plan.status == DevelopmentPlan.Status.DRAFT
    assert mailoutbox[-1].to == [leader.email]
    assert "Doprecyzujcie wskaźniki." in mailoutbox[-1].body

    action = complete_plan.actions.first()
    services.update_action(
        action=action,
        expected_version=action.version,
        by=leader,
        **action_values(action.priority, complete_plan, title="Działanie 1 (poprawione)"),
    )
    services.submit_plan(plan=complete_plan, by=leader)
    first = services.approve_plan(plan=complete_plan, by=advisors[0])
    assert first.number == 2 and first.status == PlanVersion.Status.IN_REVIEW  # one approval is not enough
    with pytest.raises(ValidationError, match="ma już Twoją akceptację"):
        services.approve_plan(plan=complete_plan, by=advisors[0])
    version = services.approve_plan(plan=complete_plan, by=advisors[1])
    complete_plan.refresh_from_db()
    assert version.status == PlanVersion.Status.APPROVED
    assert complete_plan.status == DevelopmentPlan.Status.APPROVED
    assert complete_plan.approved_version == version
    complete_plan.engagement.refresh_from_db()
    assert complete_plan.engagement.stage == Stage.DIRECTIONS  # the engagement moves on
    assert "zatwierdzony" in mailoutbox[-1].subject
    assert list(PlanVersion.objects.filter(plan=complete_plan).values_list("number", "status")) == [
        (2, "approved"),
        (1, "changes_requested"),
    ]
    actions = [e.action for e in AuditEntry.objects.order_by("pk")]
    assert actions.count("plan.approved_by_advisor") == 2 and actions.count("plan.approved") == 1


def test_only_the_plans_advisors_approve(complete_plan, leader):
    services.submit_plan(plan=complete_plan, by=leader)
    with pytest.raises(ValidationError, match="doradcy tej JST"):
        services.approve_plan(plan=complete_plan, by=leader)


def test_an_approved_version_is_frozen_and_changes_start_a_new_version(complete_plan, leader, advisors):
    services.submit_plan(plan=complete_plan, by=leader)
    approve_by_both(complete_plan, advisors)
    approved = complete_plan.approved_version
    frozen = dict(approved.snapshot)
    action = complete_plan.actions.first()
    with pytest.raises(ValidationError, match="rozpocznij nową wersję"):
        services.update_action(
            action=action, expected_version=action.version, by=leader, **action_values(action.priority, complete_plan)
        )
    services.start_new_version(plan=complete_plan, by=leader)
    services.update_action(
        action=action,
        expected_version=action.version,
        by=leader,
        **action_values(action.priority, complete_plan, title="Nowy tytuł", indicator_target="20"),
    )
    approved.refresh_from_db()
    assert approved.snapshot == frozen  # the approved version never changes
    complete_plan.refresh_from_db()
    assert complete_plan.approved_version == approved  # still in force until a newer one is approved
    services.submit_plan(plan=complete_plan, by=leader)
    latest = complete_plan.versions.get(number=2)
    diff = compare(approved.snapshot, latest.snapshot)
    [change] = diff.actions
    assert change.kind == "changed" and change.title == "Nowy tytuł"
    assert {(c.label, c.old, c.new) for c in change.changes} == {
        ("Działanie", "Działanie 1", "Nowy tytuł"),
        ("Wartość docelowa", "12", "20"),
    }
    assert not diff.header and not diff.risks


def test_compare_reports_added_and_removed_actions(complete_plan, leader, priorities):
    services.submit_plan(plan=complete_plan, by=leader)
    services.request_changes(
        plan=complete_plan, by=complete_plan.engagement.advisor_assignments.first().user, reason="x"
    )
    removed = complete_plan.actions.get(title="Działanie 2")
    services.delete_action(action=removed, by=leader)
    services.create_action(plan=complete_plan, by=leader, **action_values(priorities[1], complete_plan, title="Nowe"))
    services.submit_plan(plan=complete_plan, by=leader)
    first, second = complete_plan.versions.order_by("number")
    diff = compare(first.snapshot, second.snapshot)
    assert {(c.kind, c.title) for c in diff.actions} == {("added", "Nowe"), ("removed", "Działanie 2")}


def test_the_engagement_cannot_pass_the_hdr_stage_before_approval(complete_plan, leader, advisors):
    engagement = complete_plan.engagement
    assert "HDR nie został jeszcze zatwierdzony przez obu doradców." in blockers_for(
        engagement=engagement, stage=Stage.DIRECTIONS
    )
    with pytest.raises(ValidationError):
        advance_stage(engagement=engagement, to=Stage.DIRECTIONS, by=leader)
    services.submit_plan(plan=complete_plan, by=leader)
    approve_by_both(complete_plan, advisors)
    assert blockers_for(engagement=engagement, stage=Stage.DIRECTIONS) == []


def test_comment_threads(complete_plan, leader, advisors):
    action = complete_plan.actions.first()
    thread = services.add_comment(
        plan=complete_plan, by=advisors[0], text="Za krótki termin", section="", action=action
    )
    assert thread.section == PlanComment.Section.ACTION and thread.action_title == action.title
    services.set_comment_resolved(comment=thread, by=leader, resolved=True)
    reply = services.add_comment(plan=complete_plan, by=leader, text="Wydłużymy", section="", parent=thread)
    thread.refresh_from_db()
    assert reply.parent == thread and reply.action == action
    assert thread.resolved_at is None  # a reply reopens the thread
    with pytest.raises(ValidationError):
        services.add_comment(plan=complete_plan, by=leader, text="", section="risks")
    with pytest.raises(ValidationError):
        services.add_comment(plan=complete_plan, by=leader, text="x", section="nieznana")
    services.delete_action(action=action, by=leader)
    thread.refresh_from_db()
    assert thread.action is None and thread.action_title  # the discussion survives the action


@pytest.mark.django_db(transaction=True)
def test_both_advisors_approving_at_the_same_moment_approve_the_plan_once(complete_plan, leader, advisors):
    """Without the row lock each approval could miss the other and the plan would stay in review for good."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need PostgreSQL (CI runs it); SQLite serialises the whole database.")
    services.submit_plan(plan=complete_plan, by=leader)
    barrier = threading.Barrier(2)
    errors = []

    def approve(advisor):
        try:
            barrier.wait()
            services.approve_plan(plan=complete_plan, by=advisor)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(advisor,)) for advisor in advisors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    complete_plan.refresh_from_db()
    assert complete_plan.status == DevelopmentPlan.Status.APPROVED
    assert AuditEntry.objects.filter(action="plan.approved").count() == 1
