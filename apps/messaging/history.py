"""How the message thread's actions read in the audit history. The entries never hold a message's content (the
organiser's staff read the history of an engagement); the thread is not on the karta JST's timeline for the same
reason: its activity is shown there as counts only (hooks.py)."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "messaging.message_posted": _("Wysłano wiadomość w wątku zespołu i doradców"),
        "messaging.message_edited": _("Zmieniono wiadomość w wątku zespołu i doradców"),
        "messaging.message_deleted": _("Usunięto wiadomość z wątku zespołu i doradców"),
        "messaging.preference_changed": _("Zmieniono ustawienia powiadomień o wiadomościach"),
    }
)
