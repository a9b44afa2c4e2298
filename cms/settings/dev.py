"""Local development: debug on, a throwaway key, e-mail printed to the console."""

from cms.settings.base import *  # noqa: F403
from cms.settings.base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
