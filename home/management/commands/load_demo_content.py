from django.core.management.base import BaseCommand

from home.demo_content import translate_home_page


class Command(BaseCommand):
    help = (
        "Load demo content a visitor can browse (translations, stories, labs, events). Idempotent."
    )

    def handle(self, *args, **options):
        translated = translate_home_page()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({len(translated)} new translations).")
        )
