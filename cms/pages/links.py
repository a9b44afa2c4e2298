"""Links the editorial pages share: breadcrumbs, and addresses in the reader's language."""

from django.http import HttpRequest
from wagtail.models import Page


def breadcrumbs(request: HttpRequest | None, page) -> dict:
    """The trail from the home page down to `page` (its ancestors; the page itself is last)."""
    if not isinstance(page, Page):
        return {"ancestors": []}
    # Depth 1 is Wagtail's invisible root; the trail starts at the home page.
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    return {"ancestors": ancestors, "page": page, "request": request}


def localized_pageurl(request: HttpRequest | None, page: Page) -> str:
    """The address of `page` in the reader's language (itself where it is not translated).

    A link chosen in one language's content stays right in the others.
    """
    return page.localized.get_url(request) or ""


def programme_contact_url(request: HttpRequest | None) -> str:
    """The contact page in the reader's language, or an empty string when none is set."""
    from cms.standard.contact import ProgrammeContact

    contact = ProgrammeContact.load(request_or_site=request).contact_page
    if contact is None:
        return ""
    return contact.localized.get_url(request) or ""
