"""Telling staff of a city's requests: a profile to review, an introduction to make.

The e-mail carries no personal data, only a link to the admin (contacts.notifications).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext, override

from contacts.notifications import notify_moderators
from matching.city_requests import CityApplication, IntroductionRequest


def application_received(application: CityApplication) -> int:
    with override(settings.LANGUAGE_CODE):
        city = application.city
        return notify_moderators(
            gettext("New city profile to review: %(city)s") % {"city": city.name},
            gettext("%(city)s (%(country)s) registered its profile and waits for review.")
            % {"city": city.name, "country": city.country.code},
            reverse("wagtailsnippets_matching_city:edit", args=[city.pk]),
        )


def introduction_requested(introduction: IntroductionRequest) -> int:
    with override(settings.LANGUAGE_CODE):
        return notify_moderators(
            gettext("Introduction requested: %(from)s → %(to)s")
            % {"from": introduction.from_city.name, "to": introduction.to_city.name},
            gettext("%(from)s asks to be introduced to %(to)s.")
            % {"from": introduction.from_city.name, "to": introduction.to_city.name},
            reverse("wagtailsnippets_matching_introductionrequest:edit", args=[introduction.pk]),
        )
