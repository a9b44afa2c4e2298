"""Shadowing rounds and the partnerships planned for them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ShadowingRound(models.Model):
    name = models.CharField(
        _("name"), max_length=120, unique=True, help_text=_("E.g. Pearl shadowing, spring 2026.")
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("shadowing round")
        verbose_name_plural = _("shadowing rounds")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class PlannedPartnership(models.Model):
    shadowing_round = models.ForeignKey(
        ShadowingRound, on_delete=models.CASCADE, related_name="partnerships"
    )
    visitor = models.ForeignKey(
        "matching.City", on_delete=models.CASCADE, related_name="visits_planned"
    )
    host = models.ForeignKey(
        "matching.City", on_delete=models.CASCADE, related_name="hostings_planned"
    )
    score = models.FloatField(_("score when planned"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("planned partnership")
        verbose_name_plural = _("planned partnerships")
        ordering = ["shadowing_round", "visitor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["shadowing_round", "visitor"], name="one_host_per_visitor_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.visitor} → {self.host} ({self.shadowing_round})"
