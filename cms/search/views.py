"""Site search: every page type, in the visitor's language, with a type filter and a count."""

import re

from django import forms
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cms.events.models import EventIndexPage, EventPage
from cms.labs.models import LabConclusionsPage, LabIndexPage, LabPage
from cms.pages.listing import paginate
from cms.partners.models import PartnersPage
from cms.search.backend import stems
from cms.standard.models import StandardPage
from cms.stories.models import StoryIndexPage, StoryPage
from cms.toolkit.models import ToolkitPage

PAGE_TYPES = {
    "stories": (_("Case stories"), (StoryPage,)),
    "labs": (_("Learning labs"), (LabPage,)),
    "conclusions": (_("Lab conclusions"), (LabConclusionsPage,)),
    "events": (_("Events"), (EventPage,)),
    "pages": (
        _("Other pages"),
        (StandardPage, ToolkitPage, PartnersPage, StoryIndexPage, LabIndexPage, EventIndexPage),
    ),
}
MAX_QUERY_LENGTH = 200
# Words only: quotes, stars and operators mean syntax to the full-text engines (SQLite FTS5
# fails on a stray quote), and visitors type them by accident far more often than on purpose.
NOT_A_WORD = re.compile(r"[^\w]+")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=MAX_QUERY_LENGTH, required=False)
    type = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("Everything")), *((key, label) for key, (label, _m) in PAGE_TYPES.items())],
    )


def find(pages, query: str) -> list[Page]:
    """Full-text matches, then, where the backend has no stemmer for the language (Ukrainian,
    or any language on SQLite), title-prefix matches not yet found: a word may end differently
    from the query."""
    found = list(pages.specific().search(query, operator="and"))
    if not stems(get_language()):
        seen = {page.pk for page in found}
        found += [page for page in pages.specific().autocomplete(query) if page.pk not in seen]
    return found


def search(request):
    form = SearchForm(request.GET, label_suffix="")
    form.is_valid()
    query = NOT_A_WORD.sub(" ", form.cleaned_data.get("q", "")).strip()
    kind = form.cleaned_data.get("type", "")
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        if kind:
            pages = pages.type(*PAGE_TYPES[kind][1])
        results = paginate(request, find(pages, query), per_page=20)
    return render(
        request,
        "cms/search/search_results.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "type_labels": {key: label for key, (label, _m) in PAGE_TYPES.items()},
            "ignored": bool(form.errors),
        },
    )
