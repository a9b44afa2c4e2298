"""The frame of every page as inclusion tags: main menu, language links, hreflang, footer links.

Each renders its template with the data `home.navigation` works out for the request and page.
"""

from collections.abc import Callable

from django import template

from home import navigation

register = template.Library()


def _frame_data(context: template.Context, data: Callable[..., dict]) -> dict:
    """`data(request, page)`, with the request the fragment's page links need."""
    request = context.get("request")
    return {**data(request, context.get("page")), "request": request}


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context: template.Context) -> dict:
    return _frame_data(context, navigation.main_menu)


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict:
    return _frame_data(context, navigation.language_switcher)


@register.inclusion_tag("navigation/hreflang.html", takes_context=True)
def hreflang_links(context: template.Context) -> dict:
    return _frame_data(context, navigation.hreflang_links)


@register.inclusion_tag("navigation/footer_links.html", takes_context=True)
def footer_links(context: template.Context) -> dict:
    return _frame_data(context, navigation.footer_links)
