"""Times read back from PostgreSQL through the faster timestamp loader (cms/database.py)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from cms.models import EventPage

from .factories import EventPageFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

KYIV = ZoneInfo("Europe/Kyiv")


def test_an_events_times_come_back_as_the_same_instants(event_index):
    start = dt.datetime(2027, 3, 28, 2, 30, 15, 123456, tzinfo=KYIV)  # the night clocks change
    end = start.astimezone(dt.UTC) + dt.timedelta(hours=3)
    event = EventPageFactory(parent=event_index, start=start, end=end)

    read = EventPage.objects.get(pk=event.pk)

    assert (read.start, read.end) == (start, end)
    assert read.start.utcoffset() == dt.timedelta(0)  # in the connection's zone, UTC


def test_a_timestamp_with_an_offset_is_read_as_its_instant():
    with connection.cursor() as cursor:
        cursor.execute("SELECT '1999-12-31 23:59:59.5-03:30'::timestamptz, NULL::timestamptz")
        instant, missing = cursor.fetchone()

    assert instant == dt.datetime(2000, 1, 1, 3, 29, 59, 500000, tzinfo=dt.UTC)
    assert instant.tzinfo == connection.timezone
    assert missing is None
