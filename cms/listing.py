"""What every listing shares: safe pagination and taxonomy labels in the visitor's language."""

from collections.abc import Iterable

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Model, Value

from matching.taxonomy import TaxonomyTerm, term_labels

PER_PAGE = 12


def paginate(request, items, per_page: int = PER_PAGE) -> PaginatorPage:
    """One page of `items`; a missing, malformed or out-of-range ?page= never fails."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2))
    page.ellipsis = paginator.ELLIPSIS
    return page


def term_choices(model: type[TaxonomyTerm], empty_label: str) -> list[tuple[str, str]]:
    """Choices for a filter on `model`: an "any" entry, then slug → label in the active language."""
    return [("", empty_label), *term_labels(model).items()]


def labels_for(terms: Iterable[TaxonomyTerm], model: type[TaxonomyTerm]) -> list[dict]:
    """Slugs and visitor-language labels for prefetched terms, in the vocabulary's order."""
    return slug_labels({t.slug for t in terms}, model)


def slug_labels(slugs: Iterable[str], model: type[TaxonomyTerm]) -> list[dict]:
    """Slugs with their visitor-language labels, in the vocabulary's order."""
    labels = term_labels(model)
    order = {slug: i for i, slug in enumerate(labels)}
    found = sorted(set(slugs), key=lambda slug: order.get(slug, len(order)))
    return [{"slug": slug, "label": labels.get(slug, slug)} for slug in found]


def page_labels(page: Model, fields: dict[str, type[TaxonomyTerm]]) -> dict[str, list[dict]]:
    """Labels of one page's terms in several vocabularies, read in one query (a union)."""
    names = list(fields)
    queries = [
        getattr(page, name)
        .order_by()
        .annotate(vocabulary=Value(name))
        .values_list("vocabulary", "slug")
        for name in names
    ]
    slugs: dict[str, set[str]] = {name: set() for name in names}
    for name, slug in queries[0].union(*queries[1:], all=True):
        slugs[name].add(slug)
    return {name: slug_labels(slugs[name], fields[name]) for name in names}
