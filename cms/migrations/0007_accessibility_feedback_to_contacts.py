"""AccessibilityFeedback moves to the contacts app: its table is renamed, every row kept.

The model leaves cms's state only; contacts.0001_initial takes it into its own state.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_kept_page_chooser")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(
                    "AccessibilityFeedback", "contacts_accessibilityfeedback"
                ),
            ],
            state_operations=[migrations.DeleteModel("AccessibilityFeedback")],
        ),
    ]
