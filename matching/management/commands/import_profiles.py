import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matching.engine.profiles import ProfileError
from matching.exchange import import_profiles


class Command(BaseCommand):
    help = "Create or update cities from a file in the shared exchange format; all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            cities = import_profiles(data)
        except (OSError, ValueError, ProfileError) as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(self.style.SUCCESS(f"Imported {len(cities)} profile(s)."))
