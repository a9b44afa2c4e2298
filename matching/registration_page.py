"""City registration: a city fills in its profile and waits, pending, for staff to approve it."""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from contacts.form_limits import rate_limited
from contacts.notifications import confirm_to_person
from contacts.submissions import accept_submission, stored_before
from contacts.withdrawal import withdrawal_token
from matching import notifications
from matching.display import city_names
from matching.forms import HAS_PROFILE, CityProfileForm
from matching.models import City, CityApplication
from matching.public_page import MatchingPage, confirmation
from matching.registration import register_city


class RegisterCityPage(MatchingPage):
    """A city fills in its profile; it waits, pending, until staff approve it."""

    template = "matching/register_city_page.html"

    class Meta:
        verbose_name = _("city registration")

    def serve(self, request, *args, **kwargs):
        if request.GET.get("sent"):
            return confirmation(request, self.template, self.get_context(request))
        sent_url = self.url + "?sent=1"  # before saving, as for introductions
        if request.method == "POST" and (sent := stored_before(CityApplication, request.POST)):
            # Sent again: the city now has the profile the first copy stored.
            return redirect(f"{sent_url}&withdraw={withdrawal_token(sent)}")
        initial = {}
        city = City.objects.filter(slug=request.GET.get("city", "")[:140]).first()
        if city is not None:
            initial = {"city": city.slug, "population": city.population}
        form = CityProfileForm(request.POST or None, initial=initial)
        context = self.get_context(request) | {"form": form, "chosen_city": city}
        context["content_cache"] = settings.FRAGMENTS_UNCACHED  # a form with the visitor's token
        if city is not None:
            context["chosen_city_name"] = city_names([city])[city.pk]
            if city.status in HAS_PROFILE:
                # Said before anything is filled in; there is no form to send.
                context["already_registered"] = True
                return TemplateResponse(request, self.template, context)
        if request.method == "POST":
            if rate_limited(request, "registration"):
                context["rate_limited"] = True
                return TemplateResponse(request, self.template, context, status=429)
            if form.is_valid():
                application = accept_submission(
                    request,
                    CityApplication,
                    form.cleaned_data["submission"],
                    lambda: register_city(form, get_language()),
                    "registration",
                    tell=[notifications.application_received, confirm_to_person],
                )
                return redirect(f"{sent_url}&withdraw={withdrawal_token(application)}")
        return TemplateResponse(request, self.template, context)
