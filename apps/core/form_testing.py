"""Test helpers for co-edited forms: what a browser would send from a page's form, and two people editing at once.

``concurrent_edit`` plays the story of issue 9 item 1: A and B open the same form; A saves; B, who changed other
fields (or the same ones), saves and is refused; B saves again the form as it was shown after the refusal. The
caller then checks what is stored: nobody's change may be lost.
"""

from html.parser import HTMLParser

from django.http import QueryDict


class _Forms(HTMLParser):
    """The successful controls of each <form> of a page, in document order (what a browser submits)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._form: list | None = None
        self._textarea: tuple[str, list[str]] | None = None
        self._select: dict | None = None
        self._option: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = []
            self.forms.append(self._form)
        if tag == "option" and self._select is not None:
            self._option = {"value": a.get("value"), "selected": "selected" in a, "text": []}
            self._select["options"].append(self._option)
        if self._form is None or "name" not in a or "disabled" in a:
            return
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "reset", "image", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self._form.append((a["name"], a.get("value", "on" if kind in {"checkbox", "radio"} else "")))
        elif tag == "textarea":
            self._textarea = (a["name"], [])
        elif tag == "select":
            self._select = {"name": a["name"], "multiple": "multiple" in a, "options": []}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)
        if self._option is not None:
            self._option["text"].append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            name, parts = self._textarea
            text = "".join(parts)
            self._form.append((name, text[1:] if text.startswith("\n") else text))  # as HTML drops it
            self._textarea = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [o for o in options if o["selected"]] or ([] if self._select["multiple"] else options[:1])
            for option in chosen:
                value = option["value"] if option["value"] is not None else "".join(option["text"]).strip()
                self._form.append((self._select["name"], value))
            self._select = None
        elif tag == "form":
            self._form = None


def form_data(response, field: str) -> QueryDict:
    """What a browser sends from the page's form that has a control named ``field``."""
    parser = _Forms()
    parser.feed(response.content.decode())
    for controls in parser.forms:
        if any(name == field for name, _value in controls):
            data = QueryDict(mutable=True)
            for name, value in controls:
                data.appendlist(name, value)
            return data
    raise AssertionError(f"No form on the page has a field named {field!r}.")


def post_form(client, url: str, data: QueryDict, changes: dict | None = None):
    """Post ``data`` (every value of every name) with ``changes`` made, as a browser would."""
    data = data.copy()
    for name, value in (changes or {}).items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return client.post(url, dict(data.lists()))  # a QueryDict would send only the last value of each name


def concurrent_edit(url: str, *, first, second, first_changes: dict, second_changes: dict, field: str):
    """A (``first``) and B (``second``, test clients) open ``url``; A saves ``first_changes``; B saves
    ``second_changes`` and is refused; B saves the form shown after the refusal unchanged.

    Returns B's refusal page and B's final response."""
    form_a = form_data(first.get(url), field)
    form_b = form_data(second.get(url), field)
    saved = post_form(first, url, form_a, first_changes)
    assert saved.status_code == 302, "the first save goes through"
    refused = post_form(second, url, form_b, second_changes)
    assert refused.status_code == 200, "the stale save is refused"
    final = post_form(second, url, form_data(refused, field))
    return refused, final
