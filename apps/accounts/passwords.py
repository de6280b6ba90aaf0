"""Password rules: Django's validators with Polish messages, and a list of common passwords shipped in the repo
(``data/common-passwords.txt``: Polish ones and the most common worldwide), checked with Django's own list."""

from pathlib import Path

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

LIST = Path(__file__).resolve().parent / "data" / "common-passwords.txt"


class CommonPasswordsValidator(CommonPasswordValidator):
    """Refuses a password on the repo's list (lower case, also with digits at the end dropped) or Django's."""

    def __init__(self, password_list_path=LIST):
        super().__init__(password_list_path=password_list_path)
        self.django = CommonPasswordValidator()

    def validate(self, password, user=None):
        folded = password.lower().strip()
        stem = folded.rstrip("0123456789!.")
        if folded in self.passwords or (len(stem) >= 4 and stem in self.passwords) or folded in self.django.passwords:
            raise ValidationError(
                _("To hasło jest zbyt powszechne i łatwe do odgadnięcia. Wybierz inne."), code="password_too_common"
            )

    def get_help_text(self):
        return _("Hasło nie może być jednym z popularnych haseł.")
