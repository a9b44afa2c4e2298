"""Erasure reaches every copy: a person passes through every path that stores data, staff erase
them, and neither `dumpdata` nor a raw scan of every table (nor, on PostgreSQL, `pg_dump`)
finds a trace of their name, address or words.

City profiles have no revisions or workflow of their own (City is not a RevisionMixin model),
so the paths are: the public registration, introduction, contact and accessibility-feedback
forms, the e-mails they send,
staff approving the city (which queues a recompute task), staff recording an outcome and
inspecting and exporting the person's data (audit log), the search index, a wagtail-localize
translation of the city's text, and the sessions of everyone involved.
"""

import io
import subprocess

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, ModelLogEntry, Site
from wagtail_localize.models import StringSegment, TranslationSource

from cms.editorial.translations import translate_instance
from contacts.models import ProgrammeMessage
from matching.models import City, CityApplication, CityStatus, CityText, IntroductionRequest
from matching.services import recompute_suggestions
from tests.cms.factories import StandardPageFactory
from tests.matching.test_pages import registration

EMAIL = "sentinel-4711@example.invalid"
NAME = "Sentinella Quattordici"
NEEDLES = ("sentinel-4711", "sentinella")
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def contact(**extra) -> dict:
    return {
        "contact_name": NAME,
        "contact_role": "Sentinella's role",
        "contact_email": EMAIL,
    } | extra


def live_a_life(client, staff, capture) -> None:
    """Every path that stores something about the person, as visitors and staff use the site."""
    with capture(execute=True):
        response = client.post("/en/register/", registration(**contact()))
    assert response.status_code == 302
    client.get(response["Location"])  # the confirmation page

    cahul = City.objects.get(slug="md-cahul")
    with capture(execute=True):
        cahul.status = CityStatus.APPROVED
        cahul.save()  # queues a recompute in the database queue
    assert DBTaskResult.objects.exists()
    recompute_suggestions()  # what the worker does

    with capture(execute=True):
        response = client.post(
            "/en/partner-finder/introduce/md-cahul/se-harnosand/",
            {
                "message": "Sentinella would like to see the library's youth work.",
                "consent": "on",
                **contact(),
            },
        )
    assert response.status_code == 302
    sent = {m.to[0] for m in mail.outbox}
    assert EMAIL in sent and "moderators@rescom.test" in sent

    home = Site.objects.get(is_default_site=True).root_page
    contact_page = StandardPageFactory(parent=home, slug="contact", page_form="contact")
    statement = StandardPageFactory(parent=home, slug="accessibility", page_form="accessibility")
    with capture(execute=True):
        response = client.post(
            contact_page.url,
            {"topic": "other", "message": "Sentinella asks about the lab.", "consent": "on"}
            | contact(),
        )
    assert response.status_code == 302
    response = client.post(
        statement.url,
        {"message": "Sentinella cannot read the PDF.", "email": EMAIL, "consent": "on"},
    )
    assert response.status_code == 302

    client.force_login(staff)
    introduction = IntroductionRequest.objects.get()
    admin = f"/admin/snippets/matching/introductionrequest/edit/{introduction.pk}/"
    response = client.post(
        admin, {"outcome": "introduced", "outcome_note": "Sentinella met them by phone."}
    )
    assert response.status_code == 302
    client.get(f"/admin/snippets/matching/introductionrequest/inspect/{introduction.pk}/")
    personal = "/admin/contacts/personal-data/"
    client.post(personal, {"email": EMAIL, "action": "find"})
    client.post(personal, {"email": EMAIL, "action": "export"})

    text = CityText.objects.get(city=cahul)
    translate_instance(text, Locale.objects.get(language_code="uk"), {})
    assert StringSegment.objects.filter(source__in=TranslationSource.objects.all()).exists()
    call_command("update_index", verbosity=0, stdout=io.StringIO())

    response = client.post(
        personal, {"email": EMAIL, "action": "erase", "reason": "request", "confirm": "on"}
    )
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(action="matching.erase_personal_data").count() == 4
    assert CityApplication.objects.get().erased_at is not None
    assert ProgrammeMessage.objects.get().erased_at is not None


def traces_in_dumpdata() -> list[str]:
    from io import StringIO

    out = StringIO()
    call_command("dumpdata", stdout=out)
    dump = out.getvalue().lower()
    return [needle for needle in NEEDLES if needle in dump]


def as_text(value) -> str:
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def traces_in_tables() -> list[str]:
    """Every row of every table, raw: search index tables and JSON columns included."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                text = " ".join(as_text(value) for value in row).lower()
                found += [f"{table}: {n}" for n in NEEDLES if n in text]
    return found


def traces_in_sessions() -> list[str]:
    text = " ".join(str(s.get_decoded()) for s in Session.objects.all()).lower()
    return [needle for needle in NEEDLES if needle in text]


def test_erasure_reaches_every_copy(
    client, site, settings, admin_user, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    live_a_life(client, admin_user, django_capture_on_commit_callbacks)
    assert traces_in_dumpdata() == []
    assert traces_in_tables() == []
    assert traces_in_sessions() == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_erasure_reaches_every_copy_in_a_pg_dump(
    client, site, settings, admin_user, django_capture_on_commit_callbacks
):
    """Committed data, dumped by PostgreSQL's own tool from outside the test's connection."""
    settings.TASKS = DATABASE_TASKS
    live_a_life(client, admin_user, django_capture_on_commit_callbacks)
    db = connection.settings_dict
    dump = subprocess.run(  # noqa: S603
        [  # noqa: S607
            "pg_dump",
            "--data-only",
            f"--host={db['HOST'] or '127.0.0.1'}",
            f"--port={db['PORT'] or 5432}",
            f"--username={db['USER']}",
            db["NAME"],
        ],
        capture_output=True,
        text=True,
        check=True,
        env={"PGPASSWORD": db.get("PASSWORD") or "", "PATH": "/usr/bin:/bin"},
    ).stdout.lower()
    assert "md-cahul" in dump  # the dump really holds the site's data
    assert [needle for needle in NEEDLES if needle in dump] == []
    assert traces_in_tables() == []
