from django.core.management.base import BaseCommand

from cms.locales import compile_translations


class Command(BaseCommand):
    help = "Build the interface's .mo files from locale/*/LC_MESSAGES/*.po (no GNU gettext needed)."

    def handle(self, *args, **options):
        built = compile_translations()
        self.stdout.write(self.style.SUCCESS(f"Compiled {len(built)} translation file(s)."))
