"""Text helpers every app uses."""

from django.utils.text import slugify

# Polish letters that Unicode normalisation does not reduce to ASCII: slugify would drop them
# ("bolesławiecki" → "bolesawiecki"); transliterate them first.
_TRANSLITERATE = str.maketrans({"ł": "l", "Ł": "L"})


def ascii_slug(text: str, *, fallback: str = "", max_length: int | None = None) -> str:
    """A file-name or URL part from a Polish name: "Powiat bolesławiecki" → "powiat-boleslawiecki"."""
    slug = slugify(str(text).translate(_TRANSLITERATE))
    if max_length is not None:
        slug = slug[:max_length].strip("-")
    return slug or fallback
