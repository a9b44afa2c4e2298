"""What every listing shares: safe pagination and taxonomy labels in the visitor's language."""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Model, QuerySet, Value

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


def slug_labels(slugs: Iterable[str], model: type[TaxonomyTerm]) -> list[dict]:
    """Slugs with their visitor-language labels, in the vocabulary's order."""
    labels = term_labels(model)
    order = {slug: i for i, slug in enumerate(labels)}
    found = sorted(set(slugs), key=lambda slug: order.get(slug, len(order)))
    return [{"slug": slug, "label": labels.get(slug, slug)} for slug in found]


def attach_labels(pages: Sequence[Model], fields: dict[str, type[TaxonomyTerm]]) -> None:
    """Set `<field>_labels` on each page: its terms in each vocabulary, read in one query.

    One union over the fields' link tables for every page at once, instead of a query (or
    a prefetch) per vocabulary.
    """
    if not pages:
        return
    slugs: dict[tuple[int, str], set[str]] = defaultdict(set)
    for page_id, name, slug in _term_rows(type(pages[0]), tuple(fields), [p.pk for p in pages]):
        slugs[page_id, name].add(slug)
    for page in pages:
        for name, model in fields.items():
            setattr(page, f"{name}_labels", slug_labels(slugs[page.pk, name], model))


#: The union's SQL per model, vocabularies and number of pages, compiled once per process:
#: Django takes several times longer to compile it than the database takes to answer it.
_COMPILED_TERM_QUERIES: dict[tuple, tuple[str, str, list]] = {}


def _term_rows(model: type[Model], fields: tuple[str, ...], ids: list[int]) -> list[tuple]:
    key = (model._meta.label, fields, len(ids))
    if key not in _COMPILED_TERM_QUERIES:
        # Compiled with stand-ins that no page id can be, then swapped for the real ids.
        query = _term_query(model, fields, [-(n + 1) for n in range(len(ids))])
        sql, params = query.query.sql_with_params()
        _COMPILED_TERM_QUERIES[key] = (query.db, sql, list(params))
    alias, sql, stand_ins = _COMPILED_TERM_QUERIES[key]
    params = [ids[-p - 1] if isinstance(p, int) and p < 0 else p for p in stand_ins]
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _term_query(model: type[Model], fields: tuple[str, ...], ids: list[int]) -> QuerySet:
    queries = []
    for name in fields:
        field = model._meta.get_field(name)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        queries.append(
            field.remote_field.through.objects.filter(**{f"{source}_id__in": ids})
            .order_by()
            .annotate(vocabulary=Value(name))
            .values_list(f"{source}_id", "vocabulary", f"{target}__slug")
        )
    return queries[0].union(*queries[1:], all=True)
