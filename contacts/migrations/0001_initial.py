"""The messages people send the programme, taken over from matching and cms with every row.

matching.0008 and cms.0007 renamed the tables and dropped the models from their apps' state;
here they enter this app's state only. Their content types are renamed in place, so admin log
entries, the model permissions and every group's grant of them follow; the two contact
permissions move from CityApplication to ProgrammeMessage the same way. On a fresh database
there are no content types yet: post_migrate creates them under `contacts`.
"""

from django.db import migrations, models

MOVED = {"programmemessage": "matching", "accessibilityfeedback": "cms"}
CONTACT_PERMISSIONS = ("view_contact", "manage_personal_data")


def _rename(ContentType, model: str, old: str, new: str) -> None:
    """Rename in place: the rows that point at the content type keep pointing at it."""
    existing = ContentType.objects.filter(app_label=old, model=model)
    if existing.exists():
        # One a post_migrate handler made for the new label before this ran (a migrate of
        # one app, with the code of after the move) holds only its default permissions.
        ContentType.objects.filter(app_label=new, model=model).delete()
        existing.update(app_label=new)


def _move_permissions(apps, source: tuple[str, str], target: tuple[str, str]) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    moving = Permission.objects.filter(
        content_type__app_label=source[0],
        content_type__model=source[1],
        codename__in=CONTACT_PERMISSIONS,
    )
    if moving.exists():
        holder, _ = ContentType.objects.get_or_create(app_label=target[0], model=target[1])
        # Ones post_migrate made there in the meantime were granted to no one yet.
        Permission.objects.filter(content_type=holder, codename__in=CONTACT_PERMISSIONS).delete()
        moving.update(content_type=holder)


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, old in MOVED.items():
        _rename(ContentType, model, old, "contacts")
    _move_permissions(apps, ("matching", "cityapplication"), ("contacts", "programmemessage"))


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    _move_permissions(apps, ("contacts", "programmemessage"), ("matching", "cityapplication"))
    for model, old in MOVED.items():
        _rename(ContentType, model, "contacts", old)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cms", "0007_accessibility_feedback_to_contacts"),
        ("matching", "0008_programme_message_to_contacts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AccessibilityFeedback",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("page_address", models.CharField(blank=True, help_text="Where the visitor met the barrier.", max_length=500, verbose_name="page")),
                        ("message", models.TextField(max_length=3000, verbose_name="message")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail address")),
                        ("consent_given_at", models.DateTimeField(blank=True, null=True, verbose_name="consent given at")),
                        ("language", models.CharField(max_length=12, verbose_name="language")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="received")),
                        ("handled", models.BooleanField(default=False, verbose_name="handled")),
                        ("erased_at", models.DateTimeField(blank=True, null=True, verbose_name="personal data erased at")),
                        ("submission_key", models.UUIDField(blank=True, editable=False, null=True, unique=True)),
                    ],
                    options={
                        "verbose_name": "accessibility feedback",
                        "verbose_name_plural": "accessibility feedback",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="ProgrammeMessage",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("contact_name", models.CharField(max_length=120, verbose_name="your name")),
                        ("contact_role", models.CharField(blank=True, max_length=120, verbose_name="your role")),
                        ("contact_email", models.EmailField(max_length=254, verbose_name="your e-mail address")),
                        ("consent_given_at", models.DateTimeField(verbose_name="consent given at")),
                        ("consent_version", models.CharField(default="2026-11", max_length=20, verbose_name="consent wording version")),
                        ("consent_language", models.CharField(max_length=10, verbose_name="consent language")),
                        ("consent_withdrawn_at", models.DateTimeField(blank=True, null=True, verbose_name="consent withdrawn at")),
                        ("erased_at", models.DateTimeField(blank=True, null=True, verbose_name="contact details erased at")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("submission_key", models.UUIDField(blank=True, editable=False, null=True, unique=True)),
                        ("topic", models.CharField(choices=[("taking-part", "Taking part in the programme"), ("content", "A story, learning lab or event"), ("partner-cities", "Partner cities and introductions"), ("press", "Press and media"), ("other", "Something else")], default="other", max_length=20, verbose_name="topic")),
                        ("about", models.CharField(blank=True, help_text="The story, lab or event the message is about, if any.", max_length=500, verbose_name="about the page")),
                        ("message", models.TextField(max_length=5000, verbose_name="message")),
                        ("handled", models.BooleanField(default=False, verbose_name="answered")),
                    ],
                    options={
                        "verbose_name": "message to the programme",
                        "verbose_name_plural": "messages to the programme",
                        "ordering": ["-created_at"],
                        "permissions": [
                            ("view_contact", "Can see contact details of applications and introductions"),
                            ("manage_personal_data", "Can export and erase a person's data"),
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
