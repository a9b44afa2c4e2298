"""Our site as production runs it: PostgreSQL, Redis, whitenoise, gunicorn; demo content loaded."""

import json
import os
import sys
from pathlib import Path

from benchmarks.web.servers import database_url, recreate_database, run

ROOT = Path(__file__).resolve().parents[2]

#: Prints the URLs to measure; run inside the site's settings by `manage.py shell`.
FIND_TARGETS = """
import json
from cms.models import StoryIndexPage, StoryPage
from matching.models import City
from matching.pages import PartnerFinderPage
from matching.suggestions import StoredSuggestion

story = StoryPage.objects.live().filter(locale__language_code="en").order_by("pk").first()
index = StoryIndexPage.objects.live().filter(locale__language_code="en").first()
challenge = story.challenges.order_by("slug").first()
theme = story.culture_themes.order_by("slug").first()
finder = PartnerFinderPage.objects.live().filter(locale__language_code="en").first()
city = City.objects.get(pk=StoredSuggestion.objects.order_by("city__slug").values("city")[:1])
print(json.dumps({
    "home": "/en/",
    "story": story.url,
    "story index, 2 filters": f"{index.url}?challenge={challenge.slug}&theme={theme.slug}",
    "partner finder": f"{finder.url}?city={city.slug}",
    "partners API": f"/api/v1/cities/{city.slug}/partners",
}))
"""


def site_env(db_name: str, cache_url: str, page_cache: bool) -> dict[str, str]:
    """Production settings, minus the HTTPS redirect: the benchmark speaks plain HTTP on loopback.

    The API's rate limit is off too: one client asks thousands of times a minute, and a
    refusal (429) costs nothing, so it would be counted as an error and flatter the rate.
    """
    return {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url(db_name),
        "CACHE_URL": cache_url,
        "PAGE_CACHE": "on" if page_cache else "off",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
        "API_RATE_LIMIT": "",
    }


def build_site(db_name: str, cache_url: str) -> dict[str, str]:
    """Fresh database, migrated, reference data and demo content; suggestions computed at once."""
    recreate_database(db_name)
    env = site_env(db_name, cache_url, page_cache=True) | {
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
    }
    manage = [sys.executable, "manage.py"]
    for step in (
        ["compile_translations"],
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput"],
        ["load_reference_data"],
        ["load_demo_content"],
    ):
        run([*manage, *step], cwd=ROOT, env=env)
    return env


def find_targets(env: dict[str, str]) -> dict[str, str]:
    output = run([sys.executable, "manage.py", "shell", "-c", FIND_TARGETS], cwd=ROOT, env=env)
    return json.loads(output.strip().splitlines()[-1])
