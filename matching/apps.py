from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Cities and partner matching")

    def ready(self) -> None:
        from . import tasks  # noqa: F401  (connects the recompute signals)
