"""The shared markup the browser checks rely on: every table in a named, focusable scroll region; form fields whose
errors are linked to their inputs (radio groups too); numbers and messages as a Polish reader expects them."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import translation
from lxml import html

from apps.engagements.forms import FigureForm, FindingsForm
from apps.plans.forms import ActionForm, PlanHeaderForm, ProgressReportForm

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
# PDFs are printed, not scrolled: their tables need no scroll region.
SCREEN_TEMPLATES = [p for p in TEMPLATES.rglob("*.html") if "pdf" not in p.parts and not p.name.startswith("pdf_")]
REGION = re.compile(r'<div class="table-wrap[^"]*" role="region" tabindex="0" aria-label="(\{[^}]*\}|[^"{])+">\s*$')


def test_every_table_sits_in_a_named_focusable_scroll_region():
    """A table wider than a 320 px screen scrolls inside its region, which keyboard users can reach and scroll
    (WCAG 2.1.1, axe scrollable-region-focusable) and which says what it holds; its headers stay (WCAG 1.3.1)."""
    unwrapped = []
    for path in SCREEN_TEMPLATES:
        text = path.read_text()
        for match in re.finditer(r"<table\b", text):
            if not REGION.search(text[: match.start()]):
                line = text.count("\n", 0, match.start()) + 1
                unwrapped.append(f"{path.relative_to(TEMPLATES)}:{line}")
    assert not unwrapped, f"tables outside a table-wrap region: {unwrapped}"


def test_narrow_screens_keep_the_table_headers():
    css = (TEMPLATES.parent / "static" / "css" / "app.css").read_text()
    assert not re.search(r"thead\s*\{[^}]*display:\s*none", css), "a rule hides the column headers"


def render_form(form) -> html.HtmlElement:
    with translation.override("pl"):
        return html.fromstring(f"<div>{render_to_string('includes/form.html', {'form': form})}</div>")


def test_radio_group_without_a_preselected_empty_choice_and_with_its_error_linked():
    form = ProgressReportForm(data={"reported_on": "2026-05-01", "narrative": "Idzie dobrze."})
    assert not form.is_valid()
    page = render_form(form)
    radios = page.xpath("//input[@name='assessment']")
    assert [radio.get("value") for radio in radios] == ["on_track", "at_risk", "off_track"]
    assert not any(radio.get("checked") is not None for radio in radios)
    fieldset = radios[0].xpath("ancestor::fieldset")[0]
    described_by = fieldset.get("aria-describedby", "").split()
    assert "id_assessment_error" in described_by
    assert page.xpath("//*[@id='id_assessment_error']")[0].text_content().strip()


def test_a_field_with_several_errors_has_one_error_element_its_input_refers_to():
    form = FindingsForm(data={}, asks_post_pandemic=False)
    form.is_valid()
    form.add_error("problems", "Pierwszy błąd.")
    form.add_error("problems", "Drugi błąd.")
    page = render_form(form)
    assert len(page.xpath("//*[@id='id_problems_error']")) == 1
    assert "id_problems_error" in page.xpath("//textarea[@name='problems']")[0].get("aria-describedby").split()


def test_a_field_needed_later_is_not_labelled_optional_beside_a_hint_that_says_it_is_needed():
    page = render_form(FindingsForm(asks_post_pandemic=False))
    problems = page.xpath("//label[@for='id_problems']")[0].text_content()
    assert "opcjonalnie" not in problems
    assert "opcjonalnie" in page.xpath("//label[@for='id_strengths']")[0].text_content()
    header = render_form(PlanHeaderForm())
    assert "opcjonalnie" not in header.xpath("//label[@for='id_directions']")[0].text_content()


def test_a_negative_cost_is_refused_with_a_message_about_the_cost():
    with translation.override("pl"), pytest.raises(ValidationError) as refused:
        ActionForm.base_fields["cost"].clean("-100")
    assert refused.value.messages == ["Koszt nie może być ujemny. Wpisz 0 albo kwotę w złotych."]


def test_stored_amounts_are_shown_in_the_form_the_polish_way_and_read_back():
    with translation.override("pl"):
        field = ActionForm.base_fields["cost"]
        shown = field.prepare_value(Decimal("18500.00"))
        assert shown == "18\xa0500,00"
        assert field.clean(shown) == Decimal("18500.00")
        figure = FigureForm.base_fields["value"]
        assert figure.prepare_value(Decimal("48512300.50")) == "48\xa0512\xa0300,50"
        assert figure.widget.input_type == "text"  # a number input would refuse the comma
