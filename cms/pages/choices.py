"""Small fixed vocabularies of the editorial pages (the programme's own live in matching.taxonomy)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Attendance(models.TextChoices):
    ONLINE = "online", _("Online")
    VENUE = "venue", _("At a venue")
    HYBRID = "hybrid", _("At a venue and online")


class LabFormat(models.TextChoices):
    ROUNDTABLE = "roundtable", _("Roundtable")
    WORKSHOP = "workshop", _("Workshop")


class DocumentKind(models.TextChoices):
    GUIDEBOOK = "guidebook", _("Guidebook")
    TEMPLATE = "template", _("Template")
    CHECKLIST = "checklist", _("Checklist")
    PRESENTATION = "presentation", _("Presentation")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


# Working languages of events: the site's, then the programme countries' own.
EVENT_LANGUAGES = [
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("ro", _("Romanian")),
    ("sv", _("Swedish")),
    ("fi", _("Finnish")),
    ("da", _("Danish")),
    ("de", _("German")),
    ("et", _("Estonian")),
    ("lv", _("Latvian")),
    ("lt", _("Lithuanian")),
    ("pl", _("Polish")),
    ("nb", _("Norwegian")),
    ("is", _("Icelandic")),
]

# Time zones an event can be held in: the programme countries' (IANA names), and UTC.
EVENT_TIME_ZONES = [
    (name, name)
    for name in [
        "Europe/Kyiv",
        "Europe/Chisinau",
        "Europe/Stockholm",
        "Europe/Helsinki",
        "Europe/Tallinn",
        "Europe/Riga",
        "Europe/Vilnius",
        "Europe/Warsaw",
        "Europe/Berlin",
        "Europe/Copenhagen",
        "Europe/Oslo",
        "Atlantic/Reykjavik",
        "UTC",
    ]
]
