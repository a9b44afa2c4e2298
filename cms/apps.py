from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Editorial content")

    def ready(self) -> None:
        from matching.privacy import register_holder

        from . import cache_invalidation
        from .accessibility_feedback import AccessibilityFeedback

        cache_invalidation.connect()
        register_holder(AccessibilityFeedback)
