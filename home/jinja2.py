"""The Jinja2 environment of the public pages: Django's and Wagtail's pieces, and ours.

Public pages render with Jinja2, which runs their templates faster than Django's template
language; the Wagtail admin keeps Django's templates. Everything a public template calls is
listed here, each calling the same code the rest of the site uses.
"""

import datetime
import functools
import html
from collections.abc import Callable, MutableMapping
from types import SimpleNamespace
from typing import Any

from django.apps import apps
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template import defaultfilters
from django.template.defaulttags import querystring as django_querystring
from django.templatetags.l10n import unlocalize
from django.templatetags.static import static as django_static
from django.templatetags.tz import do_timezone
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.dates import MONTHS_ALT
from django.utils.timezone import template_localtime
from jinja2 import ChainableUndefined, Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from wagtail.images.shortcuts import get_rendition_or_not_found

from cms import links, page_meta, template_filters, wording
from home import navigation
from matching import privacy_page
from matching import wording as matching_wording
from matching.regions import country_name
from matching.translated import per_language


@per_language
def translate(message: str) -> Markup:
    """`{{ _("…") }}`: the translation printed as written, like `{% translate %}`.

    `_("… %(name)s")|format(name=value)` then escapes the value only. (Jinja's own
    newstyle `_` applies `%` itself, which breaks that form, the one `makemessages` reads.)
    Looked up once per process and language: a page prints a hundred.
    """
    return Markup(translation.gettext(message))  # noqa: S704 (our own wording)


@functools.cache
def static(path: str) -> str:
    """`{% static %}`: a file's address, worked out once per process.

    Its hashed name comes from the manifest, which Django itself reads once, at start.
    """
    return django_static(path)


def url(name: str, *args, **kwargs) -> str:
    """`{% url %}`: the address of a named view."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


@pass_context
def querystring(context: Context, **changes) -> str:
    """`{% querystring %}`: the current query string with `changes` (None removes a key)."""
    return django_querystring(SimpleNamespace(request=context["request"]), **changes)


def _included(template_name: str, data: Callable[..., dict]):
    """An inclusion tag: `data(request, page)` rendered with `template_name`, as markup."""

    @pass_context
    def render(context: Context) -> Markup:
        values = {
            **data(context.get("request"), context.get("page")),
            # The page's wording and link scope (`render_scope`), read once per render.
            "_": context.get("_"),
            "url_scope": context.get("url_scope"),
        }
        html = context.environment.get_template(template_name).render(values)
        return Markup(html)  # noqa: S704 (rendered with autoescape)

    return render


def _with_request(function: Callable[..., str]):
    """A function of the request (and further arguments), called with the page's request."""

    @pass_context
    def call(context: Context, *args) -> str:
        return function(context.get("request"), *args)

    return call


@pass_context
def pageurl(context: Context, page) -> str | None:
    """`{% pageurl %}`: Wagtail's address of `page`."""
    return page.get_url(context.get("request"))


def render_scope(request) -> dict:
    """Context processor: the page's wording and link scope, read once per render.

    Django keeps the active language and the script prefix in asgiref `Local`s, and each
    read raises and catches two AttributeErrors: 1.4 µs, and a page asks a hundred times
    (its `_` wording and `pageurl` links). Neither changes while a template renders.
    """
    scope = (translation.get_language(), get_script_prefix())
    return {"_": translate.in_language(scope[0]), "url_scope": scope}


def image(image, spec: str, **attrs):
    """`{% image %}`: Wagtail's."""
    if not image:
        return ""
    rendition = get_rendition_or_not_found(image, spec)
    return img_tag(rendition, attrs) if attrs else rendition


def img_tag(rendition, extra: dict) -> Markup:
    """Wagtail's `rendition.img_tag(extra)`, the same markup without Django's `flatatt`.

    `flatatt` formats each attribute through lazy-aware escaping: a tenth of a millisecond
    an image, a dozen on a listing.
    """
    attrs = {
        **rendition.attrs_dict,
        **apps.get_app_config("wagtailimages").default_attrs,
        **extra,
    }
    valued = sorted((k, v) for k, v in attrs.items() if v is not None and not isinstance(v, bool))
    flags = sorted(k for k, v in attrs.items() if v is True)
    markup = "".join(f' {_escape(k)}="{_escape(v)}"' for k, v in valued)
    markup += "".join(f" {_escape(k)}" for k in flags)
    return Markup(f"<img{markup}>")  # noqa: S704 (every part escaped)


def _escape(value) -> str:
    """Django's `conditional_escape`, which `flatatt` uses (it writes ' as &#x27;)."""
    return str(value.__html__()) if hasattr(value, "__html__") else html.escape(str(value))


#: The formats `date` writes itself: the cards' dates.
DAY_MONTH_YEAR = ("j E Y", "j E Y, H:i")


def date(value, arg: str | None = None) -> str:
    """Django's `date` filter, the value in the current time zone as the template language puts it.

    The cards' "day month year[, hour:minute]" is written here: Django's formatter took
    about 20 µs a date, and an event listing shows one or two per card.
    """
    value = template_localtime(value)
    if arg in DAY_MONTH_YEAR and isinstance(value, datetime.date):
        text = f"{value.day} {month_in_date(value.month)} {value.year}"
        if arg == "j E Y":
            return text
        if isinstance(value, datetime.datetime):
            return f"{text}, {value:%H:%M}"
    return defaultfilters.date(value, arg)


@per_language
def month_in_date(month: int) -> str:
    """The month's name as it reads after a day (Django's `E`), in the active language."""
    return str(MONTHS_ALT[month])


def linebreaksbr(value) -> str:
    return defaultfilters.linebreaksbr(value, autoescape=True)


class PublicEnvironment(Environment):
    """Jinja's environment with two cheaper steps on every page.

    `item.key` of a plain dict is read as a key first. Jinja tries the attribute first and
    catches the AttributeError: for the dicts views hand templates (cards, suggestions,
    links) that doubled the cost of every lookup. A key named like a dict method (`items`)
    would hide the method; none of our dicts has one.

    A template's globals are a plain dict, where Jinja makes a `ChainMap` over the
    environment's. Every render and every `include` copies them into a new context, and
    copying forty-odd names out of a `ChainMap` takes a Python call each: 18 µs a render,
    and a listing includes a card or two per item. Jinja asks that globals not change once
    templates are loaded; ours are all set when the environment is made.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> dict[str, Any]:
        return {**self.globals, **(d or {})}

    def getattr(self, obj, attribute: str):
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def environment(**options) -> Environment:
    # As in Django's templates, a missing value (or an attribute of one) prints nothing,
    # also with DEBUG on.
    options["undefined"] = ChainableUndefined
    env = PublicEnvironment(**options)  # autoescape: set by Django's backend, and by our settings
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=True)
    env.globals.update(
        {
            "_": translate,
            "static": static,
            "pageurl": pageurl,
            "image": image,
            "url": url,
            "querystring": querystring,
            "get_language": translation.get_language,
            "main_menu": _included("includes/main_menu.html", navigation.main_menu),
            "language_switcher": _included(
                "includes/language_switcher.html", navigation.language_switcher
            ),
            "hreflang_links": _included("includes/hreflang.html", navigation.hreflang_links),
            "footer_links": _included("includes/footer_links.html", navigation.footer_links),
            "breadcrumbs": _included("components/breadcrumbs.html", links.breadcrumbs),
            "page_meta": _included("components/page_meta.html", page_meta.page_meta),
            "json_ld": page_meta.json_ld,
            "localized_pageurl": _with_request(links.localized_pageurl),
            "programme_contact_url": _with_request(links.programme_contact_url),
            "privacy_url": _with_request(privacy_page.privacy_url),
            "story_count": wording.story_count,
            "lab_count": wording.lab_count,
            "event_count": wording.event_count,
            "search_result_count": wording.search_result_count,
            "suggested_partner_count": matching_wording.suggested_partner_count,
            "inhabitants": matching_wording.inhabitants,
        }
    )
    env.filters.update(
        {
            "clean_richtext": template_filters.clean_richtext,
            "clean_embed": template_filters.clean_embed,
            "safe_url": template_filters.safe_url,
            "date": date,
            "timezone": do_timezone,
            "country_name": country_name,
            "intcomma": intcomma,
            "filesizeformat": defaultfilters.filesizeformat,
            "urlencode": defaultfilters.urlencode,
            "floatformat": defaultfilters.floatformat,
            "unlocalize": unlocalize,
            "capfirst": defaultfilters.capfirst,
            "linebreaksbr": linebreaksbr,
            "slugify": defaultfilters.slugify,
        }
    )
    return env
