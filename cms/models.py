"""Django finds the editorial models here; each lives in the module of its idea."""

from cms.events.models import EventIndexPage, EventPage
from cms.labs.models import LabConclusionsPage, LabIndexPage, LabPage
from cms.partners.models import PartnerOrganisation, PartnersPage
from cms.standard.contact import ProgrammeContact
from cms.standard.models import StandardPage
from cms.stories.models import StoryIndexPage, StoryPage
from cms.toolkit.models import ToolkitPage

__all__ = [
    "EventIndexPage",
    "EventPage",
    "LabConclusionsPage",
    "LabIndexPage",
    "LabPage",
    "PartnerOrganisation",
    "PartnersPage",
    "ProgrammeContact",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "ToolkitPage",
]
