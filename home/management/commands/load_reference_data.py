from django.core.management.base import BaseCommand

from home.reference_data import load_reference_data


class Command(BaseCommand):
    help = "Load the reference data the site needs (locales, home page, taxonomy, partners, cities). Idempotent."

    def handle(self, *args, **options):
        summary = load_reference_data(progress=options["verbosity"] > 0)
        details = ", ".join(f"{name}: {value}" for name, value in summary.items())
        self.stdout.write(self.style.SUCCESS(f"Reference data ready ({details})."))
