"""Events (webinars, workshops, study visits...) and their index of upcoming and past events."""

from functools import cache
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.events.forms import EventPageForm, language_list_formfield
from cms.pages.base import PAGE_CARD_DEFERRED, ContentPage, default_locale_terms, sample_panel
from cms.pages.blocks import BaseStreamBlock
from cms.pages.choices import EVENT_LANGUAGES, EVENT_TIME_ZONES, Attendance
from cms.pages.filters import EventFilterForm
from cms.pages.listing import ListingPage
from cms.pages.taxonomy import synchronized
from cms.seo.structured_data import event_data
from matching.taxonomy import ActivityType, term_labels
from matching.translated import per_language

LANGUAGE_NAMES = dict(EVENT_LANGUAGES)
ATTENDANCE_LABELS = dict(Attendance.choices)


@per_language
def language_name(code: str) -> str:
    """The name of an event language in the visitor's language."""
    return str(LANGUAGE_NAMES.get(code, code))


def attach_activity_labels(events) -> None:
    """The activity of each event, in the visitor's language, for cards."""
    labels = term_labels(ActivityType)
    for event in events:
        event.activity_label = labels.get(event.activity_type.slug, event.activity_type.name)


class LanguageListField(models.JSONField):
    """A list of language codes, edited as checkboxes."""

    def formfield(self, **kwargs):
        return language_list_formfield(self, **kwargs)


class EventIndexPage(ListingPage):
    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences above the list of events.")
    )

    filter_form_class = EventFilterForm
    subpage_types = ["cms.EventPage"]
    template = "cms/events/event_index_page.html"

    class Meta:
        verbose_name = _("event index")

    def listed_items(self):
        # Upcoming or past, in its order: the filter form's `when` decides.
        return (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .select_related("activity_type")
            .defer("body", *PAGE_CARD_DEFERRED)  # the body: read (and parsed) on its own page
        )

    def filter_choices(self, items) -> dict:
        return {"attendances": Attendance.choices, "languages": EVENT_LANGUAGES}

    def prepare(self, page_of_items) -> None:
        attach_activity_labels(page_of_items)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filter_form = context["filter_form"]  # called by the template on first use
        context["showing_past"] = lambda: filter_form().past
        return context


class EventPage(ContentPage):
    activity_type = models.ForeignKey(
        ActivityType,
        on_delete=models.PROTECT,
        limit_choices_to=default_locale_terms,
        related_name="events",
        verbose_name=_("activity"),
        help_text=_("What kind of activity: webinar, workshop, study visit..."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=240,
        help_text=_("One line: what participants will do or learn. Shown on cards and in feeds."),
    )
    start = models.DateTimeField(
        _("starts"), help_text=_("Local time in the event's time zone (below).")
    )
    end = models.DateTimeField(_("ends"), help_text=_("Local time in the event's time zone."))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=EVENT_TIME_ZONES,
        default="Europe/Stockholm",
        help_text=_("Where the event happens, or the organisers' zone when it is online."),
    )
    attendance = models.CharField(
        _("online or at a venue"),
        max_length=8,
        choices=Attendance.choices,
        default=Attendance.ONLINE,
        help_text=_("How participants join."),
    )
    venue = models.CharField(
        _("venue"),
        max_length=160,
        blank=True,
        help_text=_("The venue's name, e.g. “County House of Culture, Anenii Noi”."),
    )
    venue_address = models.CharField(
        _("venue address"), max_length=240, blank=True, help_text=_("Street, town and country.")
    )
    languages = LanguageListField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("The languages spoken or interpreted at the event."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Where participants register, e.g. a form; leave empty if no registration."),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Local time in the event's time zone; the link is hidden after it."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("programme"),
        help_text=_("The programme, speakers' roles and practical details."),
    )

    override_translatable_fields = synchronized("activity_type")

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("summary"),
        FieldPanel("activity_type"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("attendance"), FieldPanel("venue"), FieldPanel("venue_address")],
            heading=_("Where"),
        ),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        sample_panel(),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    base_form_class = EventPageForm
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []
    template = "cms/events/event_page.html"
    schema_type = "Event"

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must come after the start.")
        if self.attendance != Attendance.ONLINE and not self.venue.strip():
            errors["venue"] = _("Name the venue of an event held in person.")
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            errors["registration_deadline"] = _("The deadline must not fall after the event.")
        unknown = set(self.languages or []) - set(LANGUAGE_NAMES)
        if unknown:
            errors["languages"] = _("Unknown language codes: %(codes)s") % {
                "codes": ", ".join(sorted(unknown))
            }
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @property
    def is_upcoming(self) -> bool:
        return self.end >= timezone.now()

    @property
    def registration_open(self) -> bool:
        if not self.registration_url or not self.is_upcoming:
            return False
        return self.registration_deadline is None or self.registration_deadline >= timezone.now()

    @property
    def attendance_label(self) -> str:
        """`get_attendance_display()`, without Django translating every choice to find one."""
        return str(ATTENDANCE_LABELS.get(self.attendance, self.attendance))

    @property
    def language_names(self) -> list[str]:
        name = language_name.in_language(get_language())
        return [name(code) for code in self.languages or []]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["activity_label"] = cache(self.activity_label)  # called by the template
        return context

    def activity_label(self) -> str:
        """The activity type's name in the reader's language."""
        labels = term_labels(ActivityType)
        return labels.get(self.activity_type.slug, self.activity_type.name)

    def structured_data(self, request) -> dict:
        return event_data(self, request)


def upcoming_events(locale, limit: int | None = None):
    """Published, public events in `locale` that have not ended, soonest first."""
    events = (
        EventPage.objects.live()
        .public()
        # The database's clock, not a parameter: the SQL stays the same from call to call.
        .filter(locale=locale, end__gte=Now())
        .select_related("activity_type", "locale")
        .defer("body")  # read (and parsed) only on the event's own page
        .order_by("start", "pk")
    )
    return events[:limit] if limit else events


def soonest_events(locale, limit: int) -> list[EventPage]:
    """The first `limit` of `upcoming_events`, with their activity labels, ready for cards."""
    events = list(upcoming_events(locale).defer(*PAGE_CARD_DEFERRED)[:limit])
    attach_activity_labels(events)
    return events
