from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.template import loader

from apps.core.mail import deliver_email


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the message goes through the task queue like every other e-mail.

    The link is built from ``SITE_URL`` (as in invitations), never from the request's Host header, so a forged
    header cannot put another domain into the message.
    """

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        site = urlsplit(settings.SITE_URL)
        context = {**context, "protocol": site.scheme, "domain": site.netloc}
        subject = " ".join(loader.render_to_string(subject_template_name, context).split())
        body = loader.render_to_string(email_template_name, context)
        deliver_email.enqueue(to=[to_email], subject=subject, body=body)
