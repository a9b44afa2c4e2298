from django.core.management.base import BaseCommand

from home.site_setup import ensure_home_page


class Command(BaseCommand):
    help = "Load the reference data the site needs (locales, home page, taxonomy, partners, cities). Idempotent."

    def handle(self, *args, **options):
        home = ensure_home_page()
        self.stdout.write(self.style.SUCCESS(f"Site ready: home page #{home.pk}."))
