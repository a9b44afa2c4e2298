"""Links the editorial pages share: breadcrumbs, and addresses in the reader's language."""

from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page

from matching.structure_cache import remember, remember_for_host


def breadcrumbs(request: HttpRequest | None, page) -> dict:
    """The trail from the home page down to `page` (its ancestors; the page itself is last)."""
    if not isinstance(page, Page):
        return {"ancestors": []}
    # Depth 1 is Wagtail's invisible root; the trail starts at the home page.
    ancestors = remember(
        ("ancestors", page.pk), lambda: list(page.get_ancestors().filter(depth__gt=1))
    )
    return {"ancestors": ancestors, "page": page, "request": request}


def localized_pageurl(request: HttpRequest | None, page: Page) -> str:
    """The address of `page` in the reader's language (itself where it is not translated).

    A link chosen in one language's content stays right in the others, and the translation is
    looked up once per process (site structure), not on every view.
    """
    key = ("localized-url", page.pk, translation.get_language())
    return remember_for_host(request, key, lambda: page.localized.get_url(request) or "")


def programme_contact_url(request: HttpRequest | None) -> str:
    """The contact page in the reader's language, or an empty string when none is set."""
    from cms.contact import ProgrammeContact

    def compute() -> str:
        contact = ProgrammeContact.load(request_or_site=request).contact_page
        if contact is None:
            return ""
        return contact.localized.get_url(request) or ""

    return remember_for_host(request, ("programme-contact", translation.get_language()), compute)
