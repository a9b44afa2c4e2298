"""Counted wording of the partner finder: plurals live in Python, where `makemessages` reads them.

Each function reads like `{% blocktranslate count %}`: the values escaped, the translated
wording (which may hold an apostrophe or a quotation mark) printed as written.
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from .translated import per_language


def fill(wording: str, **values) -> SafeString:
    """`wording` with `%(name)s` placeholders filled by the escaped `values`, marked safe."""
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    return mark_safe(wording % escaped)  # noqa: S308 (the values are escaped, the wording is ours)


def suggested_partner_count(counter: int) -> SafeString:
    wording = ngettext("%(counter)s suggested partner", "%(counter)s suggested partners", counter)
    return fill(wording, counter=counter)


@per_language
def inhabitants(population: int | None) -> SafeString:
    """A city's population, grouped as the visitor's language writes numbers.

    Kept per language and figure (one per city): grouping and plural took 10 µs a card.
    """
    population = population or 0
    wording = ngettext("%(formatted)s inhabitant", "%(formatted)s inhabitants", population)
    return fill(wording, formatted=intcomma(population))
