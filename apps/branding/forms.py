from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .images import check_image
from .models import FundingMark, OrganiserIdentity

ACCEPT = "image/png,image/jpeg"


class ImageInput(forms.FileInput):
    def __init__(self):
        super().__init__(attrs={"accept": ACCEPT})


def _checked(upload):
    if upload:
        try:
            check_image(upload)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
    return upload


class FundingMarkForm(forms.ModelForm):
    class Meta:
        model = FundingMark
        fields = ["image", "alt_text"]
        widgets = {"image": ImageInput()}
        help_texts = {
            "image": _("PNG albo JPEG, najwyżej 1 MB, na przykład pasek znaków „Fundusze Europejskie”."),
            "alt_text": _(
                "Co przedstawia obraz, tak jak przeczyta to czytnik ekranu, np. „Fundusze Europejskie dla "
                "Rozwoju Społecznego, Rzeczpospolita Polska, Dofinansowane przez Unię Europejską”."
            ),
        }

    def clean_image(self):
        return _checked(self.cleaned_data.get("image"))


class IdentityForm(forms.ModelForm):
    remove_logo = forms.BooleanField(label=_("Usuń obecne logo"), required=False)
    help_url = forms.URLField(label=_("Strona pomocy"), required=False, assume_scheme="https")

    class Meta:
        model = OrganiserIdentity
        fields = ["logo", "contact_phone", "help_url"]
        widgets = {"logo": ImageInput()}
        help_texts = {
            "logo": _("PNG albo JPEG, najwyżej 1 MB. Widoczne w nagłówku stron edycji organizatora."),
            "help_url": _("Adres strony z pomocą dla JST; bez niego stopka prowadzi do strony pomocy platformy."),
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        # An unchanged field gives back the stored file; only a new upload is checked.
        return _checked(logo) if hasattr(logo, "content_type") else logo
