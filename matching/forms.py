"""Public forms of the matching half: register a city, request an introduction, find partners."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from contacts.consent import ContactFields
from contacts.models import MessageTopic
from matching.models import City, CityStatus
from matching.regions import PROGRAMME_COUNTRIES, country_name
from matching.taxonomy import Challenge, CultureRole, CultureTheme, term_labels

WEIGHT_CHOICES = [
    ("0", _("Not a challenge for us")),
    ("1", _("Present")),
    ("2", _("Serious")),
    ("3", _("Critical")),
]
LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("ro", _("Romanian")),
    ("ru", _("Russian")),
    ("pl", _("Polish")),
    ("de", _("German")),
    ("sv", _("Swedish")),
    ("fi", _("Finnish")),
    ("da", _("Danish")),
    ("et", _("Estonian")),
    ("lv", _("Latvian")),
    ("lt", _("Lithuanian")),
    ("no", _("Norwegian")),
    ("is", _("Icelandic")),
]
POPULATION_BANDS = {
    "small": (None, 9_999),
    "10-30k": (10_000, 30_000),
    "30-100k": (30_001, 100_000),
    "large": (100_001, None),
}
BAND_CHOICES = [
    ("", _("Any size")),
    ("small", _("Under 10,000")),
    ("10-30k", _("10,000–30,000")),
    ("30-100k", _("30,000–100,000")),
    ("large", _("Over 100,000")),
]


def term_choices(model) -> list[tuple[str, str]]:
    labels = term_labels(model, get_language())
    return sorted(labels.items(), key=lambda item: item[1])


class CountryField(forms.ChoiceField):
    """A country code from the choices, in any case (links write `se` as often as `SE`)."""

    def to_python(self, value) -> str:
        return super().to_python(value).upper()


class PublicForm(forms.Form):
    """A form visitors fill in. Its field order is the page's, so the error summary reads in it."""

    def grouped_errors(self) -> dict[str, list[dict]]:
        """Errors about a group of fields (not one field), by the name of the group's first field."""
        return {}

    def error_summary(self) -> list[dict]:
        """Each problem once, as the page shows them: errors about the whole form, then by field."""
        grouped = self.grouped_errors()
        placed = {entry["message"] for entries in grouped.values() for entry in entries}
        summary = [{"message": m} for m in self.non_field_errors() if m not in placed]
        for field in self:
            summary += grouped.get(field.name, [])
            if field.errors:
                visible = {} if field.is_hidden else {"anchor": field.auto_id, "label": field.label}
                summary.append(visible | {"message": " ".join(field.errors)})
        return summary


class ContactForm(ContactFields, PublicForm):
    """A public form that stores a person's details with their consent (contacts.consent)."""


NO_CHALLENGE = _("Choose at least one challenge your city faces.")
HAS_PROFILE = (CityStatus.PENDING, CityStatus.APPROVED)
ALREADY_REGISTERED = _(
    "This city already has a profile. Staff will help you update it: write to us."
)


class CityProfileForm(ContactForm):
    """Registration: the city (from the directory or new), its profile and a contact person."""

    # As the page shows them; the challenges come after the population.
    field_order = [
        "website",
        "city",
        "name",
        "country",
        "population",
        "offers",
        "seeks",
        "roles",
        "languages",
        "host_capacity",
        "description",
        "contact_name",
        "contact_role",
        "contact_email",
        "consent",
    ]

    city = forms.SlugField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("City name"),
        max_length=120,
        required=False,
        help_text=_("Only if your city is not in the directory."),
    )
    country = CountryField(label=_("Country"), required=False)
    population = forms.IntegerField(label=_("Population"), min_value=1, max_value=10_000_000)
    offers = forms.MultipleChoiceField(
        label=_("Culture themes you can show a visiting peer"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    seeks = forms.MultipleChoiceField(
        label=_("Culture themes you want to learn about"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles culture plays in your city's work"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages your staff can work in"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    host_capacity = forms.IntegerField(
        label=_("Visiting cities you could host in one shadowing round"),
        min_value=0,
        max_value=20,
        initial=0,
    )
    description = forms.CharField(
        label=_("About your city"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        help_text=_("What your city is like and what its culture work can show a visiting peer."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—")] + [
            (code, country_name(code)) for code in sorted(PROGRAMME_COUNTRIES)
        ]
        for field in ("offers", "seeks"):
            self.fields[field].choices = term_choices(CultureTheme)
        self.fields["roles"].choices = term_choices(CultureRole)
        self.challenge_fields = []
        for slug, label in term_choices(Challenge):
            name = f"challenge_{slug}"
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=WEIGHT_CHOICES,
                initial="0",
                required=False,
                widget=forms.RadioSelect,
            )
            self.challenge_fields.append(name)
        after = self.field_order.index("population") + 1
        self.order_fields(
            self.field_order[:after] + self.challenge_fields + self.field_order[after:]
        )

    @property
    def challenge_error(self) -> str:
        """The problem with the challenges as a group, shown with them."""
        return NO_CHALLENGE if NO_CHALLENGE in self.non_field_errors() else ""

    def grouped_errors(self) -> dict[str, list[dict]]:
        if not (self.challenge_error and self.challenge_fields):
            return {}
        entry = {"anchor": "challenges", "label": _("Challenges your city faces")}
        return {self.challenge_fields[0]: [entry | {"message": self.challenge_error}]}

    def challenge_weights(self) -> dict[str, int]:
        return {
            name.removeprefix("challenge_"): int(self.cleaned_data[name])
            for name in self.challenge_fields
            if self.cleaned_data.get(name) not in (None, "", "0")
        }

    def clean(self):
        data = super().clean()
        slug = data.get("city")
        if slug:
            city = City.objects.filter(slug=slug).first()
            if city is None:
                self.add_error(
                    "city", _("This city is not in the directory. Add it by name below.")
                )
            elif city.status in HAS_PROFILE:
                self.add_error("city", ALREADY_REGISTERED)
            data["city_obj"] = city
        else:
            if not data.get("name"):
                self.add_error("name", _("Choose your city from the directory or give its name."))
            if not data.get("country"):
                self.add_error("country", _("Choose the country of your city."))
            self.find_typed_city(data)
        if not self.challenge_weights():
            self.add_error(None, NO_CHALLENGE)
        return data

    def find_typed_city(self, data: dict) -> None:
        """A typed name of a city the directory has (in any language) is that city, not a new one."""
        name, country = data.get("name", "").strip(), data.get("country")
        if not (name and country):
            return
        known = list(City.objects.filter(country=country).named(name))
        if any(city.status in HAS_PROFILE for city in known):
            self.add_error("name", ALREADY_REGISTERED)
        elif len(known) == 1:
            data["city_obj"] = known[0]


class IntroductionForm(ContactForm):
    field_order = ["website", "message"]  # then the contact details, as on the page
    message = forms.CharField(
        label=_("Why would you like to meet this city?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Staff read this before they introduce you; the other city does not see your e-mail."
        ),
    )


class ProgrammeMessageForm(ContactForm):
    """Writing to the programme: staff answer by e-mail, so no one's address is published."""

    topic = forms.ChoiceField(
        label=_("What is your message about?"), choices=MessageTopic.choices, initial="other"
    )
    about = forms.CharField(
        label=_("Which story, lab or event?"),
        max_length=500,
        required=False,
        help_text=_("Its title or address, if your question is about one page."),
    )
    message = forms.CharField(
        label=_("Your message"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )

    field_order = [
        "website",
        "topic",
        "about",
        "message",
        "contact_name",
        "contact_role",
        "contact_email",
    ]


class FinderForm(forms.Form):
    """The partner finder's GET filters; bad values are dropped with a message, never a 500."""

    q = forms.CharField(label=_("Find your city"), required=False, max_length=80)
    city = forms.SlugField(required=False, widget=forms.HiddenInput, max_length=140)
    country = CountryField(label=_("Partner country"), required=False)
    band = forms.ChoiceField(label=_("Partner size"), choices=BAND_CHOICES, required=False)
    theme = forms.ChoiceField(label=_("Partner offers"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_countries(PROGRAMME_COUNTRIES)
        # Labels translated now: a lazy one is translated again each time it is printed.
        self.fields["band"].choices = [(value, str(label)) for value, label in BAND_CHOICES]
        self.fields["theme"].choices = [("", str(_("Any theme"))), *term_choices(CultureTheme)]

    def offer_countries(self, codes) -> None:
        """List only these countries, e.g. those the chosen city's partners are in."""
        self.fields["country"].choices = [
            ("", str(_("Any country"))),
            *((code, country_name(code)) for code in sorted(codes)),
        ]
