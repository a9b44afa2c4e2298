"""Head metadata for every editorial page: canonical, OpenGraph, JSON-LD (hreflang is in base.html)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from cms.seo.structured_data import absolute_image_url

# As django.utils.html.json_script: the data can never close the script element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data) -> SafeString | str:
    """A schema.org block: JSON data, which a Content-Security-Policy does not treat as script."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
    )


def page_meta(request: HttpRequest | None, page) -> dict:
    """What `components/page_meta.html` shows for `page`; nothing for a page not yet saved."""
    if page is None or not getattr(page, "pk", None):
        return {}
    data = page.structured_data(request) if hasattr(page, "structured_data") else None
    if data and "image" in data:
        # The same rendition as the structured data's: looked up once (two cache round trips).
        og_image = data["image"]
    else:
        og_image = absolute_image_url(
            page.og_image() if hasattr(page, "og_image") else None, request
        )
    return {
        "page": page,
        "canonical": page.get_full_url(request),
        "description": getattr(page, "listing_summary", "") or page.search_description,
        "og_type": "article" if getattr(page, "schema_type", None) else "website",
        "og_image": og_image,
        "og_image_alt": getattr(page, "hero_image_alt", ""),
        "structured_data": data,
    }
