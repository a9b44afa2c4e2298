"""Listing filters read from the query string: shareable, combinable, and never fatal.

A value the form does not know (a typo, an old link, a deleted term) is dropped and the
page says so; the rest of the filters still apply.
"""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from matching.regions import country_name
from matching.taxonomy import (
    ActivityType,
    Challenge,
    CultureRole,
    CultureTheme,
    TaxonomyTerm,
    term_labels,
)

ANY = _("Any")


def term_choices(model: type[TaxonomyTerm], empty_label: str) -> list[tuple[str, str]]:
    """Choices for a filter on `model`: an "any" entry, then slug → label in the active language."""
    return [("", empty_label), *term_labels(model).items()]


class ListingFilterForm(forms.Form):
    def __init__(self, data, **context):
        super().__init__(data=data, label_suffix="")
        self.set_choices(**context)
        self.is_valid()

    def set_choices(self, **context) -> None:
        """Fill in choices that depend on the database or the visitor's language."""

    @property
    def ignored(self) -> bool:
        """True when some value in the address was not understood and has been left out."""
        return bool(self.errors)

    @property
    def active(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v}

    def apply(self, queryset: QuerySet) -> QuerySet:
        raise NotImplementedError


def distinct_values(queryset: QuerySet, field: str) -> list:
    return sorted({v for v in queryset.order_by().values_list(field, flat=True).distinct() if v})


class StoryFilterForm(ListingFilterForm):
    challenge = forms.ChoiceField(label=_("Challenge"), required=False)
    theme = forms.ChoiceField(label=_("Culture theme"), required=False)
    role = forms.ChoiceField(label=_("Culture as…"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int)

    def set_choices(self, *, pairs: list[tuple[str, int]]) -> None:
        """`pairs`: the (country, year) of each story listed, from `country_year_pairs`."""
        self.fields["challenge"].choices = term_choices(Challenge, ANY)
        self.fields["theme"].choices = term_choices(CultureTheme, ANY)
        self.fields["role"].choices = term_choices(CultureRole, ANY)
        codes = sorted({code for code, _year in pairs if code})
        years = sorted({year for _code, year in pairs if year})
        named = sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])
        self.fields["country"].choices = [("", ANY), *named]
        self.fields["year"].choices = [("", ANY), *((str(y), str(y)) for y in reversed(years))]

    @staticmethod
    def country_year_pairs(stories: QuerySet) -> QuerySet:
        return stories.order_by().values_list("country", "year").distinct()

    def apply(self, queryset: QuerySet) -> QuerySet:
        return self.filtered(queryset, self.active)

    @staticmethod
    def filtered(queryset: QuerySet, active: dict) -> QuerySet:
        """`queryset` within the `active` filters (name → cleaned value)."""
        # A term matches through a subquery, not a join: no duplicate rows, so no DISTINCT
        # over every column of the page (its body included), which PostgreSQL pays dearly for.
        for field, relation in (
            ("challenge", "challenges"),
            ("theme", "culture_themes"),
            ("role", "culture_roles"),
        ):
            if field in active:
                tagged = queryset.model.objects.filter(**{f"{relation}__slug": active[field]})
                queryset = queryset.filter(pk__in=tagged.values("pk"))
        if "country" in active:
            queryset = queryset.filter(country=active["country"])
        if "year" in active:
            queryset = queryset.filter(year=active["year"])
        return queryset


class LabFilterForm(ListingFilterForm):
    format = forms.ChoiceField(label=_("Format"), required=False)
    attendance = forms.ChoiceField(label=_("Online or in person"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)
    challenge = forms.ChoiceField(label=_("Challenge in the conclusions"), required=False)
    theme = forms.ChoiceField(label=_("Culture theme in the conclusions"), required=False)

    def set_choices(self, *, labs: QuerySet, conclusions: QuerySet, formats, attendances) -> None:
        """`conclusions`: the published conclusions under the labs, which the terms filter."""
        self.conclusions = conclusions
        self.fields["format"].choices = [("", ANY), *formats]
        self.fields["attendance"].choices = [("", ANY), *attendances]
        years = {d.year for d in distinct_values(labs, "date")}
        self.fields["year"].choices = [
            ("", ANY),
            *((str(y), str(y)) for y in sorted(years, reverse=True)),
        ]
        self.fields["challenge"].choices = term_choices(Challenge, ANY)
        self.fields["theme"].choices = term_choices(CultureTheme, ANY)

    def apply(self, queryset: QuerySet) -> QuerySet:
        f, conclusions = self.active, self.conclusions
        if "format" in f:
            queryset = queryset.filter(format=f["format"])
        if "attendance" in f:
            queryset = queryset.filter(attendance=f["attendance"])
        if "year" in f:
            queryset = queryset.filter(date__year=int(f["year"]))
        if f.keys() & {"challenge", "theme"}:
            if "challenge" in f:
                conclusions = conclusions.filter(challenges__slug=f["challenge"])
            if "theme" in f:
                conclusions = conclusions.filter(culture_themes__slug=f["theme"])
            # A conclusions page is a child of its lab: the lab's path is the parent's prefix.
            paths = conclusions.values_list("path", flat=True)
            queryset = queryset.filter(path__in={path[: -Page.steplen] for path in paths})
        return queryset


class EventFilterForm(ListingFilterForm):
    # Chosen with the upcoming/past tabs; carried along when the other filters change.
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        widget=forms.HiddenInput,
    )
    activity = forms.ChoiceField(label=_("Activity"), required=False)
    attendance = forms.ChoiceField(label=_("Online or at a venue"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def set_choices(self, *, attendances, languages) -> None:
        self.fields["activity"].choices = term_choices(ActivityType, ANY)
        self.fields["attendance"].choices = [("", ANY), *attendances]
        self.fields["language"].choices = [("", ANY), *languages]

    @property
    def past(self) -> bool:
        return self.cleaned_data.get("when") == "past"

    def apply(self, queryset: QuerySet) -> QuerySet:
        f = self.active
        now = timezone.now()
        if self.past:
            queryset = queryset.filter(end__lt=now).order_by("-start", "pk")
        else:
            queryset = queryset.filter(end__gte=now).order_by("start", "pk")
        if "activity" in f:
            queryset = queryset.filter(activity_type__slug=f["activity"])
        if "attendance" in f:
            queryset = queryset.filter(attendance=f["attendance"])
        if "language" in f:
            # A JSON list of codes; the quoted code matches one element on every database.
            queryset = queryset.filter(languages__icontains=f'"{f["language"]}"')
        return queryset
