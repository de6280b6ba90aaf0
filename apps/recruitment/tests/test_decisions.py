"""Decisions against the capacity, the reserve list, withdrawals, results and the hand-over to engagements."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.accounts.models import Invitation
from apps.audit.selectors import history_of
from apps.engagements.models import Engagement
from apps.recruitment import services
from apps.recruitment.factories import PaperReceiptFactory, SubmittedApplicationFactory
from apps.recruitment.kinds import DocumentKind
from apps.recruitment.models import Application
from apps.territory.factories import LocalGovernmentFactory

pytestmark = pytest.mark.django_db
Status = Application.Status


def complete(application):
    """All three documents received on the deadline day: in time."""
    for kind in DocumentKind.values:
        PaperReceiptFactory(application=application, kind=kind)
    services._refresh_documents(application)
    application.refresh_from_db()
    return application


@pytest.fixture
def applications(edition):
    """Four submitted applications with complete documents (the edition has 2 places)."""
    return [
        complete(SubmittedApplicationFactory(edition=edition, local_government=LocalGovernmentFactory()))
        for _ in range(4)
    ]


def test_qualifying_up_to_the_capacity_then_a_clear_refusal(applications, organiser):
    first, second, third, _fourth = applications
    services.decide(application=first, status=Status.QUALIFIED, by=organiser)
    services.decide(application=second, status=Status.QUALIFIED, by=organiser)
    with pytest.raises(ValidationError) as error:
        services.decide(application=third, status=Status.QUALIFIED, by=organiser)
    assert error.value.messages == [
        "Brak wolnych miejsc: zakwalifikowano już 2 z 2 JST. Zmień najpierw decyzję o innej JST albo zwiększ liczbę "
        "miejsc w ustawieniach edycji."
    ]
    third.refresh_from_db()
    assert third.status == Status.SUBMITTED
    # Deciding again on an already qualified JST does not count it twice.
    services.decide(application=first, status=Status.QUALIFIED, by=organiser)


def test_incomplete_documents_need_an_explicit_override(edition, organiser):
    application = SubmittedApplicationFactory(edition=edition)
    with pytest.raises(ValidationError) as error:
        services.decide(application=application, status=Status.QUALIFIED, by=organiser)
    assert "niekompletne lub wpłynęły po terminie" in error.value.message_dict["despite_documents"][0]
    services.decide(application=application, status=Status.QUALIFIED, by=organiser, despite_documents=True)
    entry = history_of(application).get(action="application.decided")
    assert entry.changes["despite_documents"] is True
    assert entry.changes["status"] == ["submitted", "qualified"]


def test_rejection_needs_a_reason(applications, organiser):
    with pytest.raises(ValidationError) as error:
        services.decide(application=applications[0], status=Status.REJECTED, by=organiser, reason="  ")
    assert "reason" in error.value.message_dict
    services.decide(application=applications[0], status=Status.REJECTED, by=organiser, reason="Dokumenty po terminie.")


def test_the_reserve_list_is_ranked_and_stays_dense(applications, organiser):
    a, b, c, d = applications
    services.decide(application=a, status=Status.RESERVE, by=organiser)
    services.decide(application=b, status=Status.RESERVE, by=organiser)
    services.decide(application=c, status=Status.RESERVE, by=organiser, rank=1)  # in front of the others
    ranks = lambda: dict(Application.objects.filter(status=Status.RESERVE).values_list("pk", "reserve_rank"))  # noqa: E731
    assert ranks() == {c.pk: 1, a.pk: 2, b.pk: 3}
    services.decide(application=a, status=Status.QUALIFIED, by=organiser)  # leaves the list: the gap closes
    assert ranks() == {c.pk: 1, b.pk: 2}
    services.decide(application=d, status=Status.RESERVE, by=organiser, rank=99)  # beyond the end: last
    assert ranks() == {c.pk: 1, b.pk: 2, d.pk: 3}
    assert services.first_on_reserve(edition=a.edition) == c


def test_withdrawing_a_qualified_jst_frees_the_place_and_offers_the_first_reserve(applications, organiser):
    a, b, c, _d = applications
    services.decide(application=a, status=Status.QUALIFIED, by=organiser)
    services.decide(application=b, status=Status.QUALIFIED, by=organiser)
    services.decide(application=c, status=Status.RESERVE, by=organiser)
    with pytest.raises(ValidationError):
        services.withdraw_qualified(application=a, reason="", by=organiser)
    offered = services.withdraw_qualified(application=a, reason="Rezygnacja JST, pismo z 1.09", by=organiser)
    assert offered == c
    services.decide(application=c, status=Status.QUALIFIED, by=organiser)
    c.refresh_from_db()
    assert c.status == Status.QUALIFIED and c.reserve_rank is None


def test_only_submitted_applications_can_be_decided(edition, organiser):
    from apps.recruitment.factories import ApplicationFactory

    draft = ApplicationFactory(edition=edition)
    with pytest.raises(ValidationError, match="tylko o złożonym"):
        services.decide(application=draft, status=Status.QUALIFIED, by=organiser, despite_documents=True)


# Results and the hand-over -----------------------------------------------------------------------------------------


def test_results_cannot_be_published_with_undecided_applications(applications, organiser):
    services.decide(application=applications[0], status=Status.QUALIFIED, by=organiser)
    with pytest.raises(ValidationError, match="bez decyzji: 3"):
        services.publish_results(edition=applications[0].edition, by=organiser)


def test_publishing_hands_over_notifies_once_and_only_once(applications, organiser, mailoutbox):
    a, b, c, d = applications
    edition = a.edition
    services.decide(application=a, status=Status.QUALIFIED, by=organiser)
    services.decide(application=b, status=Status.RESERVE, by=organiser)
    services.decide(application=c, status=Status.REJECTED, by=organiser, reason="Brak kadry zarządzającej.")
    services.withdraw_application(application=d, by=d.applicant)
    assert not Engagement.objects.exists()  # nothing is handed over before the results are public
    mailoutbox.clear()

    services.publish_results(edition=edition, by=organiser)

    engagement = Engagement.objects.get()
    assert engagement.local_government == a.local_government and engagement.edition == edition
    team = list(engagement.team_members.order_by("email"))
    assert sorted(m.email for m in team) == sorted(a.team.values_list("email", flat=True))
    leader = engagement.team_members.get(is_leader=True)
    assert leader.email == a.team.get(is_leader=True).email
    a.refresh_from_db()
    assert a.engagement == engagement
    # Team invitations (new accounts) and one result e-mail per decided applicant (not the withdrawn one).
    assert Invitation.objects.filter(email__in=[m.email for m in team]).count() == 3
    results = [m for m in mailoutbox if m.subject.startswith("Wynik naboru")]
    assert sorted(m.to[0] for m in results) == sorted([a.applicant.email, b.applicant.email, c.applicant.email])
    rejected = next(m for m in results if m.to[0] == c.applicant.email)
    assert "Brak kadry zarządzającej." in rejected.body
    reserve = next(m for m in results if m.to[0] == b.applicant.email)
    assert "liście rezerwowej (miejsce 1)" in reserve.body
    sent = len(mailoutbox)

    with pytest.raises(ValidationError, match="Wyniki opublikowano już"):
        services.publish_results(edition=edition, by=organiser)
    assert len(mailoutbox) == sent
    assert Engagement.objects.count() == 1


def test_after_publication_a_new_qualification_is_handed_over_and_announced_at_once(
    applications, organiser, mailoutbox
):
    a, b, c, d = applications
    services.decide(application=a, status=Status.QUALIFIED, by=organiser)
    services.decide(application=b, status=Status.QUALIFIED, by=organiser)
    services.decide(application=c, status=Status.RESERVE, by=organiser)
    services.decide(application=d, status=Status.REJECTED, by=organiser, reason="Po terminie.")
    services.publish_results(edition=a.edition, by=organiser)
    mailoutbox.clear()

    services.withdraw_qualified(application=a, reason="Rezygnacja", by=organiser)
    assert Engagement.objects.get(local_government=a.local_government).withdrawn_at is not None
    services.decide(application=c, status=Status.QUALIFIED, by=organiser)
    assert Engagement.objects.filter(local_government=c.local_government, withdrawn_at__isnull=True).exists()
    told = {m.to[0]: m for m in mailoutbox if m.subject.startswith("Wynik naboru")}
    assert set(told) == {a.applicant.email, c.applicant.email}
    assert "wycofano" in told[a.applicant.email].body
    assert "zakwalifikowana" in told[c.applicant.email].body
    assert not services.notify_result(application=c)  # already told about this decision


def test_a_handed_over_jst_is_taken_back_only_by_withdrawal(applications, organiser):
    """After publication a qualified JST's team works on its karta JST: moving it to the reserve list or rejecting
    it would leave that engagement running for a JST that is no longer qualified."""
    a, b, c, d = applications
    services.decide(application=a, status=Status.QUALIFIED, by=organiser)
    for other in (b, c, d):
        services.decide(application=other, status=Status.RESERVE, by=organiser)
    services.publish_results(edition=a.edition, by=organiser)
    for status, reason in [(Status.RESERVE, ""), (Status.REJECTED, "Brak kadry.")]:
        with pytest.raises(ValidationError) as error:
            services.decide(application=a, status=status, by=organiser, reason=reason)
        assert "Wycofaj JST" in error.value.message_dict["decision"][0]
    a.refresh_from_db()
    assert a.status == Status.QUALIFIED
    assert Engagement.objects.get(local_government=a.local_government).withdrawn_at is None


def test_the_applicant_sees_no_decision_before_publication(applications, organiser):
    a = applications[0]
    services.decide(application=a, status=Status.REJECTED, by=organiser, reason="x")
    a = Application.objects.select_related("edition__call").get(pk=a.pk)
    assert a.applicant_status_label == "złożone, czeka na decyzję"


def test_results_publish_themselves_on_the_results_date_when_everything_is_decided(applications, organiser):
    a, b, c, d = applications
    edition = a.edition
    for application in (a, b):
        services.decide(application=application, status=Status.QUALIFIED, by=organiser)
    services.decide(application=c, status=Status.RESERVE, by=organiser)
    assert services.publish_due_results(today=edition.results_date) == []  # d is undecided: the organiser decides
    services.decide(application=d, status=Status.REJECTED, by=organiser, reason="x")
    assert services.publish_due_results(today=edition.results_date - timedelta(days=1)) == []
    assert services.publish_due_results(today=edition.results_date) == [edition]
    assert services.publish_due_results(today=edition.results_date) == []  # idempotent
    assert Engagement.objects.count() == 2
    assert services.stored_call(edition=edition).results_published_at <= timezone.now()


def test_a_team_that_no_longer_fits_the_edition_stops_the_publication_and_names_the_jst(applications, organiser):
    a, b, c, d = applications
    for application in applications:
        services.decide(application=application, status=Status.RESERVE, by=organiser)
    services.decide(application=a, status=Status.QUALIFIED, by=organiser)
    a.edition.team_size_min = 4  # changed after the applications came in
    a.edition.save()
    with pytest.raises(ValidationError) as error:
        services.publish_results(edition=a.edition, by=organiser)
    assert a.local_government.display_name in error.value.messages[0]
    assert not services.stored_call(edition=a.edition).results_published
    assert not Engagement.objects.exists()
