"""`privacy_url`: the privacy notice in the reader's language, linked beside every consent."""

from django import template

from matching import privacy_page

register = template.Library()


@register.simple_tag(takes_context=True)
def privacy_url(context: template.Context) -> str:
    return privacy_page.privacy_url(context.get("request"))
