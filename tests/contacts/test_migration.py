"""Moving the messages into the contacts app keeps every row.

The database is taken back to before the move, one submission of each kind is stored there
(with consent, its form key, a group's grants and an admin log entry), and the migrations run
forward and back: every row, field, grant and log entry is found under the models of each side.
"""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

MOVING_APPS = ("contacts", "matching", "cms")
#: The last migrations before the move; contacts has none yet.
BEFORE = [("matching", "0007_city_search_names"), ("cms", "0006_kept_page_chooser")]
MOVED = {
    ("matching", "ProgrammeMessage"): ("contacts", "ProgrammeMessage"),
    ("cms", "AccessibilityFeedback"): ("contacts", "AccessibilityFeedback"),
    ("matching", "CityApplication"): ("matching", "CityApplication"),
    ("matching", "IntroductionRequest"): ("matching", "IntroductionRequest"),
}
GRANTED = [
    "view_contact",
    "manage_personal_data",
    "view_programmemessage",
    "change_accessibilityfeedback",
]


def migrate(targets: list[tuple[str, str]]):
    """Migrate to `targets` and return the models as they are there (the other apps at their end)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in MOVING_APPS]
    return executor.loader.project_state(targets + others).apps


def after_the_move() -> list[tuple[str, str]]:
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    return [node for node in leaves if node[0] in MOVING_APPS]


def store_one_of_each(apps) -> None:
    """A submission of each kind, as the forms stored them before the move."""
    city = apps.get_model("matching", "City")
    cahul = city.objects.create(
        name="Cahul", slug="md-cahul", country="MD", region="east", population=34_000
    )
    kiel = city.objects.create(
        name="Kiel", slug="de-kiel", country="DE", region="bsr", population=250_000
    )
    now = timezone.now()
    consent = {
        "consent_given_at": now,
        "consent_version": "2026-11",
        "consent_language": "uk",
        "consent_withdrawn_at": None,
    }
    apps.get_model("matching", "CityApplication").objects.create(
        city=cahul,
        contact_name="Ana",
        contact_role="Culture officer",
        contact_email="ana@example.org",
        submission_key=uuid.UUID(int=1),
        **consent,
    )
    apps.get_model("matching", "IntroductionRequest").objects.create(
        from_city=cahul,
        to_city=kiel,
        message="Your library work",
        outcome_note="Called back",
        score_at_request=71.5,
        components_at_request={"themes": 0.5},
        contact_name="Ion",
        contact_email="ion@example.org",
        submission_key=uuid.UUID(int=2),
        **consent,
    )
    message = apps.get_model("matching", "ProgrammeMessage").objects.create(
        topic="press",
        about="A story",
        message="Hello staff",
        handled=True,
        contact_name="Mia",
        contact_email="mia@example.org",
        submission_key=uuid.UUID(int=3),
        **consent,
    )
    apps.get_model("cms", "AccessibilityFeedback").objects.create(
        page_address="/en/",
        message="Contrast too low",
        email="fay@example.org",
        consent_given_at=now,
        language="ro",
        submission_key=uuid.UUID(int=4),
    )
    content_type = apps.get_model("contenttypes", "ContentType").objects.get(
        app_label="matching", model="programmemessage"
    )
    apps.get_model("wagtailcore", "ModelLogEntry").objects.create(
        content_type=content_type,
        label=f"Message #{message.pk}",
        action="wagtail.edit",
        object_id=str(message.pk),
        timestamp=now,
    )
    permissions = apps.get_model("auth", "Permission").objects.filter(codename__in=GRANTED)
    group = apps.get_model("auth", "Group").objects.create(name="Privacy officers")
    group.permissions.set(permissions)


def rows(apps, side: int) -> dict:
    """Every row of the four models, field by field, under the labels of one side of the move."""
    found = {}
    for labels in MOVED.items():
        model = apps.get_model(*labels[side])
        found[labels[0]] = list(model.objects.order_by("pk").values())
    return found


def grants(apps) -> list[tuple[str, str]]:
    group = apps.get_model("auth", "Group").objects.get(name="Privacy officers")
    return sorted(group.permissions.values_list("content_type__app_label", "codename"))


def logged_under(apps) -> list[tuple[str, str]]:
    entries = apps.get_model("wagtailcore", "ModelLogEntry").objects.filter(action="wagtail.edit")
    return list(entries.values_list("content_type__app_label", "content_type__model"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_keeps_every_row_grant_and_log_entry_both_ways():
    try:
        before = migrate(BEFORE)
        store_one_of_each(before)
        stored = rows(before, 0)
        assert all(len(found) == 1 for found in stored.values())

        after = migrate(after_the_move())
        assert rows(after, 1) == stored
        assert grants(after) == [
            ("contacts", "change_accessibilityfeedback"),
            ("contacts", "manage_personal_data"),
            ("contacts", "view_contact"),
            ("contacts", "view_programmemessage"),
        ]
        assert logged_under(after) == [("contacts", "programmemessage")]

        back = migrate(BEFORE)
        assert rows(back, 0) == stored
        assert grants(back) == [
            ("cms", "change_accessibilityfeedback"),
            ("matching", "manage_personal_data"),
            ("matching", "view_contact"),
            ("matching", "view_programmemessage"),
        ]
        assert logged_under(back) == [("matching", "programmemessage")]
    finally:
        migrate(after_the_move())
