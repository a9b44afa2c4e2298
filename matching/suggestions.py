"""What the engine computed, stored so that a page request never scores pairs itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="cogs")
class MatchingWeights(BaseGenericSetting):
    """How much each component counts in a partner score; changing them recomputes suggestions."""

    challenges = models.FloatField(
        _("shared challenges"),
        default=0.45,
        help_text=_("Weight of shared challenges (rarer ones count more)."),
    )
    population = models.FloatField(
        _("population size"), default=0.20, help_text=_("Weight of being of similar size.")
    )
    themes = models.FloatField(
        _("culture themes"),
        default=0.35,
        help_text=_("Weight of what one city offers matching what the other seeks."),
    )
    text = models.FloatField(
        _("description similarity"),
        default=0.0,
        help_text=_("Weight of similar descriptions (0: off)."),
    )
    language = models.FloatField(
        _("shared working language"),
        default=0.0,
        help_text=_("Weight of a language both work in (0: off)."),
    )

    panels = [
        HelpPanel(
            content=_(
                "Weights are relative: the score is 100 times their weighted mean. Saving recomputes every suggestion."
            )
        ),
        FieldRowPanel([FieldPanel("challenges"), FieldPanel("population"), FieldPanel("themes")]),
        FieldRowPanel([FieldPanel("text"), FieldPanel("language")]),
    ]

    class Meta:
        verbose_name = _("matching weights")

    def as_dict(self) -> dict[str, float]:
        return {
            name: getattr(self, name)
            for name in ("challenges", "population", "themes", "text", "language")
        }


class SuggestionQuerySet(models.QuerySet):
    def to_approved_partners_of(self, city_id: int) -> "SuggestionQuerySet":
        """A city's suggestions whose partner is approved: the only ones visitors see."""
        from matching.models import CityStatus  # models imports this module

        return self.filter(city_id=city_id, partner__status=CityStatus.APPROVED)


class StoredSuggestion(models.Model):
    city = models.ForeignKey("matching.City", on_delete=models.CASCADE, related_name="suggestions")
    partner = models.ForeignKey("matching.City", on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    components = models.JSONField()
    reasons = models.JSONField(
        help_text="Machine-readable reasons: [{kind, params}], rendered per language."
    )
    computed_at = models.DateTimeField()

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["city", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["city", "partner"], name="suggestion_pair_once")
        ]
        indexes = [models.Index(fields=["city", "rank"])]

    def __str__(self) -> str:
        return f"#{self.rank} {self.partner_id} for {self.city_id} ({self.score})"


class RecomputeRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    cities = models.PositiveIntegerField(default=0)
    suggestions = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("suggestion recompute")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.status}"
