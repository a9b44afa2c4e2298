from django.core.management.base import BaseCommand

from contacts.retention import erase_expired_contacts


class Command(BaseCommand):
    help = "Erase the contact details of every record older than CONTACT_RETENTION_MONTHS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months", type=int, default=None, help="Override the retention period."
        )

    def handle(self, *args, months, **options):
        erased = erase_expired_contacts(months=months)
        self.stdout.write(self.style.SUCCESS(f"Erased contact details of {erased} record(s)."))
