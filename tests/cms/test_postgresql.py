"""Our PostgreSQL backend (cms/postgresql): timestamps read back as the same instants, and
connections the server ended replaced before the next query."""

import datetime as dt
import select
from zoneinfo import ZoneInfo

import psycopg
import pytest
from django.db import connection

from cms.models import EventPage
from tests.cms.factories import EventPageFactory

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


def _from_another_session(wrapper, sql: str) -> None:
    """Run `sql` on a connection of its own, then wait until Django's connection has input."""
    settings = wrapper.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"]
    ) as other:
        other.execute(sql)
    select.select([wrapper.connection.fileno()], [], [], 5)


def _next_request(wrapper) -> None:
    # What Django does when a request ends: the next one starts with a health check.
    wrapper.health_check_done = False


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


# serialized_rollback: a plain flush afterwards would leave the content types post_migrate makes,
# and the next test that reloads the snapshot would find them there.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_the_server_ended_is_replaced_before_the_next_query():
    first = _backend_pid()
    # As a restart, a failover or an operator ends it.
    _from_another_session(connection, f"SELECT pg_terminate_backend({first})")
    _next_request(connection)

    assert _backend_pid() != first


# serialized_rollback: as above.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_healthy_connection_is_kept_even_with_unread_input():
    first = _backend_pid()
    with connection.cursor() as cursor:
        cursor.execute("LISTEN rescom_test")
    _from_another_session(connection, "NOTIFY rescom_test")  # input nobody reads
    _next_request(connection)

    assert _backend_pid() == first
    _next_request(connection)
    assert _backend_pid() == first
