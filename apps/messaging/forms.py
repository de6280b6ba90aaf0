from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from apps.core.forms import RadioSelect
from apps.documents.uploads import human_size

from .models import NotificationPreference


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (``<input type="file" multiple>``); the service checks each of them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Treść wiadomości"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10000, required=False
    )
    attachments = MultipleFileField(label=_("Załączniki"), required=False)
    quoted = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = _(
            "PDF, zdjęcie (JPG, PNG) lub dokument biurowy; najwyżej %(count)d plików po %(limit)s."
        ) % {
            "count": settings.MESSAGING_ATTACHMENTS_PER_MESSAGE,
            "limit": human_size(settings.MESSAGING_ATTACHMENT_MAX_BYTES),
        }


class MessageEditForm(forms.Form):
    body = forms.CharField(label=_("Treść wiadomości"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10000)


class NotificationForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Jak chcesz dostawać powiadomienia o nowych wiadomościach?"),
        choices=NotificationPreference.Mode.choices,
        widget=RadioSelect,
    )
