import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

LOGIN_FILE = Path(settings.BASE_DIR) / ".dev-admin-login"


class Command(BaseCommand):
    help = "Create a local admin account (development only) and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (development).")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(username, f"{username}@rescom.local", password)
            LOGIN_FILE.write_text(f"{username}\n{password}\n", encoding="utf-8")
        elif LOGIN_FILE.exists():
            username, password = LOGIN_FILE.read_text(encoding="utf-8").split()[:2]
        else:
            password = "(unchanged: reset it with  manage.py changepassword admin)"  # noqa: S105
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(
            self.style.SUCCESS(f"Admin: {base}/admin/  user: {username}  password: {password}")
        )
