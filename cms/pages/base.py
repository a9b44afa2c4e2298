"""What every editorial page shares: the sample-content flag, a listing summary, SEO data."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

SAMPLE_FIELD_HELP = _(
    "Tick when the text is illustrative rather than drawn from the programme's documents; "
    "the page then shows a visible “Sample content” note."
)


def sample_panel() -> FieldPanel:
    return FieldPanel("is_sample", heading=_("Sample content"))


def default_locale_terms():
    """Taxonomy and partner choices: the default-language rows, whose slugs are the identity."""
    from django.conf import settings

    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


#: Page columns no card reads: revisions, publishing schedule, locks, owner, SEO text.
PAGE_CARD_DEFERRED = (
    "numchild",
    "latest_revision",
    "has_unpublished_changes",
    "last_published_at",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "draft_title",
    "owner",
    "latest_revision_created_at",
    "show_in_menus",
    "seo_title",
    "search_description",
)


class ContentPage(Page):
    """An abstract base: sample flag, summary for cards and search, JSON-LD hook."""

    is_sample = models.BooleanField(_("sample content"), default=False, help_text=SAMPLE_FIELD_HELP)

    #: schema.org type of the page's JSON-LD, or None for none.
    schema_type: str | None = None

    class Meta:
        abstract = True

    @property
    def listing_summary(self) -> str:
        """A sentence for cards, search results and feeds."""
        for name in ("summary", "intro"):
            text = getattr(self, name, "")
            if text:
                return str(text)
        return self.search_description

    def og_image(self):
        """The image social previews show, if the page has one."""
        return getattr(self, "hero_image", None)

    def structured_data(self, request) -> dict | None:
        """schema.org data for search engines; subclasses with a `schema_type` fill it in."""
        return None
