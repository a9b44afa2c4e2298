import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.events.forms import EventPageForm
from cms.models import EventPage
from tests.cms.conftest import make_hidden
from tests.cms.factories import EventPageFactory
from tests.html_pages import texts

pytestmark = pytest.mark.django_db

KYIV = ZoneInfo("Europe/Kyiv")


def event_titles(response) -> list[str]:
    return texts(response, ".cards .card__title")


def days(n: int) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=n)


def test_index_lists_upcoming_soonest_first_and_past_apart(client, event_index):
    EventPageFactory(parent=event_index, title="Later", start=days(20))
    EventPageFactory(parent=event_index, title="Sooner", start=days(2))
    EventPageFactory(parent=event_index, title="Over", start=days(-20))

    assert event_titles(client.get(event_index.url)) == ["Sooner", "Later"]
    past = client.get(f"{event_index.url}?when=past")
    assert event_titles(past) == ["Over"]
    assert "1 past event" in past.content.decode()


def test_event_page_shows_local_time_with_its_zone(client, event_index):
    start = dt.datetime(2031, 5, 14, 15, 0, tzinfo=KYIV)
    event = EventPageFactory(
        parent=event_index, start=start, end=start + dt.timedelta(hours=2), time_zone="Europe/Kyiv"
    )
    text = strip_tags(client.get(event.url).content.decode())
    assert "14 May 2031, 15:00–17:00 (Europe/Kyiv)" in text
    assert "English, Ukrainian" in text


def test_filters_by_activity_attendance_and_language(client, event_index):
    from matching.taxonomy import ActivityType
    from tests.matching.factories import term

    EventPageFactory(parent=event_index, title="Webinar in Romanian", languages=["ro"])
    EventPageFactory(
        parent=event_index,
        title="Study visit",
        activity_type=term(ActivityType, "study-visit"),
        attendance="venue",
        venue="Public Library, Härnösand",
        languages=["en", "sv"],
    )
    assert event_titles(client.get(f"{event_index.url}?language=ro")) == ["Webinar in Romanian"]
    assert event_titles(client.get(f"{event_index.url}?activity=study-visit")) == ["Study visit"]
    assert event_titles(client.get(f"{event_index.url}?attendance=venue&language=sv")) == [
        "Study visit"
    ]
    assert event_titles(client.get(f"{event_index.url}?language=uk")) == []


@pytest.mark.parametrize("query", ["?when=yesterday", "?language=xx", "?activity=", "?page=%F0"])
def test_bad_event_filters_never_fail(client, event_index, query):
    EventPageFactory(parent=event_index)
    assert client.get(event_index.url + query).status_code == 200


def test_each_event_has_an_ics_file_that_calendars_read(client, event_index):
    start = dt.datetime(2031, 5, 14, 15, 0, tzinfo=KYIV)
    event = EventPageFactory(
        parent=event_index, title="Action planning", start=start, end=start + dt.timedelta(hours=2)
    )
    response = client.get(f"/en/calendar/events/{event.pk}.ics")

    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [component] = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == "Action planning"
    assert component.decoded("DTSTART") == start
    assert str(component.decoded("DTSTART").tzinfo) == "Europe/Kyiv"
    assert event.full_url in str(component["URL"])
    assert calendar.walk("VTIMEZONE"), "the event's zone travels with the file"


@pytest.mark.parametrize("how", ["draft", "scheduled", "private"])
def test_ics_of_a_hidden_event_is_not_found(client, event_index, how):
    event = make_hidden(EventPageFactory(parent=event_index), how)
    assert client.get(f"/en/calendar/events/{event.pk}.ics").status_code == 404


def test_calendar_feed_holds_upcoming_events_only(client, event_index):
    EventPageFactory(parent=event_index, title="Coming")
    EventPageFactory(parent=event_index, title="Gone", start=days(-10))
    make_hidden(EventPageFactory(parent=event_index, title="Draft"), "draft")

    calendar = icalendar.Calendar.from_ical(client.get("/en/calendar/upcoming.ics").content)

    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Coming"]


def test_registration_link_closes_after_the_deadline(client, event_index):
    open_event = EventPageFactory(
        parent=event_index,
        registration_url="https://forms.example.org/a",
        registration_deadline=days(3),
    )
    closed = EventPageFactory(
        parent=event_index,
        registration_url="https://forms.example.org/b",
        registration_deadline=days(-1),
    )
    assert 'href="https://forms.example.org/a"' in client.get(open_event.url).content.decode()
    html = client.get(closed.url).content.decode()
    assert 'href="https://forms.example.org/b"' not in html
    assert "Registration has closed." in html


def test_event_rules_end_after_start_and_a_venue_when_in_person(event_index):
    event = EventPageFactory.build(
        start=days(2), end=days(1), attendance="venue", venue="", languages=["en", "xx"]
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert {"end", "venue", "languages"} <= set(error.value.message_dict)


def test_editor_types_local_times_of_the_event_zone(event_index, settings):
    """An editor in Stockholm typing 18:00 for a Kyiv event means 18:00 in Kyiv."""
    settings.TIME_ZONE = "Europe/Stockholm"
    event = EventPageFactory(parent=event_index)
    form_class = EventPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, EventPageForm)
    user = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "summary": event.summary,
            "activity_type": event.activity_type_id,
            "start": "2031-05-14 18:00",
            "end": "2031-05-14 19:30",
            "time_zone": "Europe/Kyiv",
            "attendance": "online",
            "languages": ["en"],
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    form = form_class(data=data, instance=event, parent_page=event_index, for_user=user)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["start"] == dt.datetime(2031, 5, 14, 18, 0, tzinfo=KYIV)
    # And the stored time is shown back as 18:00, not converted to the editor's zone.
    saved = form.save()
    again = form_class(instance=saved, parent_page=event_index, for_user=user)
    assert str(again["start"].value()).startswith("2031-05-14 18:00")


@pytest.mark.parametrize("page_id", ["0", "99999999999999999999"])
def test_ics_of_an_unknown_event_is_not_found(client, home_page, page_id):
    assert client.get(f"/en/calendar/events/{page_id}.ics").status_code == 404
