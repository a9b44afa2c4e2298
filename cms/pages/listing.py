"""What every listing shares: one index-page base, safe pagination, card images and taxonomy labels."""

from collections import defaultdict
from collections.abc import Sequence
from functools import cache, partial

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Model, Prefetch, QuerySet, Value
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.search import index

from cms.pages.base import ContentPage, sample_panel
from cms.pages.filters import ListingFilterForm
from matching.taxonomy import TaxonomyTerm, term_labels

PER_PAGE = 12


def paginate(request, items, per_page: int = PER_PAGE) -> PaginatorPage:
    """One page of `items`; a missing, malformed or out-of-range ?page= never fails."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2))
    page.ellipsis = paginator.ELLIPSIS
    return page


def with_renditions(image_field: str, *specs: str) -> Prefetch:
    """A prefetch of each item's image in `image_field` with its renditions for `specs`.

    For `prefetch_related`: a card's image and its rendition come in two queries for the
    whole listing, not one or two per card.
    """
    return Prefetch(image_field, queryset=get_image_model().objects.prefetch_renditions(*specs))


def attach_labels(pages: Sequence[Model], fields: dict[str, type[TaxonomyTerm]]) -> None:
    """Set `<field>_labels` on each page: its terms in each vocabulary, read in one query.

    One union over the vocabularies for every page at once, instead of a prefetch per
    vocabulary.
    """
    if not pages:
        return
    slugs: dict[tuple[int, str], set[str]] = defaultdict(set)
    for page_id, name, slug in _term_rows(type(pages[0]), [p.pk for p in pages], tuple(fields)):
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


def page_labels(page: Model, fields: dict[str, type[TaxonomyTerm]]) -> dict[str, list[dict]]:
    """One page's terms in each vocabulary, as `attach_labels` gives them to cards."""
    attach_labels([page], fields)
    return {name: getattr(page, f"{name}_labels") for name in fields}


def _term_rows(model: type[Model], ids: list[int], fields: tuple[str, ...]):
    """(page id, vocabulary, term slug) for each term the pages `ids` link to in `fields`."""
    queries = [
        model.objects.filter(pk__in=ids, **{f"{name}__isnull": False})
        .order_by()
        .annotate(vocabulary=Value(name))
        .values_list("pk", "vocabulary", f"{name}__slug")
        for name in fields
    ]
    return queries[0].union(*queries[1:], all=True)


class ListingPage(ContentPage):
    """An index of its children as cards: filtered from the address, a page at a time.

    A subclass declares its `intro` field, `filter_form_class` and `listed_items()`; the
    other hooks are optional. Its template extends `cms/listing_page.html`, where the page
    of cards is `items`.
    """

    per_page = PER_PAGE
    #: Its `set_choices` takes what `filter_choices` returns.
    filter_form_class: type[ListingFilterForm]

    content_panels = [*ContentPage.content_panels, FieldPanel("intro"), sample_panel()]
    search_fields = [*ContentPage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def listed_items(self) -> QuerySet:
        """Every item the index lists, unfiltered, in listing order."""
        raise NotImplementedError

    def filter_choices(self, items: QuerySet) -> dict:
        """What the filter form needs to offer its choices, given the unfiltered `items`."""
        return {}

    def for_cards(self, items: QuerySet) -> QuerySet:
        """`items` with what their cards read, in as few queries as the page allows."""
        return items

    def prepare(self, page_of_items: Sequence[Model]) -> None:
        """Attach to the items of one page what their cards show (labels, conclusions...)."""

    def listing(self, request) -> tuple[ListingFilterForm, PaginatorPage]:
        """The filter form read from the address, and the page of cards it selects."""
        items = self.listed_items()
        form = self.filter_form_class(request.GET, **self.filter_choices(items))
        page = paginate(request, self.for_cards(form.apply(items)), self.per_page)
        self.prepare(page.object_list)
        return form, page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Callables, which the template calls on first use: a cached content fragment
        # (templates/base.html) costs none of the listing's queries.
        listing = cache(partial(self.listing, request))
        context.update(filter_form=lambda: listing()[0], items=lambda: listing()[1])
        return context
