"""Forms of the staff views: the cohort planner and the city snippet."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from matching.forms import LANGUAGE_CHOICES
from matching.planning import approved_choices
from matching.rounds import ShadowingRound


class CohortPlanForm(forms.Form):
    shadowing_round = forms.ModelChoiceField(
        ShadowingRound.objects.all(),
        label=_("Round"),
        required=False,
        empty_label=_("A new round…"),
    )
    new_round = forms.CharField(label=_("Name of a new round"), max_length=120, required=False)
    visitors = forms.MultipleChoiceField(
        label=_("Visiting cities (Ukraine and Moldova)"), widget=forms.CheckboxSelectMultiple
    )
    hosts = forms.MultipleChoiceField(
        label=_("Host cities (Baltic Sea Region)"), widget=forms.CheckboxSelectMultiple
    )
    min_score = forms.FloatField(label=_("Minimum score"), min_value=0, max_value=100, initial=0)
    avoid_earlier = forms.BooleanField(
        label=_("Avoid pairs that met or were planned in another round"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visitors"].choices = approved_choices("east")
        self.fields["hosts"].choices = approved_choices("bsr")
        self.fields["visitors"].initial = [slug for slug, _name in self.fields["visitors"].choices]
        self.fields["hosts"].initial = [slug for slug, _name in self.fields["hosts"].choices]

    def clean(self):
        data = super().clean()
        if not data.get("shadowing_round") and not (data.get("new_round") or "").strip():
            self.add_error("new_round", _("Choose a round or name a new one."))
        elif (
            data.get("new_round")
            and ShadowingRound.objects.filter(name=data["new_round"].strip()).exists()
        ):
            self.add_error("new_round", _("A round of that name exists: choose it above."))
        return data

    def round_for_saving(self) -> ShadowingRound:
        return self.cleaned_data["shadowing_round"] or ShadowingRound.objects.create(
            name=self.cleaned_data["new_round"].strip()
        )


class CityAdminForm(WagtailAdminModelForm):
    """The city snippet's form: working languages as checkboxes rather than raw JSON."""

    languages = forms.MultipleChoiceField(
        label=_("working languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages its staff can work in."),
    )
