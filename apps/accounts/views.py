from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.audit.selectors import readable_history_of
from apps.core.calendar import items_for, to_ics
from apps.core.editing import run_action
from apps.core.permissions import can, require

from . import selectors, services
from .forms import AcceptInvitationForm, EmailAuthenticationForm, InviteForm, ResendConfirmationForm, TokenForm
from .password_reset import QueuedPasswordResetForm
from .roles import roles_of


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = QueuedPasswordResetForm
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # The reset link came to the address: that proves it (and a squatter's password is gone).
        services.mark_email_confirmed(user=form.user, how="password_reset")
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


@login_required
def two_factor_setup(request):
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists() and not request.user.is_verified():
        # A confirmed device exists: the user must prove it, not replace it.
        return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': _safe_next(request, '/')})}")
    device = services.start_totp_setup(user=request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _("Zbyt wiele nieudanych prób. Odczekaj chwilę i wpisz nowy kod z aplikacji."))
        elif device.verify_token(form.cleaned_data["token"]):
            services.confirm_totp_device(user=request.user, device=device)
            otp_login(request, device)
            messages.success(request, _("Weryfikacja dwuetapowa jest włączona."))
            return redirect(_safe_next(request, reverse("core:dashboard")))
        else:
            form.add_error("token", _("Nieprawidłowy kod. Sprawdź, czy zegar w telefonie jest ustawiony poprawnie."))
    qr = segno.make(device.config_url, error="m")
    secret = device.bin_key.hex()
    import base64

    base32_key = base64.b32encode(bytes.fromhex(secret)).decode().rstrip("=")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_data_uri": qr.svg_data_uri(scale=5, dark="#000", light="#fff"),
            "secret_groups": [base32_key[i : i + 4] for i in range(0, len(base32_key), 4)],
            "next": _safe_next(request, ""),
        },
    )


@login_required
def two_factor_verify(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': _safe_next(request, '/')})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _("Zbyt wiele nieudanych prób. Odczekaj chwilę i wpisz nowy kod z aplikacji."))
        elif device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_safe_next(request, reverse("core:dashboard")))
        else:
            form.add_error("token", _("Nieprawidłowy kod. Wpisz aktualny kod z aplikacji uwierzytelniającej."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request, "")})


def confirm_email_sent(request):
    """ "Check your mail" after a sign-up, and a new link on request. The answer never says whether the address
    has an account."""
    user = request.user
    unconfirmed = user.is_authenticated and not user.has_confirmed_email
    form = ResendConfirmationForm(request.POST or None, initial={"email": user.email if unconfirmed else ""})
    if request.method == "POST" and (unconfirmed or form.is_valid()):
        next_url = _safe_next(request, "")
        if unconfirmed:
            services.send_email_confirmation(user=user, next_url=next_url)
        else:
            services.resend_email_confirmation(email=form.cleaned_data["email"], next_url=next_url)
        messages.success(
            request,
            _("Jeśli konto z tym adresem czeka na potwierdzenie, wysłaliśmy na ten adres nowy link."),
        )
        return redirect(request.get_full_path())
    return render(
        request,
        "accounts/confirm_email_sent.html",
        {
            "form": form,
            "unconfirmed": unconfirmed,
            "next": _safe_next(request, ""),
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        },
    )


def confirm_email(request, uidb64: str, token: str):
    """The link from the sign-up e-mail: a button proves the address (mail scanners that open links do not) and
    signs the holder in."""
    user = services.user_for_confirmation(uidb64=uidb64, token=token)
    next_url = _safe_next(request, reverse("core:dashboard"))
    if user is None:
        form = ResendConfirmationForm()
        return render(
            request, "accounts/confirm_email_invalid.html", {"form": form, "next": _safe_next(request, "")}, status=410
        )
    if request.method == "POST":
        services.mark_email_confirmed(user=user, how="link")
        auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Adres e-mail potwierdzony. Konto jest gotowe."))
        return redirect(next_url)
    return render(request, "accounts/confirm_email.html", {"email": user.email, "next": _safe_next(request, "")})


# Marked with gettext_lazy so that makemessages finds them and the English page is translated.
_INVITATION_PROBLEMS = {
    "unknown": (404, gettext_lazy("Nie znaleźliśmy tego zaproszenia. Sprawdź, czy link został skopiowany w całości.")),
    "expired": (410, gettext_lazy("To zaproszenie wygasło. Poproś osobę, która je wysłała, o nowe.")),
    "used": (410, gettext_lazy("To zaproszenie zostało już wykorzystane. Zaloguj się na swoje konto.")),
    "revoked": (410, gettext_lazy("To zaproszenie zostało wycofane przez organizatora.")),
    "other_account": (
        403,
        gettext_lazy(
            "Jesteś zalogowany na inne konto niż to, do którego wysłano zaproszenie. "
            "Wyloguj się i otwórz link ponownie."
        ),
    ),
    # The account was created in the meantime (e.g. the link was opened twice): sign in and accept from there.
    "account_exists": (
        409,
        gettext_lazy(
            "Konto z tym adresem e-mail już istnieje. Zaloguj się, a potem otwórz link z zaproszenia ponownie."
        ),
    ),
}


def _invitation_problem(request, reason: str):
    status, text = _INVITATION_PROBLEMS[reason]
    return render(request, "accounts/invitation_invalid.html", {"reason_text": text}, status=status)


def accept_invitation(request, token: str):
    try:
        invitation = services.find_invitation(token=token)
    except services.InvitationError as error:
        return _invitation_problem(request, error.reason)
    from .models import User

    account_exists = User.objects.filter(email__iexact=invitation.email).exists()
    if account_exists:
        # Existing account: the signed-in owner confirms; everyone else is asked to sign in first.
        if request.user.is_authenticated and request.method == "POST":
            try:
                services.accept_invitation(token=token, user=request.user)
            except services.InvitationError as error:
                return _invitation_problem(request, error.reason)
            messages.success(request, _("Zaproszenie przyjęte. Nowa rola jest już dostępna."))
            return redirect("core:dashboard")
        return render(request, "accounts/invitation_existing.html", {"invitation": invitation})
    form = AcceptInvitationForm(
        request.POST or None, initial={"full_name": invitation.full_name}, email=invitation.email
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                token=token, full_name=form.cleaned_data["full_name"], password=form.cleaned_data["password1"]
            )
        except services.InvitationError as error:
            return _invitation_problem(request, error.reason)
        auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Konto zostało utworzone. Witamy!"))
        return redirect("core:dashboard")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation})


@login_required
def profile(request):
    user = request.user
    memberships = user.memberships.select_related("organisation").order_by("organisation__name", "role")
    return render(
        request,
        "accounts/profile.html",
        {
            "memberships": memberships,
            "roles": roles_of(user),
            "has_totp": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        },
    )


@login_required
def organisation_list(request):
    organisations = selectors.organisation_list_for(request.user)
    return render(request, "accounts/organisation_list.html", {"organisations": organisations})


@login_required
def organisation_detail(request, slug: str):
    organisation = selectors.organisation_detail_for(request.user, slug)
    may_manage = can(request.user, "organisation.manage_members", organisation)
    form = InviteForm(request.POST or None) if may_manage else None
    if request.method == "POST":
        require(request.user, "organisation.manage_members", organisation)
        if form.is_valid():
            try:
                services.invite(
                    email=form.cleaned_data["email"],
                    full_name=form.cleaned_data["full_name"],
                    organisation=organisation,
                    role=form.cleaned_data["role"],
                    by=request.user,
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    for message in errors:
                        form.add_error(field, message)
            else:
                messages.success(
                    request, _("Zaproszenie wysłane na adres %(email)s.") % {"email": form.cleaned_data["email"]}
                )
                return redirect("accounts:organisation_detail", slug=slug)
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "may_manage": may_manage,
            "form": form,
            "invitations": selectors.pending_invitations(organisation) if may_manage else [],
        },
    )


@login_required
@require_POST
def revoke_invitation(request, slug: str, pk: int):
    organisation = selectors.organisation_detail_for(request.user, slug)
    require(request.user, "organisation.manage_members", organisation)
    invitation = get_object_or_404(selectors.pending_invitations(organisation), pk=pk)
    services.revoke_invitation(invitation=invitation, by=request.user)
    messages.success(request, _("Zaproszenie wycofane."))
    return redirect("accounts:organisation_detail", slug=slug)


@login_required
def organisation_history(request, slug: str):
    organisation = selectors.organisation_detail_for(request.user, slug)
    require(request.user, "organisation.view_history", organisation)
    return render(
        request,
        "audit/history.html",
        {
            "object": organisation,
            "entries": readable_history_of(organisation),
            "back_url": reverse("accounts:organisation_detail", kwargs={"slug": slug}),
        },
    )


@login_required
def calendar_page(request):
    """The person's private calendar address: shown, replaced by a new one, or switched off."""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            return run_action(
                request,
                lambda: services.revoke_calendar_feed(user=request.user),
                success=_("Adres kalendarza wyłączony: kalendarze, które go używały, przestaną się odświeżać."),
                done=reverse("accounts:calendar"),
            )
        return run_action(
            request,
            lambda: services.create_calendar_feed(user=request.user),
            success=_("Utworzono nowy adres kalendarza. Poprzedni adres (jeśli był) już nie działa."),
            done=reverse("accounts:calendar"),
        )
    feed = getattr(request.user, "calendar_feed", None)
    feed_url = f"{settings.SITE_URL}{reverse('accounts:calendar_feed', args=[feed.token])}" if feed is not None else ""
    return render(
        request,
        "accounts/calendar.html",
        {"feed": feed, "feed_url": feed_url, "items": items_for(request.user)},
    )


def calendar_feed(request, token: str):
    """The feed itself, for calendar applications (no session: the secret address is the key)."""
    feed = services.calendar_feed_by_token(token=token)
    if feed is None:
        raise Http404
    body = to_ics(items_for(feed.user), name=_("Doradztwo dla JST"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="doradztwo.ics"'
    return response


# --- account security -----------------------------------------------------------------------------------------


@login_required
def sessions_page(request):
    """The person's signed-in browsers; "end the others" signs every other browser out at once."""
    from .models import UserSession

    current = request.session.session_key
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.end_sessions(user=request.user, keep=current),
            success=lambda count: _("Zakończono inne sesje: %(count)s.") % {"count": count},
            done=reverse("accounts:sessions"),
        )
    sessions = UserSession.objects.filter(user=request.user)
    return render(request, "accounts/sessions.html", {"sessions": sessions, "current": current})


@login_required
def backup_codes(request):
    """New one-time codes, shown once on the page that made them; the page otherwise says how many are left."""
    from .models import BackupCode

    codes = None
    if request.method == "POST":
        codes = services.generate_backup_codes(user=request.user)
    left = BackupCode.objects.filter(user=request.user, used_at__isnull=True).count()
    return render(request, "accounts/backup_codes.html", {"codes": codes, "left": left})


@login_required
def two_factor_backup(request):
    """Sign in with a backup code instead of the code from the phone."""
    from .forms import BackupCodeForm

    form = BackupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.use_backup_code(user=request.user, code=form.cleaned_data["code"]):
            otp_login(request, services.backup_device(user=request.user))
            messages.success(request, _("Zalogowano kodem zapasowym. Ten kod nie zadziała ponownie."))
            return redirect(_safe_next(request, reverse("core:dashboard")))
        form.add_error("code", _("Ten kod jest nieprawidłowy albo został już użyty."))
    return render(request, "accounts/two_factor_backup.html", {"form": form, "next": _safe_next(request, "")})


@login_required
def two_factor_recovery(request):
    """A lost device and no backup codes: ask the organiser's admin to reset the second factor."""
    from .forms import RecoveryForm

    form = RecoveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_two_factor_recovery(user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason", error.messages[0])
        else:
            messages.success(
                request,
                _(
                    "Prośba wysłana. Gdy organizator potwierdzi Twoją tożsamość, przy logowaniu ustawisz nowe urządzenie."
                ),
            )
            return redirect("accounts:two_factor_recovery")
    return render(request, "accounts/two_factor_recovery.html", {"form": form})


@login_required
def two_factor_recoveries(request):
    """The organiser's staff (their people) and platform admins (everyone) confirm lost-device resets."""
    require(request.user, "two_factor.confirm_recovery")
    return render(
        request,
        "accounts/two_factor_recoveries.html",
        {"recoveries": selectors.recoveries_for(request.user)},
    )


@login_required
@require_POST
def confirm_two_factor_recovery(request, pk: int):
    require(request.user, "two_factor.confirm_recovery")
    recovery = get_object_or_404(selectors.recoveries_for(request.user), pk=pk)
    return run_action(
        request,
        lambda: services.confirm_two_factor_recovery(recovery=recovery, by=request.user),
        success=_("Weryfikacja dwuetapowa wyzerowana; osoba ustawi nowe urządzenie przy logowaniu."),
        done=reverse("accounts:two_factor_recoveries"),
    )
