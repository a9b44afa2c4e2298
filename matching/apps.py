from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Cities and partner matching")

    def ready(self) -> None:
        from contacts.privacy import register_contact_model
        from matching import tasks  # noqa: F401  (connects the recompute signals)
        from matching.city_requests import CityApplication, IntroductionRequest

        register_contact_model(CityApplication, export_as="city_applications")
        register_contact_model(IntroductionRequest, export_as="introduction_requests")
