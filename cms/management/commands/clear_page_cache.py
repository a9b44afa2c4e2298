from django.core.management.base import BaseCommand, CommandError

from cms.page_cache import bump_generation, is_known


class Command(BaseCommand):
    help = "Empty the page cache on every app instance (after a release, say); content changes do it by themselves."

    def handle(self, *args, **options):
        if not is_known(bump_generation()):
            raise CommandError(
                "The cache is out of reach: nothing was emptied. Each app instance empties it "
                "by itself once the cache is back."
            )
        self.stdout.write(self.style.SUCCESS("Page cache emptied."))
