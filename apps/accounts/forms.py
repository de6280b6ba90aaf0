from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import Membership


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Adres e-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "Nieprawidłowy adres e-mail lub hasło. Sprawdź oba pola; wielkość liter w haśle ma znaczenie."
        ),
        "inactive": _("To konto jest nieaktywne. Skontaktuj się z organizatorem."),
    }


class TokenForm(forms.Form):
    # Apps show the code as "123 456" and people type it so: spaces are dropped before checking the length.
    token = forms.CharField(
        label=_("Kod z aplikacji"),
        max_length=20,
        help_text=_("Sześć cyfr z aplikacji uwierzytelniającej (np. FreeOTP, Google Authenticator, Aegis)."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit():
            raise forms.ValidationError(_("Kod składa się wyłącznie z cyfr."))
        if len(token) != 6:
            raise forms.ValidationError(_("Kod ma sześć cyfr; wpisz wszystkie cyfry widoczne w aplikacji."))
        return token


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200)
    password1 = forms.CharField(
        label=_("Hasło"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Co najmniej 10 znaków; nie same cyfry i nie popularne hasło."),
    )
    password2 = forms.CharField(
        label=_("Powtórz hasło"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Hasła nie są takie same."))
        if p1:
            from .models import User

            probe = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Adres e-mail"))
    full_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200, required=False)
    role = forms.ChoiceField(
        label=_("Rola"),
        choices=[
            (Membership.Role.STAFF, Membership.Role.STAFF.label),
            (Membership.Role.ADVISOR, Membership.Role.ADVISOR.label),
            (Membership.Role.TRAINER, Membership.Role.TRAINER.label),
        ],
    )


class ResendConfirmationForm(forms.Form):
    email = forms.EmailField(label=_("Adres e-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class BackupCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kod zapasowy"),
        max_length=20,
        help_text=_("Jeden z kodów zapisanych przy włączaniu weryfikacji, np. abcde-fgh23."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


class RecoveryForm(forms.Form):
    reason = forms.CharField(
        label=_("Co się stało z urządzeniem?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Organizator sprawdzi, że to Ty (np. telefonicznie), zanim wyzeruje weryfikację."),
    )
