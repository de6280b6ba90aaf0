"""The team leader (and the organiser) manage the team within the edition's limits."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from apps.accounts.models import Invitation
from apps.audit.models import AuditEntry
from apps.editions.models import Edition
from apps.engagements import services
from apps.engagements.models import TeamMember

pytestmark = pytest.mark.django_db


def member_data(**overrides):
    values = {"full_name": "Nowa Osoba", "email": "nowa@alfa.example"} | overrides
    return services.TeamMemberData(**values)


def row(cast, user):
    return cast.engagement.team_members.get(user=user)


def test_replace_keeps_size_and_passes_the_leader_mark(cast, mailoutbox):
    leader = row(cast, cast.leader)
    new = services.replace_team_member(member=leader, data=member_data(), by=cast.organiser)
    leader.refresh_from_db()
    assert leader.left_at is not None and not leader.is_leader
    assert new.is_leader and new.is_active
    assert cast.engagement.team_members.filter(left_at__isnull=True).count() == 3
    assert mailoutbox[-1].to == ["nowa@alfa.example"]  # a one-time link to create the account
    assert AuditEntry.objects.filter(action="team.member_replaced").exists()


def test_leaver_keeps_attribution_in_timeline_and_history(cast):
    services.add_team_member(engagement=cast.engagement, data=member_data(), by=cast.leader)
    from apps.engagements import diagnosis

    assessment = diagnosis.ensure_assessment(engagement=cast.engagement)
    diagnosis.save_findings(
        assessment=assessment, expected_version=1, values={"problems": "Mało danych"}, by=cast.member
    )
    services.remove_team_member(member=row(cast, cast.member), by=cast.leader)
    entry = cast.engagement.timeline.filter(kind="diagnosis").get()
    assert entry.actor == cast.member and entry.actor_label == "Marek Członek"
    assert AuditEntry.objects.get(action="diagnosis.saved").actor == cast.member
    page = cast.client(cast.leader).get(reverse("engagements:detail", kwargs={"pk": cast.engagement.pk}))
    body = page.content.decode()
    assert "Marek Członek</strong>: Zapisano diagnozę" in body
    assert "Dawniej w zespole" in body


def test_school_directors_follow_the_editions_rule(cast):
    cast.edition.school_directors = Edition.SchoolDirectors.NOT_ALLOWED
    cast.edition.save()
    with pytest.raises(ValidationError, match="nie wchodzą"):
        services.add_team_member(
            engagement=cast.engagement,
            data=member_data(kind=TeamMember.Kind.SCHOOL_DIRECTOR, school_name="SP 2"),
            by=cast.leader,
        )
    cast.edition.school_directors = Edition.SchoolDirectors.REQUIRED
    cast.edition.school_directors_min = 1
    cast.edition.school_directors_max = 1
    cast.edition.save()
    services.add_team_member(engagement=cast.engagement, data=member_data(), by=cast.leader)
    with pytest.raises(ValidationError, match="co najmniej 1 dyrektorów"):
        services.remove_team_member(member=row(cast, cast.director), by=cast.leader)
    with pytest.raises(ValidationError, match="najwyżej 1 dyrektorów"):
        services.add_team_member(
            engagement=cast.engagement,
            data=member_data(email="inny@alfa.example", kind=TeamMember.Kind.SCHOOL_DIRECTOR, school_name="SP 3"),
            by=cast.leader,
        )
    # Replacing the director by another director keeps the rule.
    services.replace_team_member(
        member=row(cast, cast.director),
        data=member_data(email="nowy.dyr@alfa.example", kind=TeamMember.Kind.SCHOOL_DIRECTOR, school_name="SP 1"),
        by=cast.leader,
    )


def test_resend_revokes_the_old_link_or_reminds_an_existing_account(cast, mailoutbox):
    new = services.add_team_member(engagement=cast.engagement, data=member_data(), by=cast.leader)
    first = Invitation.objects.get(email="nowa@alfa.example")
    assert services.resend_invitation(member=new, by=cast.leader) == "invited"
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Invitation.objects.filter(email="nowa@alfa.example", revoked_at__isnull=True).count() == 1
    assert services.resend_invitation(member=row(cast, cast.member), by=cast.leader) == "reminded"
    assert mailoutbox[-1].to == ["marek@alfa.example"]


def test_leader_mark_moves_and_the_same_leader_is_refused(cast):
    with pytest.raises(ValidationError, match="już jest liderem"):
        services.set_leader(member=row(cast, cast.leader), by=cast.leader)
    services.set_leader(member=row(cast, cast.member), by=cast.leader)
    assert list(cast.engagement.team_members.filter(is_leader=True, left_at__isnull=True)) == [row(cast, cast.member)]


def test_team_pages_for_the_leader_and_the_organiser_only(cast):
    url = reverse("engagements:team", kwargs={"pk": cast.engagement.pk})
    for user, status in [
        (cast.leader, 200),
        (cast.organiser, 200),
        (cast.member, 404),
        (cast.advisor, 404),
        (cast.coordinator, 404),
        (cast.outsider, 404),
    ]:
        assert cast.client(user).get(url).status_code == status, user


def test_team_add_form_errors_are_clear_and_input_kept(cast):
    url = reverse("engagements:team_add", kwargs={"pk": cast.engagement.pk})
    client = cast.client(cast.leader)
    body = client.post(url, {"full_name": "", "email": "zły-adres", "kind": "school_director"}).content.decode()
    assert "Podaj imię i nazwisko." in body
    assert "Podaj poprawny adres e-mail." in body
    assert "Podaj nazwę szkoły lub placówki" in body
    assert 'value="zły-adres"' in body
    body = client.post(url, {"full_name": "Marek", "email": "MAREK@alfa.example", "kind": "official"}).content.decode()
    assert "Ta osoba jest już w zespole." in body
    response = client.post(
        url, {"full_name": "<b>Jan</b> Nowak", "email": "jan@alfa.example", "kind": "official", "is_management": "on"}
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "&lt;b&gt;Jan&lt;/b&gt; Nowak" in page and "<b>Jan</b>" not in page


def test_team_limits_through_the_pages(cast):
    client = cast.client(cast.leader)
    for i in range(2):
        client.post(
            reverse("engagements:team_add", kwargs={"pk": cast.engagement.pk}),
            {"full_name": f"Osoba {i}", "email": f"o{i}@alfa.example", "kind": "official"},
        )
    body = client.post(
        reverse("engagements:team_add", kwargs={"pk": cast.engagement.pk}),
        {"full_name": "Szósta", "email": "o6@alfa.example", "kind": "official"},
    ).content.decode()
    assert "największą dozwoloną liczbę osób (5)" in body
    # Removing the leader is refused with the reason shown as a message.
    response = client.post(
        reverse("engagements:team_remove", kwargs={"pk": cast.engagement.pk, "member_pk": row(cast, cast.leader).pk}),
        follow=True,
    )
    assert "Nie można usunąć lidera" in response.content.decode()


def test_members_of_another_engagement_are_404(cast):
    from apps.engagements.factories import TeamMemberFactory

    other = TeamMemberFactory()
    url = reverse("engagements:team_replace", kwargs={"pk": cast.engagement.pk, "member_pk": other.pk})
    assert cast.client(cast.leader).get(url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_additions_cannot_exceed_the_maximum_on_postgresql(cast):
    """Two leaders' browsers add the fifth and sixth person at the same moment: only one may pass the size check."""
    if connection.vendor != "postgresql":
        pytest.skip("select_for_update serialises the race only on PostgreSQL (SQLite serialises all writes).")
    import threading

    from django.db import connections

    services.add_team_member(engagement=cast.engagement, data=member_data(email="czwarta@alfa.example"), by=cast.leader)
    barrier = threading.Barrier(2)
    outcomes = []

    def add(email):
        try:
            barrier.wait()
            services.add_team_member(engagement=cast.engagement, data=member_data(email=email), by=cast.leader)
            outcomes.append("added")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add, args=(f"r{i}@alfa.example",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["added", "refused"]
    assert cast.engagement.team_members.filter(left_at__isnull=True).count() == 5


def test_removing_a_member_asks_first_on_a_page_that_says_what_happens(cast):
    """No one-click removal: the team page links to a page naming the person, the loss of access and the team's
    size afterwards; only its button (a POST) removes, and opening the page changes nothing."""
    services.add_team_member(engagement=cast.engagement, data=member_data(), by=cast.leader)
    member = row(cast, cast.member)
    remove_url = reverse("engagements:team_remove", kwargs={"pk": cast.engagement.pk, "member_pk": member.pk})
    confirm_url = reverse("engagements:team_remove_confirm", kwargs={"pk": cast.engagement.pk, "member_pk": member.pk})
    client = cast.client(cast.leader)
    team_page = client.get(reverse("engagements:team", kwargs={"pk": cast.engagement.pk})).content.decode()
    assert f'action="{remove_url}"' not in team_page
    assert f'href="{confirm_url}"' in team_page
    page = client.get(confirm_url).content.decode()
    assert "Marek Członek (marek@alfa.example) przestanie być w zespole JST" in page
    assert "straci dostęp do karty JST" in page
    assert "W zespole zostanie osób: 3." in page
    assert f'action="{remove_url}"' in page
    member.refresh_from_db()
    assert member.is_active
    assert client.post(remove_url).status_code == 302
    member.refresh_from_db()
    assert not member.is_active
    assert client.get(confirm_url).status_code == 404  # no longer in the team
    # At the edition's minimum, the page says why no one can be removed now, and offers no button.
    director = row(cast, cast.director)
    url = reverse("engagements:team_remove_confirm", kwargs={"pk": cast.engagement.pk, "member_pk": director.pk})
    page = client.get(url).content.decode()
    assert "Zespół nie może liczyć mniej niż 3 osób" in page
    assert 'action="/karty-jst/' not in page


def test_the_removal_page_says_why_a_leader_cannot_be_removed(cast):
    leader = row(cast, cast.leader)
    url = reverse("engagements:team_remove_confirm", kwargs={"pk": cast.engagement.pk, "member_pk": leader.pk})
    page = cast.client(cast.organiser).get(url).content.decode()
    assert "Nie można usunąć lidera" in page
    assert 'action="/karty-jst/' not in page
