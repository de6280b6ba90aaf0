"""Invitations: an organiser's staff invites by e-mail; the one-time link creates the account or adds the role."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts import services
from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Invitation, Membership, User

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Zielona-Lodz-Podwodna-7"


@pytest.fixture
def org():
    return OrganisationFactory(name="Ośrodek Rozwoju Edukacji", slug="ore")


@pytest.fixture
def staff(org):
    return MembershipFactory(organisation=org, role=Membership.Role.STAFF, user__full_name="Olga Organizator").user


def _detail_url(org):
    return reverse("accounts:organisation_detail", kwargs={"slug": org.slug})


def _link_path(message) -> str:
    match = re.search(re.escape(settings.SITE_URL) + r"(/konto/zaproszenie/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def _invite(org, *, email="nowa.osoba@example.org", role=Membership.Role.ADVISOR, by=None):
    invitation, token = services.invite(email=email, full_name="Nowa Osoba", organisation=org, role=role, by=by)
    return invitation, reverse("accounts:invitation", kwargs={"token": token})


def _accept_form(**overrides):
    return {"full_name": "Nina Nowak", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **overrides}


# Inviting ------------------------------------------------------------------------------------------------------


def test_staff_invites_and_the_emailed_link_works(signed_in, org, staff, mailoutbox):
    client = signed_in(staff)
    response = client.post(
        _detail_url(org), {"email": "Nina.Nowak@Example.org", "full_name": "Nina Nowak", "role": "advisor"}
    )
    assert response.status_code == 302
    assert response["Location"] == _detail_url(org)
    page = client.get(_detail_url(org)).content.decode()
    assert "Zaproszenie wysłane na adres" in page
    assert "nina.nowak@example.org" in page  # listed among pending invitations

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["nina.nowak@example.org"]
    assert message.subject == "Zaproszenie do platformy Doradztwo dla JST"
    assert "doradca (Ośrodek Rozwoju Edukacji)" in message.body
    invitation = Invitation.objects.get()
    assert invitation.created_by == staff
    assert invitation.role == Membership.Role.ADVISOR
    # Only the hash of the token is stored: the link's token is nowhere in the database row.
    token = _link_path(message).rstrip("/").rsplit("/", 1)[1]
    assert token not in invitation.token_hash

    stranger = Client()
    accept_page = stranger.get(_link_path(message))
    assert accept_page.status_code == 200
    assert "Utwórz konto" in accept_page.content.decode()
    assert "nina.nowak@example.org" in accept_page.content.decode()


def test_accepting_creates_account_with_membership_and_signs_in(client, org, staff):
    invitation, link = _invite(org, role=Membership.Role.TRAINER, by=staff)
    response = client.post(link, _accept_form())
    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")
    user = User.objects.get(email="nowa.osoba@example.org")
    assert user.full_name == "Nina Nowak"
    assert user.check_password(NEW_PASSWORD)
    assert Membership.objects.filter(user=user, organisation=org, role=Membership.Role.TRAINER).exists()
    dashboard = client.get(reverse("core:dashboard"))
    assert dashboard.status_code == 200
    assert dashboard.context["user"] == user
    assert "Konto zostało utworzone. Witamy!" in dashboard.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None


def test_invited_advisor_goes_on_to_two_factor_setup(client, org, staff):
    _invitation, link = _invite(org, role=Membership.Role.ADVISOR, by=staff)
    client.post(link, _accept_form())
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_the_same_link_again_says_already_used(client, org, staff):
    _invitation, link = _invite(org, role=Membership.Role.TRAINER, by=staff)
    client.post(link, _accept_form())
    for visitor in [client, Client()]:
        response = visitor.get(link)
        assert response.status_code == 410
        assert "To zaproszenie zostało już wykorzystane" in response.content.decode()
        assert visitor.post(link, _accept_form()).status_code == 410
    assert User.objects.filter(email="nowa.osoba@example.org").count() == 1


def test_expired_link(client, org, staff):
    invitation, link = _invite(org, by=staff)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(link)
    assert response.status_code == 410
    assert "To zaproszenie wygasło" in response.content.decode()
    response = client.post(link, _accept_form())
    assert response.status_code == 410
    assert not User.objects.filter(email="nowa.osoba@example.org").exists()


def test_unknown_token_gets_polish_404(client):
    response = client.get(reverse("accounts:invitation", kwargs={"token": "nie-ma-takiego"}))
    assert response.status_code == 404
    assert "Nie znaleźliśmy tego zaproszenia" in response.content.decode()


def test_revoked_link(signed_in, org, staff):
    invitation, link = _invite(org, by=staff)
    client = signed_in(staff)
    response = client.post(
        reverse("accounts:invitation_revoke", kwargs={"slug": org.slug, "pk": invitation.pk}), follow=True
    )
    assert "Zaproszenie wycofane." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    visitor = Client()
    response = visitor.get(link)
    assert response.status_code == 410
    assert "zostało wycofane przez organizatora" in response.content.decode()
    assert visitor.post(link, _accept_form()).status_code == 410


def test_existing_account_signed_in_gets_the_role_added(signed_in, org, staff):
    trainer = MembershipFactory(organisation=org, role=Membership.Role.TRAINER, user__email="jan@example.org").user
    _invitation, link = _invite(org, email="JAN@example.org", role=Membership.Role.STAFF, by=staff)
    client = signed_in(trainer)
    page = client.get(link)
    assert page.status_code == 200
    assert "Konto z adresem jan@example.org już istnieje." in page.content.decode()
    response = client.post(link)
    assert response.status_code == 302
    assert set(trainer.memberships.values_list("role", flat=True)) == {"trainer", "staff"}
    # The new role needs the second factor, so the very next page asks for it.
    assert client.get(reverse("core:dashboard"))["Location"].startswith(reverse("accounts:two_factor_setup"))
    assert Client().get(link).status_code == 410


def test_existing_account_not_signed_in_is_asked_to_sign_in(client, org, staff):
    UserFactory(email="jan@example.org")
    _invitation, link = _invite(org, email="jan@example.org", by=staff)
    page = client.get(link)
    assert page.status_code == 200
    assert f"{reverse('accounts:login')}?next={link}" in page.content.decode()
    # A POST without signing in adds nothing and creates no account.
    assert client.post(link, _accept_form()).status_code == 200
    assert not Membership.objects.filter(user__email="jan@example.org").exists()
    # Signing in through that link brings the person back to the invitation.
    response = client.post(
        reverse("accounts:login"), {"username": "jan@example.org", "password": TEST_PASSWORD, "next": link}
    )
    assert response["Location"] == link
    assert client.post(link).status_code == 302
    assert Membership.objects.filter(user__email="jan@example.org", role=Membership.Role.ADVISOR).exists()


def test_another_signed_in_account_cannot_take_the_invitation(signed_in, org, staff):
    UserFactory(email="jan@example.org")
    _invitation, link = _invite(org, email="jan@example.org", by=staff)
    client = signed_in(UserFactory(email="ktos.inny@example.org"))
    response = client.post(link)
    assert response.status_code == 403
    assert "Jesteś zalogowany na inne konto" in response.content.decode()
    assert not Membership.objects.filter(user__email="ktos.inny@example.org").exists()


def test_inviting_someone_who_already_has_the_role(signed_in, org, staff, mailoutbox):
    MembershipFactory(organisation=org, role=Membership.Role.ADVISOR, user__email="dorota@example.org")
    client = signed_in(staff)
    response = client.post(_detail_url(org), {"email": "Dorota@example.org", "full_name": "", "role": "advisor"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["Ta osoba ma już tę rolę u tego organizatora."]
    assert 'value="Dorota@example.org"' in response.content.decode()
    assert 'id="id_email_error"' in response.content.decode()
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_invite_form_rejects_bad_input(signed_in, org, staff):
    client = signed_in(staff)
    response = client.post(_detail_url(org), {"email": "to nie e-mail", "full_name": "Ktoś", "role": "szef"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["email"] == ["Wprowadź poprawny adres email."]
    assert "Wybierz poprawną wartość" in errors["role"][0]
    assert 'value="Ktoś"' in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (_accept_form(password2="Inne-Haslo-Calkiem-9"), "password2", "Hasła nie są takie same."),
        (_accept_form(password1="Krotkie1", password2="Krotkie1"), "password1", "To hasło jest za krótkie."),
        (_accept_form(password1="password123", password2="password123"), "password1", "zbyt powszechne"),
        (_accept_form(password1="12345678901234", password2="12345678901234"), "password1", "wyłącznie z cyfr"),
        (
            _accept_form(password1="nowa.osoba@example", password2="nowa.osoba@example"),
            "password1",
            "podobne",
        ),
        (_accept_form(full_name=""), "full_name", "To pole jest wymagane."),
    ],
)
def test_accept_form_bad_input_gets_messages_next_to_fields(client, org, staff, form, field, message):
    _invitation, link = _invite(org, by=staff)
    response = client.post(link, form)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field]), response.context["form"].errors
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert "Popraw zaznaczone pola" in html
    if form["full_name"]:
        assert f'value="{form["full_name"]}"' in html
    assert NEW_PASSWORD not in html  # passwords are never echoed back
    assert not User.objects.filter(email="nowa.osoba@example.org").exists()
    assert client.get(link).status_code == 200  # the link is still usable


# Who may invite and revoke -------------------------------------------------------------------------------------


def _other_roles(org):
    other_org = OrganisationFactory(slug="inny")
    return {
        "staff of another organiser": MembershipFactory(organisation=other_org, role=Membership.Role.STAFF).user,
        "advisor": MembershipFactory(organisation=org, role=Membership.Role.ADVISOR).user,
        "trainer": MembershipFactory(organisation=org, role=Membership.Role.TRAINER).user,
        "coordinator": MembershipFactory(organisation=org, role=Membership.Role.COORDINATOR).user,
        "applicant": UserFactory(),
    }


def test_only_own_staff_may_invite(org, staff, mailoutbox):
    for label, user in _other_roles(org).items():
        client = Client()
        from apps.core.testing import sign_in

        sign_in(client, user)
        response = client.post(_detail_url(org), {"email": "x@example.org", "full_name": "", "role": "staff"})
        assert response.status_code == 404, label
        assert "Nie znaleziono strony" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_only_own_staff_may_revoke(org, staff):
    invitation, _link = _invite(org, by=staff)
    url = reverse("accounts:invitation_revoke", kwargs={"slug": org.slug, "pk": invitation.pk})
    from apps.core.testing import sign_in

    for label, user in _other_roles(org).items():
        client = Client()
        sign_in(client, user)
        assert client.post(url).status_code == 404, label
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_staff_cannot_revoke_another_organisers_invitation_through_their_own_page(signed_in, org, staff):
    other_org = OrganisationFactory(slug="inny")
    foreign, _link = _invite(other_org, email="obcy@example.org")
    client = signed_in(staff)
    url = reverse("accounts:invitation_revoke", kwargs={"slug": org.slug, "pk": foreign.pk})
    assert client.post(url).status_code == 404
    foreign.refresh_from_db()
    assert foreign.revoked_at is None


def test_revoke_only_by_post(signed_in, org, staff):
    invitation, _link = _invite(org, by=staff)
    client = signed_in(staff)
    url = reverse("accounts:invitation_revoke", kwargs={"slug": org.slug, "pk": invitation.pk})
    assert client.get(url).status_code == 405


def test_coordinator_sees_the_team_but_cannot_invite(signed_in, org, staff):
    _invite(org, email="oczekuje@example.org", by=staff)
    coordinator = MembershipFactory(organisation=org, role=Membership.Role.COORDINATOR).user
    client = signed_in(coordinator)
    response = client.get(_detail_url(org))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Olga Organizator" in html
    assert "Zaproś osobę" not in html
    assert "oczekuje@example.org" not in html
    assert response.context["form"] is None


def test_account_created_meanwhile_gets_a_polish_page_not_a_500(client, org, staff, monkeypatch):
    """Two tabs with the same link: the account appears between showing the form and saving it."""
    from apps.accounts.forms import AcceptInvitationForm

    _invitation, link = _invite(org, role=Membership.Role.TRAINER, by=staff)
    original_is_valid = AcceptInvitationForm.is_valid

    def is_valid_while_other_tab_finishes(self):
        UserFactory(email="nowa.osoba@example.org")
        return original_is_valid(self)

    monkeypatch.setattr(AcceptInvitationForm, "is_valid", is_valid_while_other_tab_finishes)
    response = client.post(link, _accept_form())
    assert response.status_code == 409
    assert "Konto z tym adresem e-mail już istnieje" in response.content.decode()
    assert User.objects.filter(email="nowa.osoba@example.org").count() == 1


def test_an_unconfirmed_account_may_open_and_accept_an_invitation_to_its_address(client, org, staff, mailoutbox):
    """An invitation link came to the address, so accepting it proves the address too."""
    user = UserFactory(email="nowa@example.org", email_confirmed_at=None)
    _, token = services.invite(email=user.email, organisation=org, role="trainer", by=staff)
    client.force_login(user)
    assert client.get(reverse("core:dashboard"))["Location"] == reverse("accounts:confirm_email_sent")
    url = reverse("accounts:invitation", kwargs={"token": token})
    assert client.get(url).status_code == 200
    assert client.post(url)["Location"] == reverse("core:dashboard")
    assert User.objects.get(pk=user.pk).has_confirmed_email
    assert client.get(reverse("core:dashboard")).status_code == 200
