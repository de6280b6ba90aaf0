import base64

from django.core.management.base import BaseCommand
from django_otp.oath import totp

from apps.demo import accounts
from apps.engagements.models import TeamMember


class Command(BaseCommand):
    help = "Print the demo accounts, their password and how to pass the second factor."

    def add_arguments(self, parser):
        parser.add_argument("--codes", action="store_true", help="Print the current TOTP code for demo accounts.")

    def handle(self, *args, codes=False, **options):
        code = f"{totp(base64.b32decode(accounts.DEMO_TOTP_BASE32)):06d}"
        if codes:
            self.stdout.write(code)
            return
        teams = self._teams()
        self.stdout.write("")
        self.stdout.write(f"Konta demonstracyjne (hasło dla wszystkich: {accounts.DEMO_PASSWORD})")
        for email, _name, label, _org, role, is_admin in accounts.ACCOUNTS:
            needs_2fa = is_admin or role in {"coordinator", "staff", "advisor"}
            where = f": {teams[email]}" if email in teams else ""
            self.stdout.write(f"  {email:<30} {label}{where}{'  [2FA]' if needs_2fa else ''}")
        self.stdout.write("")
        self.stdout.write("Konta z [2FA] wymagają kodu TOTP. Dodaj w aplikacji uwierzytelniającej klucz:")
        self.stdout.write(f"  {accounts.DEMO_TOTP_BASE32}")
        self.stdout.write("albo odczytaj bieżący kod poleceniem: .venv/bin/python manage.py demo_accounts --codes")
        self.stdout.write(f"(bieżący kod: {code})")
        self.stdout.write("")

    @staticmethod
    def _teams() -> dict[str, str]:
        """Where the team-member logins sit, read from the data (the JST's name comes from the register)."""
        emails = [email for email, *_ in accounts.ACCOUNTS]
        places: dict[str, list[str]] = {}
        members = (
            TeamMember.objects.filter(email__in=emails, left_at__isnull=True)
            .select_related("engagement__local_government", "engagement__edition")
            .order_by("email", "engagement__edition__name")
        )
        for member in members:
            places.setdefault(member.email, []).append(
                f"{member.engagement.local_government.display_name} ({member.engagement.edition.name})"
            )
        return {email: "; ".join(jsts) for email, jsts in places.items()}
