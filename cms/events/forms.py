"""The event editor reads and shows times as local times of the event's own time zone."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.admin.forms import WagtailAdminPageForm

from cms.pages.choices import EVENT_LANGUAGES

LOCAL_TIME_FIELDS = ("start", "end", "registration_deadline")


def zone_or_none(name: str | None) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


class EventPageForm(WagtailAdminPageForm):
    """An editor in Stockholm typing 18:00 for a Kyiv event means 18:00 in Kyiv."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = zone_or_none(self.instance.time_zone)
        if zone is None:
            return
        for name in LOCAL_TIME_FIELDS:
            value = getattr(self.instance, name, None)
            if value and name in self.fields:
                self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone = zone_or_none(cleaned.get("time_zone"))
        if zone is not None:
            for name in LOCAL_TIME_FIELDS:
                value = cleaned.get(name)
                if value:
                    # The form read the wall-clock time in the editor's zone; re-read it in the event's.
                    cleaned[name] = timezone.make_aware(timezone.make_naive(value), zone)
        return cleaned


def language_list_formfield(field, **kwargs) -> forms.Field:
    return forms.TypedMultipleChoiceField(
        choices=EVENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=not field.blank,
        label=capfirst(field.verbose_name),
        help_text=field.help_text,
    )
