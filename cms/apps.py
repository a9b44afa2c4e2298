from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Editorial content")

    def ready(self) -> None:
        from cms import cache_invalidation

        cache_invalidation.connect()
