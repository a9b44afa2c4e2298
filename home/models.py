"""The home page: the platform's name, mission and what it offers, in each language."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.events.models import EventIndexPage, soonest_events
from cms.pages.blocks import BaseStreamBlock
from cms.stories.models import StoryIndexPage, latest_stories

HOME_LISTING_LENGTH = 3


class HomePage(Page):
    tagline = models.CharField(
        _("tagline"),
        max_length=160,
        help_text=_("One line under the platform's name, e.g. what RESCOM is in a sentence."),
    )
    mission = models.TextField(
        _("mission"),
        help_text=_("Two or three sentences on why the platform exists; shown in the banner."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("What the platform offers, with links to its sections."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        FieldPanel("mission"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("mission"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def section(self, model: type[Page]) -> Page | None:
        """The live index page of a kind under this home page."""
        return model.objects.child_of(self).live().first()

    # Read by the template, so that a cached content fragment costs none of their queries.
    @cached_property
    def latest_stories(self) -> list:
        return latest_stories(self.locale, HOME_LISTING_LENGTH)

    @cached_property
    def upcoming_events(self) -> list:
        return soonest_events(self.locale, HOME_LISTING_LENGTH)

    @cached_property
    def story_index(self) -> Page | None:
        return self.section(StoryIndexPage)

    @cached_property
    def event_index(self) -> Page | None:
        return self.section(EventIndexPage)
