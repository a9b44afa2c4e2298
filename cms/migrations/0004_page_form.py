from django.db import migrations, models


def feedback_form_to_page_form(apps, schema_editor):
    """Pages and their revisions (which editors open and may publish) keep their form."""
    StandardPage = apps.get_model("cms", "StandardPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    StandardPage.objects.filter(feedback_form=True).update(page_form="accessibility")
    content_type = ContentType.objects.filter(app_label="cms", model="standardpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content
        if "feedback_form" in content:
            content["page_form"] = "accessibility" if content.pop("feedback_form") else ""
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_feedback_erasure"),
    ]

    operations = [
        migrations.AddField(
            model_name="standardpage",
            name="page_form",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "None"),
                    ("contact", "Write to the programme"),
                    ("accessibility", "Report an accessibility barrier"),
                ],
                default="",
                help_text=(
                    "A form under the content: where visitors write to the programme (the "
                    "contact page), or report accessibility barriers (the accessibility "
                    "statement)."
                ),
                max_length=20,
                verbose_name="form on the page",
            ),
        ),
        migrations.RunPython(feedback_form_to_page_form, migrations.RunPython.noop),
        migrations.RemoveField(model_name="standardpage", name="feedback_form"),
    ]
