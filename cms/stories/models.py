"""Good-practice case stories and their index, which visitors filter by challenge, theme, role, country and year."""

from functools import cache, partial

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.pages.base import PAGE_CARD_DEFERRED, ContentPage, sample_panel
from cms.pages.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, KeyFigureBlock
from cms.pages.countries import ProgrammeCountries
from cms.pages.filters import StoryFilterForm
from cms.pages.listing import ListingPage, attach_labels, page_labels, with_renditions
from cms.pages.taxonomy import (
    default_locale_field,
    synchronized,
    taxonomy_field,
    taxonomy_fields,
    taxonomy_panels,
)
from cms.partners.models import PartnerOrganisation, localized_partners
from cms.seo.structured_data import article_data
from matching.models import CITY_CARD_DEFERRED

TAXONOMY_FIELDS = taxonomy_fields("challenges", "culture_roles", "culture_themes", "pillars")

#: The spec of a card's image, as `components/story_card.html` asks for it.
CARD_IMAGE = "fill-640x360"
#: What a card never shows: a story's long content, read (and parsed) only on its own page.
CARD_DEFERRED = (
    *PAGE_CARD_DEFERRED,
    "body",
    "lessons",
    "results",
    *(f"city__{n}" for n in CITY_CARD_DEFERRED),
)
# What a story card shows, read for the whole page of a listing at once.
CARD_TAXONOMY = taxonomy_fields("challenges", "culture_themes", "culture_roles")


class StoryIndexPage(ListingPage):
    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences above the list of stories.")
    )

    filter_form_class = StoryFilterForm
    subpage_types = ["cms.StoryPage"]
    template = "cms/stories/story_index_page.html"

    class Meta:
        verbose_name = _("story index")

    def listed_items(self) -> PageQuerySet:
        """The published, public stories of the index, newest year first."""
        return (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-year", "-first_published_at", "pk")
        )

    def filter_choices(self, items: PageQuerySet) -> dict:
        return {"pairs": StoryFilterForm.country_year_pairs(items)}

    def for_cards(self, items: PageQuerySet) -> PageQuerySet:
        return as_cards(items)

    def prepare(self, page_of_items) -> None:
        attach_labels(page_of_items, CARD_TAXONOMY)


def as_cards(stories: PageQuerySet) -> PageQuerySet:
    """`stories` with what their cards show: the city, the image and its rendition."""
    return (
        stories.select_related("city")
        .prefetch_related(with_renditions("hero_image", CARD_IMAGE))
        .defer(*CARD_DEFERRED)
    )


class StoryPage(ContentPage):
    city = models.ForeignKey(
        "matching.City",
        on_delete=models.PROTECT,
        related_name="stories",
        verbose_name=_("city"),
        help_text=_("The city the story is about; its page links back to the city."),
    )
    country = CountryField(
        _("country"),
        countries=ProgrammeCountries,
        countries_flag_url=None,
        blank=True,
        help_text=_("Filled in from the city when left empty."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("When the practice took place (or started)."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=240,
        help_text=_("One line: what the city did and what changed. Shown on cards and in feeds."),
    )
    challenges = taxonomy_field(
        "challenges",
        related_name="stories",
        help_text=_("The challenges the practice answers."),
    )
    culture_roles = taxonomy_field(
        "culture_roles",
        related_name="stories",
        help_text=_("The roles culture plays here: the Gateway, the Spark, the Space, the Root."),
    )
    culture_themes = taxonomy_field(
        "culture_themes",
        related_name="stories",
        help_text=_("The cultural and creative sectors involved."),
    )
    pillars = taxonomy_field(
        "pillars",
        related_name="stories",
        help_text=_("The pillars of social resilience the practice strengthens."),
    )
    partners = default_locale_field(
        PartnerOrganisation,
        related_name="stories",
        verbose_name=_("partners involved"),
        help_text=_("RESCOM partner organisations that took part."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
        help_text=_("A wide image (at least 1600 px) shown at the top and on cards."),
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Required with an image."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("story"),
        help_text=_("The story itself: the context, what was done, with whom, and how."),
    )
    lessons = RichTextField(
        _("lessons learned"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "What another city should know before trying the same; a short list works well."
        ),
    )
    results = StreamField(
        [("figure", KeyFigureBlock(label=_("Figure")))],
        blank=True,
        verbose_name=_("results in figures"),
        help_text=_("Up to six numbers that show what changed, e.g. 300 | residents took part."),
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=120,
        blank=True,
        help_text=_(
            "Name of someone who agreed to be contacted about the story. Never enter an e-mail "
            "address: readers write to the programme, which forwards their message."
        ),
    )
    contact_role = models.CharField(
        _("contact's role"),
        max_length=160,
        blank=True,
        help_text=_("Their role and organisation, e.g. “Head of the public library”."),
    )

    # Taxonomy is shared by slug across languages; a person's name is not translated.
    override_translatable_fields = [
        *synchronized(*TAXONOMY_FIELDS, "partners"),
        SynchronizedField("contact_name", overridable=False),
    ]

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("city"), FieldRowPanel([FieldPanel("country"), FieldPanel("year")])],
            heading=_("Where and when"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")
        ),
        FieldPanel("body"),
        FieldPanel("lessons"),
        FieldPanel("results"),
        MultiFieldPanel(
            [*taxonomy_panels(TAXONOMY_FIELDS), FieldPanel("partners")],
            heading=_("Vocabulary and partners"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role")], heading=_("Contact")
        ),
        sample_panel(),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("lessons"),
        index.FilterField("year"),
        index.FilterField("country"),
    ]

    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types: list[str] = []
    template = "cms/stories/story_page.html"
    schema_type = "Article"

    class Meta:
        verbose_name = _("case story")
        verbose_name_plural = _("case stories")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": _("Describe the image for readers who cannot see it.")}
            )

    def save(self, *args, **kwargs):
        if not self.country and self.city_id:
            self.country = self.city.country
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template on first use: a cached content fragment costs no query.
        context["labels"] = cache(partial(page_labels, self, TAXONOMY_FIELDS))
        context["partners"] = cache(lambda: localized_partners(self.locale, self.partners.all()))
        return context

    def structured_data(self, request) -> dict:
        data = article_data(self, request, self.schema_type)
        data["contentLocation"] = {
            "@type": "Place",
            "name": self.city.name,
            "address": {"@type": "PostalAddress", "addressCountry": str(self.country)},
        }
        return data


def latest_stories(locale, limit: int = 3) -> list[StoryPage]:
    """The newest published, public stories in `locale`, ready for cards."""
    stories = StoryPage.objects.live().public().filter(locale=locale)
    stories = list(as_cards(stories).order_by("-first_published_at", "-pk")[:limit])
    attach_labels(stories, CARD_TAXONOMY)
    return stories
