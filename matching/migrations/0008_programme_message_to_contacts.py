"""ProgrammeMessage moves to the contacts app: its table is renamed, every row kept.

The model leaves matching's state only; contacts.0001_initial takes it into its own state. The
permissions that lived on CityApplication move with it (contacts.0001_initial moves the rows,
so every group's grant stays).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("matching", "0007_city_search_names")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("ProgrammeMessage", "contacts_programmemessage"),
            ],
            state_operations=[migrations.DeleteModel("ProgrammeMessage")],
        ),
        migrations.AlterModelOptions(
            name="cityapplication",
            options={
                "ordering": ["-created_at"],
                "verbose_name": "city application",
                "verbose_name_plural": "city applications",
            },
        ),
    ]
