"""Counted wording of the listings: plurals live in Python, where `makemessages` reads them."""

from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from matching.wording import fill


def story_count(counter: int) -> SafeString:
    return fill(ngettext("%(counter)s story", "%(counter)s stories", counter), counter=counter)


def lab_count(counter: int) -> SafeString:
    wording = ngettext("%(counter)s learning lab", "%(counter)s learning labs", counter)
    return fill(wording, counter=counter)


def event_count(counter: int, past: bool) -> SafeString:
    """Upcoming or past events, as the listing shows them."""
    if past:
        wording = ngettext("%(counter)s past event", "%(counter)s past events", counter)
    else:
        wording = ngettext("%(counter)s upcoming event", "%(counter)s upcoming events", counter)
    return fill(wording, counter=counter)


def search_result_count(counter: int, query: str) -> SafeString:
    wording = ngettext(
        "%(counter)s result for “%(query)s”", "%(counter)s results for “%(query)s”", counter
    )
    return fill(wording, counter=counter, query=query)
