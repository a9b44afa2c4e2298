"""Public forms draw their selects in Python exactly as Django's own templates would."""

import pytest
from django import forms
from django.forms.renderers import Jinja2

from matching.form_rendering import VisitorForm


class Sample(VisitorForm):
    plain = forms.ChoiceField(choices=[("", "Any"), ("a&b", "Tom & Jerry"), ("c", '"Quoted"')])
    grouped = forms.ChoiceField(
        choices=[("Nordic", [("se", "Sweden"), ("fi", "Finland")]), ("ua", "Ukraine")],
        required=False,
    )
    several = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)
    number = forms.TypedChoiceField(choices=[(2025, "2025"), (2026, "2026")], coerce=int)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"plain": "a&b", "grouped": "fi", "several": ["x", "y"], "number": "2026"},
        {"plain": "unknown", "grouped": "<script>", "number": "abc"},
    ],
)
def test_a_select_reads_as_django_draws_it(data):
    ours = Sample(data)
    django = Sample(data, renderer=Jinja2())
    ours.is_valid(), django.is_valid()
    for name in Sample.base_fields:
        assert str(ours[name]) == str(django[name])
    assert 'value="a&amp;b"' in str(ours["plain"])
    if data and data["plain"] == "a&b":
        assert '<option value="fi" selected>Finland</option>' in str(ours["grouped"])
        assert 'aria-invalid="true"' not in str(ours["plain"])
    if data and data["plain"] == "unknown":
        assert 'aria-invalid="true"' in str(ours["plain"])


@pytest.mark.parametrize(
    ("chosen", "valid"), [("fi", True), ("ua", True), ("Nordic", False), ("xx", False)]
)
def test_offered_choices_check_and_draw_as_assigned_ones(chosen, valid):
    choices = [("", "Any"), ("Nordic", [("se", "Sweden"), ("fi", "Finland")]), ("ua", "Ukraine")]
    offered, assigned = Sample({"grouped": chosen}), Sample({"grouped": chosen})
    offered.offer("grouped", choices)
    assigned.fields["grouped"].choices = choices

    assert offered.is_valid() is assigned.is_valid() is False  # "plain" and "number" missing
    assert ("grouped" not in offered.errors) is valid
    assert offered.errors == assigned.errors
    assert str(offered["grouped"]) == str(assigned["grouped"])
    assert len(offered.fields["grouped"].choices) == 3
