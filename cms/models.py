"""Django finds the editorial models here; each lives in the module of its idea."""

from .contact import ProgrammeContact
from .events import EventIndexPage, EventPage
from .labs import LabConclusionsPage, LabIndexPage, LabPage
from .partners import PartnerOrganisation, PartnersPage
from .standard import StandardPage
from .stories import StoryIndexPage, StoryPage
from .toolkit import ToolkitPage

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
