"""Tags of the editorial pages: breadcrumbs, head metadata, and links in the reader's language."""

from django import template
from django.utils.safestring import SafeString

from cms.pages import links
from cms.seo import meta as page_meta

register = template.Library()


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context) -> dict:
    return links.breadcrumbs(context.get("request"), context.get("page"))


@register.inclusion_tag("components/page_meta.html", takes_context=True, name="page_meta")
def page_meta_tags(context: template.Context) -> dict:
    return page_meta.page_meta(context.get("request"), context.get("page"))


@register.simple_tag
def json_ld(data) -> SafeString | str:
    return page_meta.json_ld(data)


@register.simple_tag(takes_context=True)
def localized_pageurl(context: template.Context, page) -> str:
    return links.localized_pageurl(context.get("request"), page)


@register.simple_tag(takes_context=True)
def programme_contact_url(context: template.Context) -> str:
    return links.programme_contact_url(context.get("request"))
