"""How the public site draws form widgets."""

from django import forms
from django.forms.renderers import Jinja2
from django.utils.choices import BaseChoiceIterator
from markupsafe import escape

SELECT_TEMPLATE = "django/forms/widgets/select.html"


class VisitorWidgets(Jinja2):
    """Django's own widget templates, run by Jinja2; selects drawn in Python, as they would be.

    A select of twenty options renders several times faster with Jinja2 than with the
    template language, and several times faster again without a template per option:
    filters and the partner finder show a few such lists on every view.
    """

    def render(self, template_name: str, context: dict, request=None) -> str:
        if template_name == SELECT_TEMPLATE:
            return select_html(context["widget"])
        return super().render(template_name, context, request)


def select_html(widget: dict) -> str:
    """What Django's `select.html` and `select_option.html` print for this widget context."""
    parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        parts.extend(
            f'\n  <option value="{escape(option["value"])}"{_attrs(option["attrs"])}>'
            f"{escape(option['label'])}</option>"
            for option in options
        )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _attrs(attrs: dict) -> str:
    """As Django's `attrs.html`: a true value prints the bare name, a false one nothing."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


#: Public forms only: Wagtail's admin widgets exist as Django templates alone. One instance,
#: so its engine is built once per process.
VISITOR_WIDGETS = VisitorWidgets()


class ReadyChoices(BaseChoiceIterator):
    """Choices already in Django's form, (value, label) pairs: Django keeps them as they are."""

    def __init__(self, pairs: list[tuple]):
        self.pairs = pairs

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)


class VisitorForm(forms.Form):
    """A form on the public site, its widgets drawn by `VISITOR_WIDGETS`."""

    default_renderer = VISITOR_WIDGETS

    def offer(self, name: str, choices: list[tuple]) -> None:
        """Give the field `name` these (value, label) pairs.

        Django normalises a list of choices on each assignment, for the field and again for
        its widget: for a filter form's lists, a twentieth of a listing page's time.
        """
        self.fields[name].choices = ReadyChoices(choices)
