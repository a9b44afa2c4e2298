"""Settings shared by every environment; each value that differs per deploy comes from the environment."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _
from wagtail.embeds.oembed_providers import vimeo, youtube

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    SITE_BASE_URL=(str, "http://127.0.0.1:8000"),
    DEFAULT_FROM_EMAIL=(str, "RESCOM <no-reply@rescom.local>"),
    MODERATORS_EMAIL=(list, []),
    CONTACT_RETENTION_MONTHS=(int, 24),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "cms",
    "matching",
    "contacts",
    "wagtail_localize",
    "django_countries",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache, so that a cached API answer still counts against the limit.
    "cms.api.rate_limit.ApiRateLimitMiddleware",
    # Early, so that a cached page skips everything below; it stores the headers they add.
    "cms.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.SiteLocaleMiddleware",
    "cms.middleware.RejectNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
# A refused form post gets a page in the visitor's language that says what to do next.
CSRF_FAILURE_VIEW = "home.views.csrf_failure"
WSGI_APPLICATION = "cms.wsgi.application"

# One Django template engine: templates/ (public pages, components, navigation, one folder
# per app) and each app's own templates.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.content_generation",
            ],
        },
    },
]

# An SQLite file by default so that a fresh clone runs with no server; PostgreSQL in production.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's, reading timestamps in C and checking connections without a query.
    DATABASES["default"]["ENGINE"] = "cms.postgresql"
if "postgresql" in DATABASES["default"]["ENGINE"] and env.bool("DB_PREPARED_STATEMENTS", True):
    # Parameters bound by the server, so that PostgreSQL keeps a query's plan: a query run
    # five times on a connection (most of a page's queries are the same SQL every view) is
    # then prepared, not planned again. Set DB_PREPARED_STATEMENTS=false behind a pooler in
    # transaction mode, which cannot keep them.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Wagtail keeps image renditions here too (without a cache named "renditions" it uses this one).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://rescom")}
# Stores nothing: a `{% cache %}` fragment that must be drawn afresh names it, as a page with
# a visitor's own form does by setting `content_cache` to it (cms/context_processors.py).
FRAGMENTS_UNCACHED = "uncached"
UNCACHED_FRAGMENTS = {
    FRAGMENTS_UNCACHED: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
}
CACHES |= UNCACHED_FRAGMENTS
# Whole pages for anonymous visitors, in the cache above; any content change empties it.
PAGE_CACHE = env.bool("PAGE_CACHE", default=not DEBUG)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
#: What a Redis cache gets (django-redis's options): with Redis out of reach each call costs at
#: most these timeouts, then reads are misses and writes are dropped, never an error page
#: (docs/decisions/cache-outage.md).
REDIS_CACHE_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": env.float("CACHE_CONNECT_TIMEOUT", default=0.25),
    "SOCKET_TIMEOUT": env.float("CACHE_SOCKET_TIMEOUT", default=0.5),
}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    CACHES["default"]["OPTIONS"] = REDIS_CACHE_OPTIONS | CACHES["default"].get("OPTIONS", {})
# Each ignored error is logged, with its traceback, by the `django_redis.cache` logger.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# In the database, not the cache: an editor stays logged in while the cache is out of reach.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Passwords, the login lockout, rate limits, the content security policy and permissions policy.
from cms.settings.security import *  # noqa: E402, F403

# Languages: adding a BSR language (sv, fi, pl, ...) is a change here and nowhere else.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("ro", _("Romanian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# Reference data and demo content; every loader reads its files from here.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"

# Media on the local disk by default; set MEDIA_STORAGE_BACKEND (and its options) for S3.
STORAGES = {
    "default": {
        "BACKEND": env(
            "MEDIA_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"
        )
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Request bodies: the page editor posts whole StreamFields, so the admin needs Django's
# 2.5 MB; public forms are bounded further by each field's max_length. Uploads have their own caps.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
MODERATORS_EMAIL = env("MODERATORS_EMAIL")
CONTACT_RETENTION_MONTHS = env("CONTACT_RETENTION_MONTHS")

WAGTAIL_SITE_NAME = "RESCOM"
WAGTAILADMIN_BASE_URL = env("SITE_BASE_URL")
# No Gravatar: the admin would send a hash of each editor's e-mail address to gravatar.com
# on every page, and wait on the Internet for it. Editors get Wagtail's own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "cms.search.backend",
        # PostgreSQL text-search configuration per language (`\dF` in psql lists them); a
        # language without one (Ukrainian) is searched with `simple` plus title prefixes.
        "LANGUAGE_CONFIGS": {"en": "english", "ro": "romanian"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.editorial.document_checks.CheckedDocumentForm"
# Documents always pass through Wagtail's view (also with S3 storage), which sends them as
# attachments with nosniff and a "default-src 'none'" policy: none opens as a page of this site.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No SVG: it can carry scripts. Wagtail also checks that the content is the named format.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Embeds only from the video hosts the content security policy lets the site frame.
WAGTAILEMBEDS_FINDERS = [
    {"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo]},
]

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
