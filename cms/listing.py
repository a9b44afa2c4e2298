"""What every listing shares: safe pagination and taxonomy labels in the visitor's language."""

import copy
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet, Value
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage

from matching.kept_queries import KeptListing, KeptQuery
from matching.structure_cache import keep, recall
from matching.taxonomy import TaxonomyTerm, term_labels

PER_PAGE = 12


def paginate(request, items, per_page: int = PER_PAGE) -> PaginatorPage:
    """One page of `items`; a missing, malformed or out-of-range ?page= never fails."""
    if isinstance(items, KeptListing) and request.GET.get("page", "1") == "1":
        items.read_first(per_page)
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2))
    page.ellipsis = paginator.ELLIPSIS
    return page


def term_choices(model: type[TaxonomyTerm], empty_label: str) -> list[tuple[str, str]]:
    """Choices for a filter on `model`: an "any" entry, then slug → label in the active language."""
    return [("", empty_label), *term_labels(model).items()]


def attach_renditions(images: Iterable[AbstractImage | None], spec: str) -> None:
    """Give each image its renditions for `spec` (the cards' one), read in one kept query.

    Set as Wagtail's `prefetched_renditions`: a spec not read here is looked up as usual.
    Within a public read the rows are kept per process under the content generation, as
    `cms.rendition_cache` keeps Wagtail's own lookups: a changed image or a removed
    rendition moves the generation.
    """
    images = [image for image in images if image is not None]
    if not images:
        return
    kept = {pk: recall(("renditions", spec, pk)) for pk in {image.pk for image in images}}
    if missing := sorted(pk for pk, renditions in kept.items() if renditions is None):
        found: dict[int, list] = defaultdict(list)
        for rendition in _RENDITIONS(missing, spec):
            found[rendition.image_id].append(rendition)
        for pk in missing:
            kept[pk] = found[pk]
            # None yet: Wagtail makes it as the card is drawn, and it is read the next time.
            if found[pk]:
                keep(("renditions", spec, pk), found[pk])
    for image in images:
        # Copies: a rendition knows the one image instance it belongs to.
        image.prefetched_renditions = [copy.copy(rendition) for rendition in kept[image.pk]]
        for rendition in image.prefetched_renditions:
            rendition.image = image


def attach_labels(pages: Sequence[Model], fields: dict[str, type[TaxonomyTerm]]) -> None:
    """Set `<field>_labels` on each page: its terms in each vocabulary, read in one query.

    One union over the fields' link tables for every page at once, instead of a query (or
    a prefetch) per vocabulary.
    """
    if not pages:
        return
    slugs: dict[tuple[int, str], set[str]] = defaultdict(set)
    for page_id, name, slug in _TERM_ROWS(
        [p.pk for p in pages], model=type(pages[0]), fields=tuple(fields)
    ):
        slugs[page_id, name].add(slug)
    # Each vocabulary's labels in the visitor's language, and its order, once per listing.
    vocabularies = {name: term_labels(model) for name, model in fields.items()}
    orders = {name: {slug: i for i, slug in enumerate(v)} for name, v in vocabularies.items()}
    for page in pages:
        for name, labels in vocabularies.items():
            order = orders[name]
            found = sorted(slugs[page.pk, name], key=lambda slug: order.get(slug, len(order)))
            terms = [{"slug": slug, "label": labels.get(slug, slug)} for slug in found]
            setattr(page, f"{name}_labels", terms)


def _term_query(ids: list[int], model: type[Model], fields: tuple[str, ...]) -> QuerySet:
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


_TERM_ROWS = KeptQuery(_term_query)
_RENDITIONS = KeptQuery(
    lambda ids, spec: (
        get_image_model().get_rendition_model().objects.filter(image_id__in=ids, filter_spec=spec)
    )
)
