"""Tests: fast hashing, an in-memory cache and e-mail outbox, tasks run immediately."""

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    **UNCACHED_FRAGMENTS,  # noqa: F405
}
PAGE_CACHE = False  # the page-cache tests turn it on
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Tests collect no static files: with no STATIC_ROOT (Django's default) WhiteNoise looks for
# none, rather than warn at every client that the folder collectstatic would fill is missing.
STATIC_ROOT = None
MEDIA_ROOT = BASE_DIR / "media" / "test"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# The API's rate limit would trip over the suite's own requests; its tests turn it on.
API_RATE_LIMIT = ""
