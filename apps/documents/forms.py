from django import forms
from django.utils.translation import gettext_lazy as _

from .uploads import validate_pdf_upload


class PdfFileField(forms.FileField):
    """A file field that accepts only readable PDFs within the size limit (see ``validate_pdf_upload``)."""

    widget = forms.ClearableFileInput

    def __init__(self, *, max_bytes: int | None = None, **kwargs):
        self.max_bytes = max_bytes
        kwargs.setdefault("help_text", _("Plik PDF."))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        # A hint for the browser's file picker; the server checks the file whatever the picker allowed.
        return {**super().widget_attrs(widget), "accept": ".pdf,application/pdf"}

    def validate(self, value):
        super().validate(value)
        if value:
            validate_pdf_upload(value, max_bytes=self.max_bytes)
