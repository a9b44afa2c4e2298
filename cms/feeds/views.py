"""RSS and Atom feeds of stories, lab conclusions and upcoming events, in the visitor's language."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.events.models import EventIndexPage, upcoming_events
from cms.labs.models import LabConclusionsPage, LabIndexPage
from cms.stories.models import StoryIndexPage, StoryPage
from matching.taxonomy import ActivityType, Challenge, term_labels

FEED_LENGTH = 30


class PageFeed(Feed):
    """A feed of live, public pages of one type in the active language."""

    index_model = None

    # Feed views are shared between threads: per-request state travels as `obj`, never on self.
    def get_object(self, request, *args, **kwargs):
        return Locale.get_active()

    def link(self, locale):
        index = self.index_model.objects.live().public().filter(locale=locale).first()
        return index.url if index else f"/{locale.language_code}/"

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.listing_summary

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class StoryFeed(PageFeed):
    title = _("RESCOM good-practice stories")
    description = _("New case stories of culture-driven community resilience.")
    index_model = StoryIndexPage

    def items(self, locale):
        return (
            StoryPage.objects.live()
            .public()
            .filter(locale=locale)
            .select_related("locale")
            .prefetch_related("challenges")
            .order_by("-first_published_at")[:FEED_LENGTH]
        )

    def item_categories(self, item):
        labels = term_labels(Challenge)
        return [labels.get(c.slug, c.name) for c in item.challenges.all()]


class ConclusionsFeed(PageFeed):
    title = _("RESCOM learning-lab conclusions")
    description = _("Conclusions of the community resilience learning labs.")
    index_model = LabIndexPage

    def items(self, locale):
        return (
            LabConclusionsPage.objects.live()
            .public()
            .filter(locale=locale)
            .select_related("locale")
            .order_by("-first_published_at")[:FEED_LENGTH]
        )


class EventFeed(PageFeed):
    title = _("RESCOM upcoming events")
    description = _("Webinars, workshops, roundtables and study visits still to come.")
    index_model = EventIndexPage

    def items(self, locale):
        return upcoming_events(locale, FEED_LENGTH)

    def item_description(self, item):
        when = item.local_start.strftime("%Y-%m-%d %H:%M")
        return f"{when} ({item.time_zone}) · {item.listing_summary}"

    def item_categories(self, item):
        return [term_labels(ActivityType).get(item.activity_type.slug, item.activity_type.name)]


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description


class StoryAtomFeed(AtomMixin, StoryFeed):
    pass


class ConclusionsAtomFeed(AtomMixin, ConclusionsFeed):
    pass


class EventAtomFeed(AtomMixin, EventFeed):
    pass
