from django.core.management.base import BaseCommand

from cms.page_cache import bump_generation


class Command(BaseCommand):
    help = "Empty the page cache on every app instance (after a release, say); content changes do it by themselves."

    def handle(self, *args, **options):
        bump_generation()
        self.stdout.write(self.style.SUCCESS("Page cache emptied."))
