"""Filters that put editors' HTML and URLs on public pages only after cleaning them."""

from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import RichText, expand_db_html

from cms.pages import sanitising


def clean_richtext(value) -> SafeString:
    """Wagtail's `richtext` filter, cleaned: use it instead of `richtext` in every template."""
    source = value.source if isinstance(value, RichText) else (value or "")
    return mark_safe(sanitising.clean_rich_text(expand_db_html(source)))  # noqa: S308 (cleaned)


def clean_embed(value) -> SafeString:
    """An embed block's HTML from its provider, reduced to an iframe of an allowed host."""
    return mark_safe(sanitising.clean_embed(str(value or "")))  # noqa: S308 (cleaned)


def safe_url(value) -> str:
    return sanitising.safe_url(str(value or ""))
