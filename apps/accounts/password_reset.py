from django.contrib.auth.forms import PasswordResetForm
from django.template import loader

from apps.core.mail import deliver_email


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the message goes through the task queue like every other e-mail."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        context = {**context, "protocol": context.get("protocol", "https")}
        subject = " ".join(loader.render_to_string(subject_template_name, context).split())
        body = loader.render_to_string(email_template_name, context)
        deliver_email.enqueue(to=[to_email], subject=subject, body=body)
