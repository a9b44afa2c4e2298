"""Each city's name forms, folded, so that searches ignore accents and case on every database."""

from collections import defaultdict

from django.db import migrations, models

from matching.names import search_names


def fill(apps, schema_editor):
    City = apps.get_model("matching", "City")
    CityText = apps.get_model("matching", "CityText")
    texts = defaultdict(list)
    for city_id, name in CityText.objects.values_list("city_id", "name"):
        texts[city_id].append(name)
    cities = list(City.objects.only("pk", "name"))
    for city in cities:
        city.search_names = search_names([city.name, *texts[city.pk]])
    City.objects.bulk_update(cities, ["search_names"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("matching", "0006_submission_key")]

    operations = [
        migrations.AddField(
            model_name="city",
            name="search_names",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
