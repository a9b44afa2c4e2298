"""The references: a bare site from `wagtail start` (the peer) with a plain Django view (the ceiling)."""

import os
import sys
from pathlib import Path

from benchmarks.web.servers import recreate_database, run

#: Added to the bare project: the plain view answers before Wagtail's catch-all pattern.
CEILING_URLS = """
from django.http import HttpResponse


def plain(request):
    return HttpResponse("Hello, world.")


urlpatterns.insert(0, path("plain/", plain))
"""

#: Production settings of the bare project, on PostgreSQL with persistent connections as ours.
LOCAL_SETTINGS = """
from .base import BASE_DIR

SECRET_KEY = "bench-peer-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {{"default": {{
    "ENGINE": "django.db.backends.postgresql", "NAME": "{name}",
    "USER": "postgres", "HOST": "127.0.0.1", "PORT": "5432", "CONN_MAX_AGE": 60,
}}}}
STATIC_ROOT = BASE_DIR / "static_collected"
"""


def build_peer(directory: Path, db_name: str, migrate: bool = True) -> tuple[Path, dict[str, str]]:
    """`wagtail start peer` from the installed Wagtail, migrated, static files collected."""
    wagtail = str(Path(sys.executable).parent / "wagtail")
    directory.mkdir(parents=True)
    run([wagtail, "start", "peer", str(directory)], cwd=directory.parent, env=_base_env())
    (directory / "peer" / "settings" / "local.py").write_text(LOCAL_SETTINGS.format(name=db_name))
    urls = directory / "peer" / "urls.py"
    urls.write_text(urls.read_text() + CEILING_URLS)
    env = _base_env() | {"DJANGO_SETTINGS_MODULE": "peer.settings.production"}
    manage = [sys.executable, "manage.py"]
    if migrate:
        recreate_database(db_name)
        run([*manage, "migrate", "--noinput"], cwd=directory, env=env)
    run([*manage, "collectstatic", "--noinput"], cwd=directory, env=env)
    return directory, env


def _base_env() -> dict[str, str]:
    """The caller's environment without its Django settings, which belong to our site."""
    return {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
