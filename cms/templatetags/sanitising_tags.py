"""Filters that print editors' HTML and addresses only once cleaned (`cms.pages.sanitising`).

Public templates use these instead of `richtext` and `safe`; a test holds them to it.
"""

from django import template

from cms.pages import template_filters

register = template.Library()

register.filter("clean_richtext", template_filters.clean_richtext)
register.filter("clean_embed", template_filters.clean_embed)
register.filter("safe_url", template_filters.safe_url)
