"""Production settings served over plain HTTP on loopback, for the tests that start real app servers."""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import env

# No TLS proxy stands in front on loopback: the HTTPS redirect and HTTPS-only cookies
# would stop a plain-HTTP client at the first request.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Static files straight from the apps, so that a test needs no collectstatic step.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing collected: WhiteNoise would warn that the folder is missing

# Every load-test client comes from 127.0.0.1: the per-address form limit would answer all
# but the first few submissions with 429, so the load test switches it off.
RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", default=True)
