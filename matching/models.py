"""City profiles: one row per city holding its language-neutral facts; texts live in CityText."""

from collections import defaultdict

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from matching.city_requests import CityApplication, IntroductionOutcome, IntroductionRequest  # noqa: F401
from matching.names import folded, search_names
from matching.regions import PROGRAMME_COUNTRIES, Region, region_of
from matching.rounds import PlannedPartnership, ShadowingRound  # noqa: F401
from matching.suggestions import MatchingWeights, RecomputeRun, StoredSuggestion  # noqa: F401
from matching.taxonomy import (  # noqa: F401  (models must be importable from matching.models)
    ActivityType,
    Challenge,
    ChallengeGroup,
    CultureRole,
    CultureTheme,
    ResiliencePillar,
    term_labels,
)


class CityStatus(models.TextChoices):
    UNCLAIMED = "unclaimed", _("Directory entry (unclaimed)")
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Pending review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CulturalPearls(models.TextChoices):
    TITLE_2024 = "title-2024", _("BSR Cultural Pearl 2024")
    CANDIDATE_2024 = "candidate-2024", _("Cultural Pearls candidate 2024")
    CANDIDATE_2025 = "candidate-2025", _("Cultural Pearls candidate 2025")
    PARTNER = "partner", _("RESCOM partner seat")


class CityQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CityStatus.APPROVED)

    def named_like(self, text: str):
        """Cities whose own name or a name in any language contains `text`, accents and case aside."""
        wanted = folded(text)
        return self.filter(search_names__contains=wanted) if wanted else self.none()

    def named(self, name: str):
        """Cities with `name` as their own name or a name in any language, accents and case aside."""
        wanted = folded(name)
        return self.filter(search_names__contains=f"|{wanted}|") if wanted else self.none()

    def refresh_search_names(self) -> None:
        """Store each city's folded names again, after its names changed in bulk."""
        texts = defaultdict(list)
        for city_id, name in CityText.objects.filter(city__in=self).values_list("city_id", "name"):
            texts[city_id].append(name)
        cities = list(self.only("pk", "name"))
        for city in cities:
            city.search_names = search_names([city.name, *texts[city.pk]])
        City.objects.bulk_update(cities, ["search_names"], batch_size=500)


class City(index.Indexed, ClusterableModel):
    name = models.CharField(
        _("name"), max_length=120, help_text=_("The city's own name, as written in its country.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=140,
        unique=True,
        help_text=_("Used in the address of the city's page."),
    )
    country = CountryField(
        _("country"),
        countries_flag_url=None,
        help_text=_("Baltic Sea Region states, Ukraine or Moldova."),
    )
    region = models.CharField(
        _("region"), max_length=8, choices=Region.choices, editable=False, db_index=True
    )
    population = models.PositiveIntegerField(
        _("population"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Inhabitants; leave empty until the city confirms it."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    #: Every name form, folded (`names.search_names`): what the city searches match.
    search_names = models.TextField(editable=False, blank=True, default="")
    geonames_id = models.PositiveIntegerField(
        _("GeoNames id"), null=True, blank=True, unique=True, editable=False
    )
    cultural_pearls = models.CharField(
        _("programme role"),
        max_length=16,
        choices=CulturalPearls.choices,
        blank=True,
        help_text=_("Its place in BSR Cultural Pearls or RESCOM, if any."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CityStatus.choices,
        default=CityStatus.UNCLAIMED,
        db_index=True,
        help_text=_("Only approved profiles are suggested as partners or shown in public."),
    )
    offers = ParentalManyToManyField(
        CultureTheme,
        blank=True,
        related_name="offered_by",
        verbose_name=_("culture themes it can show"),
        help_text=_("What a visiting peer could see and learn here."),
    )
    seeks = ParentalManyToManyField(
        CultureTheme,
        blank=True,
        related_name="sought_by",
        verbose_name=_("culture themes it wants to learn"),
    )
    roles = ParentalManyToManyField(
        CultureRole,
        blank=True,
        related_name="cities",
        verbose_name=_("culture roles"),
        help_text=_("The roles culture plays in the city's work: Gateway, Spark, Space, Root."),
    )
    languages = models.JSONField(
        _("working languages"),
        default=list,
        blank=True,
        help_text=_("ISO 639-1 codes of the languages its staff can work in, e.g. uk, en."),
    )
    host_capacity = models.PositiveSmallIntegerField(
        _("visitors it can host per round"),
        default=0,
        validators=[MaxValueValidator(20)],
        help_text=_("Visiting cities it can receive in one shadowing round (0: none)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CityQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("population")]),
            ],
            heading=_("The city"),
        ),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Location")),
        InlinePanel("challenges", heading=_("Challenges"), label=_("challenge")),
        MultiFieldPanel(
            [FieldPanel("offers"), FieldPanel("seeks"), FieldPanel("roles")], heading=_("Culture")
        ),
        FieldRowPanel(
            [FieldPanel("languages"), FieldPanel("host_capacity")], heading=_("Shadowing")
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("cultural_pearls")]),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("status"),
        index.FilterField("country"),
        index.FilterField("region"),
    ]

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(country__in=PROGRAMME_COUNTRIES), name="city_programme_country"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country.code})"

    def compute_region(self) -> str:
        return region_of(getattr(self.country, "code", self.country))

    @classmethod
    def from_db(cls, db, field_names, values):
        """Remember the status read, as Django's "customizing model loading" documents."""
        instance = super().from_db(db, field_names, values)
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    @property
    def was_approved(self) -> bool:
        """Whether the row was approved when loaded: leaving that state changes others' partners."""
        return getattr(self, "_loaded_status", None) == CityStatus.APPROVED

    def save(self, *args, **kwargs):
        self.region = self.compute_region()
        texts = self.texts.values_list("name", flat=True) if self.pk else []
        self.search_names = search_names([self.name, *texts])
        super().save(*args, **kwargs)
        self._loaded_status = self.status


#: City columns a card shows: its name, link, country and size.
CITY_CARD_FIELDS = ("id", "name", "slug", "country", "population")
#: The others (search names, pearls, position, dates...) stay in the database for a card.
CITY_CARD_DEFERRED = tuple(
    field.name for field in City._meta.concrete_fields if field.name not in CITY_CARD_FIELDS
)


class CityChallenge(Orderable):
    city = ParentalKey(City, on_delete=models.CASCADE, related_name="challenges")
    challenge = models.ForeignKey(
        Challenge, on_delete=models.CASCADE, related_name="+", verbose_name=_("challenge")
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        choices=[(1, _("present")), (2, _("serious")), (3, _("critical"))],
        default=1,
        help_text=_("How hard the challenge weighs on the city."),
    )

    panels = [FieldRowPanel([FieldPanel("challenge"), FieldPanel("weight")])]

    class Meta(Orderable.Meta):
        verbose_name = _("city challenge")
        constraints = [
            models.UniqueConstraint(fields=["city", "challenge"], name="city_challenge_once")
        ]


class CityText(TranslatableMixin, models.Model):
    """A city's texts in one language: its name form and description, translated with wagtail-localize."""

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="texts")
    name = models.CharField(
        _("name in this language"),
        max_length=120,
        blank=True,
        help_text=_("How the city is written in this language, e.g. Кагул for Cahul."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the city is like and what its culture work can show a visiting peer."),
    )

    panels = [FieldPanel("city"), FieldPanel("name"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("city text")
        verbose_name_plural = _("city texts")
        unique_together = [("translation_key", "locale"), ("city", "locale")]

    def __str__(self) -> str:
        return self.name or self.city.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        City.objects.filter(pk=self.city_id).refresh_search_names()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        City.objects.filter(pk=self.city_id).refresh_search_names()
        return result


from matching.pages import CityIndexPage, PartnerFinderPage, RegisterCityPage  # noqa: E402, F401
