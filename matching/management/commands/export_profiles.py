import json

from django.core.management.base import BaseCommand

from matching.exchange import export_profiles


class Command(BaseCommand):
    help = "Print the approved city profiles in the shared exchange format (JSON)."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(export_profiles(), ensure_ascii=False, indent=1))
