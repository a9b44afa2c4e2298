from django.core.management.base import BaseCommand

from home.demo_content import load_demo_content


class Command(BaseCommand):
    help = (
        "Load demo content a visitor can browse (translations, stories, labs, events). Idempotent."
    )

    def handle(self, *args, **options):
        summary = load_demo_content()
        details = ", ".join(f"{name}: {value}" for name, value in summary.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({details})."))
