"""How the public site draws form widgets."""

from django import forms
from django.forms.renderers import Jinja2

#: Django's own widget templates, run by Jinja2: a select of twenty options renders several
#: times faster than with the template language. Public forms only: Wagtail's admin widgets
#: exist as Django templates alone. One instance, so its engine is built once per process.
VISITOR_WIDGETS = Jinja2()


class VisitorForm(forms.Form):
    """A form on the public site, its widgets drawn by `VISITOR_WIDGETS`."""

    default_renderer = VISITOR_WIDGETS
