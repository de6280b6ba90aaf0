"""The three-way merge of a co-edited form after a refused stale save (apps/core/forms.py, decision 0010)."""

from django import forms
from django.http import QueryDict

from apps.core.forms import CoEditedForm


class Document(CoEditedForm, forms.Form):
    title = forms.CharField(required=False)
    body = forms.CharField(required=False, widget=forms.Textarea)
    count = forms.IntegerField(required=False)
    agreed = forms.CharField(required=False)

    def versions_of(self, current):
        return {"version": current["version"]}


def submitted(loaded: dict, mine: dict) -> Document:
    data = QueryDict(mutable=True)
    for name, value in loaded.items():
        data[f"initial-{name}"] = value
    data.update(mine)
    form = Document(data)
    assert form.is_valid()
    return form


def test_each_field_takes_the_stored_value_keeps_the_input_or_asks():
    loaded = {"title": "A", "body": "tekst\n", "count": "1", "agreed": "stare"}
    stored = {"title": "B", "body": "nowy tekst", "count": 2, "agreed": "nowe", "version": 7}
    form = submitted(loaded, {"title": "A", "body": "tekst\r\n", "count": "3", "agreed": "nowe"})
    data, both, theirs_only, mine_only = form.merged_data(Document(initial=stored), stored)
    # Untouched (line ends aside): the stored value; both changed: the input stays and the user decides;
    # both made the same change: nothing to decide.
    assert (data["title"], data["body"], data["count"], data["agreed"]) == ("B", "nowy tekst", "3", "nowe")
    assert both == ["count"] and theirs_only == ["title", "body"] and mine_only == []
    # The next save is measured against what the user has now seen.
    assert (data["initial-title"], data["initial-count"], data["version"]) == ("B", 2, "7")


def test_a_field_only_the_user_changed_keeps_the_input():
    loaded = {"title": "A", "body": "", "count": "", "agreed": ""}
    stored = {"title": "A", "body": "", "count": None, "agreed": "", "version": 2}
    form = submitted(loaded, {"title": "Mój tytuł", "body": "", "count": "", "agreed": ""})
    data, both, theirs_only, mine_only = form.merged_data(Document(initial=stored), stored)
    assert data["title"] == "Mój tytuł" and mine_only == ["title"] and both == theirs_only == []
