"""iCalendar files: one per event, and a feed of upcoming events to subscribe to."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent
from wagtail.models import Locale

from cms.events.models import EventPage, upcoming_events
from matching.taxonomy import ActivityType, term_labels

PRODID = "-//RESCOM//Resilient Communities Learning Platform//EN"


def event_component(event: EventPage, request) -> CalendarEvent:
    url = event.get_full_url(request)
    component = CalendarEvent()
    # One UID for all languages of an event: a calendar holds it once, whichever feed it came from.
    component.add("uid", f"{event.translation_key}@rescom")
    component.add("dtstamp", timezone.now())
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    component.add("summary", event.title)
    component.add("description", f"{event.summary}\n\n{url}")
    component.add("url", url)
    location = event.venue if event.attendance != "online" else _("Online")
    if event.venue_address:
        location = f"{location}, {event.venue_address}"
    component.add("location", location)
    label = term_labels(ActivityType).get(event.activity_type.slug, event.activity_type.name)
    component.add("categories", [label])
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    return component


def calendar_response(events, request, name: str, filename: str | None = None) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_component(event, request))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


MAX_PAGE_ID = 2**63 - 1  # beyond a database integer: no such page (and SQLite would overflow)


def event_ics(request, page_id: int) -> HttpResponse:
    """One event, to add to a calendar."""
    if page_id > MAX_PAGE_ID:
        raise Http404("No such event.")
    event = get_object_or_404(
        EventPage.objects.live().public().select_related("activity_type"), pk=page_id
    )
    return calendar_response([event], request, event.title, f"{event.slug}.ics")


def upcoming_ics(request) -> HttpResponse:
    """Every upcoming event in the visitor's language, to subscribe to."""
    events = upcoming_events(Locale.get_active())
    return calendar_response(events, request, _("RESCOM events"))
