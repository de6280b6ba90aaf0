"""Account-security side effects: each signed-in browser noted (so the person can end it), and an e-mail when the
password or the address changes, whatever changed it (the person, a reset link, an administrator)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from .models import User


@receiver(user_logged_in, dispatch_uid="accounts.note_session")
def _note_session(sender, request, user, **kwargs):
    from .services import note_session

    session = getattr(request, "session", None)
    if session is None:
        return
    if not session.session_key:
        session.save()
    note_session(
        user=user,
        session_key=session.session_key,
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        ip_address=request.META.get("REMOTE_ADDR"),
    )


@receiver(user_logged_out, dispatch_uid="accounts.forget_session")
def _forget_session(sender, request, user, **kwargs):
    from .services import forget_session

    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        forget_session(session_key=session.session_key)


@receiver(pre_save, sender=User, dispatch_uid="accounts.remember_secrets")
def _remember_secrets(sender, instance, **kwargs):
    if instance.pk is None:
        return
    instance._stored_secrets = User.objects.filter(pk=instance.pk).values_list("email", "password").first()


@receiver(post_save, sender=User, dispatch_uid="accounts.notice_on_change")
def _notice_on_change(sender, instance, created, **kwargs):
    stored = getattr(instance, "_stored_secrets", None)
    instance._stored_secrets = None
    if created or stored is None or not instance.is_active:
        return
    from .services import send_security_notice

    old_email, old_password = stored
    if old_email != instance.email:
        # The old address hears of it too: the person who lost the account still reads it.
        send_security_notice(user=instance, what="email_changed", to=old_email)
        send_security_notice(user=instance, what="email_changed")
    if old_password != instance.password and old_password:
        send_security_notice(user=instance, what="password_changed")
