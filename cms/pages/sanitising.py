"""What editors' HTML and URLs may carry onto a public page: no scripts, handlers or javascript: links.

Wagtail's editor already limits what it writes, but rich text also arrives through imports,
translations and code; these checks run as the page renders, so nothing stored can slip past.
"""

from urllib.parse import urlsplit

import nh3
from django.conf import settings

URL_SCHEMES = {"http", "https", "mailto", "tel"}

# The tags Wagtail writes for RICH_TEXT_FEATURES (cms.pages.blocks), after links are expanded.
RICH_TEXT_TAGS = {"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "a"}
RICH_TEXT_ATTRIBUTES = {"a": {"href"}, "*": {"data-block-key"}}

EMBED_TAGS = {"div", "iframe"}
EMBED_ATTRIBUTES = {
    "div": {"class"},
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen", "referrerpolicy"},
}


def clean_rich_text(html: str) -> str:
    """Keep the rich-text features editors have; drop scripts, event handlers and unsafe links."""
    return nh3.clean(
        html,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )


def embed_hosts() -> set[str]:
    """The hosts the content security policy lets the site frame: the one list of both."""
    frames = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    return {urlsplit(source).hostname for source in frames}


def clean_embed(html: str) -> str:
    """An embed is an iframe from an allowed video host, and nothing else."""
    hosts = embed_hosts()

    def only_allowed_frames(tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            url = urlsplit(value)
            return value if url.scheme == "https" and url.hostname in hosts else None
        return value

    return nh3.clean(
        html,
        tags=EMBED_TAGS,
        attributes=EMBED_ATTRIBUTES,
        url_schemes={"https"},
        attribute_filter=only_allowed_frames,
        link_rel=None,
    )


def safe_url(url: str) -> str:
    """The URL if a browser would only navigate to it (http, https, mailto, tel or relative), else ""."""
    url = (url or "").strip()
    scheme = urlsplit(url).scheme.lower() if url else ""
    return url if scheme in URL_SCHEMES or (not scheme and not url.startswith("//")) else ""
