"""Publication without personal data: the names of the team members and of the contact people taken out of the
rendered public text (whole names first, then each part of a name on its own, in any letter case)."""

import re

from django.utils.translation import gettext as _


def redaction_mark() -> str:
    return _("[dane osobowe usunięte]")


def _patterns(names: list[str]) -> list[re.Pattern]:
    full = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    parts = sorted({p for n in full for p in re.split(r"[\s-]+", n) if len(p) >= 3}, key=len, reverse=True)
    patterns = [re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, n.split())) + r"(?!\w)", re.I) for n in full]
    patterns += [re.compile(r"(?<!\w)" + re.escape(p) + r"\w{0,3}(?!\w)", re.I) for p in parts]
    # Polish declines names ("Anną Liderką", "Bartoszem Członkowskim"): the part's stem with another ending, as
    # capitalised as the name is (so that common words are left alone).
    stems = {p[:-1] if len(p) <= 6 else p[:-2] for p in parts}
    patterns += [re.compile(r"(?<!\w)" + re.escape(stem) + r"\w{0,4}(?!\w)") for stem in stems if len(stem) >= 3]
    return patterns


def redact(text: str, names: list[str], extra: list[str] = ()) -> str:
    """``text`` with every name of ``names`` (and the literal strings of ``extra``, e.g. e-mails) replaced.

    A part of a name also matches with up to three more letters, and its stem with another ending of up to four
    ("Kowalską", "Kowalskiej" go with "Kowalska")."""
    mark = redaction_mark()
    for value in sorted({e for e in extra if e}, key=len, reverse=True):
        text = re.sub(re.escape(value), mark, text, flags=re.I)
    for pattern in _patterns(names):
        text = pattern.sub(mark, text)
    return re.sub(rf"(?:{re.escape(mark)}\s*)+", mark + " ", text).replace(mark + " .", mark + ".")


def redact_sections(sections: list[dict], names: list[str], extra: list[str] = ()) -> list[dict]:
    return [{**s, "title": redact(s["title"], names, extra), "text": redact(s["text"], names, extra)} for s in sections]
