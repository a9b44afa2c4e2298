"""A site a visitor can browse: about, stories, labs with conclusions, events, toolkit, partners.

Idempotent: a page that exists (by slug under its parent) is left as editors made it, and a
translation that exists is never overwritten. Texts come from fixtures/demo/; translations
go through wagtail-localize (cms.editorial.translations), like a translator's.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from cms.demo.media import ensure_image, ensure_pdf
from cms.demo.text import languages_of, list_html, paragraphs_html, read, stream, string_map, text
from cms.editorial.translations import translate_missing
from cms.events.models import EventIndexPage, EventPage
from cms.labs.models import LabConclusionsPage, LabIndexPage, LabPage
from cms.partners.models import PartnerOrganisation, PartnersPage
from cms.standard.contact import ProgrammeContact
from cms.standard.models import StandardPage
from cms.stories.models import StoryIndexPage, StoryPage
from cms.toolkit.models import ToolkitPage
from matching.models import City
from matching.taxonomy import ActivityType, Challenge, CultureRole, CultureTheme, ResiliencePillar

SAMPLE_DOCUMENT_NOTE = (
    "Sample document made for the RESCOM demo site. It shows the format; the programme "
    "publishes the real document."
)


# Fixture key → page, for the pages translated with the texts of fixtures/demo/pages.json.
TRANSLATED_PAGES = {
    "story_index": "stories",
    "lab_index": "labs",
    "event_index": "events",
    "toolkit": "toolkit",
    "partners": "partners",
    "about": "about",
    "contact": "contact",
    "privacy": "privacy",
    "accessibility": "accessibility",
}


def figure(value: str | dict) -> str:
    """A figure is a plain number, or words that need translating, e.g. "7 of 11"."""
    return value if isinstance(value, str) else text(value)


class DemoLoader:
    def __init__(self):
        self.created = 0
        self.translated = 0
        self.default = Locale.get_default()
        self.pages: dict[str, Page] = {}

    # Helpers -----------------------------------------------------------------------------

    def ensure_child(self, parent: Page, model, slug: str, **fields) -> Page:
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        relations = {k: fields.pop(k) for k in list(fields) if isinstance(fields[k], list | set)}
        page = model(slug=slug, **fields)
        for name, values in relations.items():
            setattr(page, name, values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def terms(self, model, slugs: list[str]) -> list:
        return list(model.objects.filter(locale=self.default, slug__in=slugs))

    def partners(self, slugs: list[str]) -> list:
        return list(PartnerOrganisation.objects.filter(locale=self.default, slug__in=slugs))

    def translate(self, page: Page, data) -> None:
        strings = {code: string_map(data, code) for code in languages_of(data)}
        self.translated += translate_missing(page, strings)

    # Pages -------------------------------------------------------------------------------

    def simple_page(self, parent, model, data: dict, **fields) -> Page:
        return self.ensure_child(
            parent,
            model,
            data["slug"],
            title=text(data["title"]),
            is_sample=data.get("is_sample", False),
            show_in_menus=data.get("show_in_menus", True),
            **fields,
        )

    def load_pages(self, home: Page) -> None:
        data = read("pages")
        self.pages["stories"] = self.simple_page(
            home, StoryIndexPage, data["story_index"], intro=text(data["story_index"]["intro"])
        )
        self.pages["labs"] = self.simple_page(
            home, LabIndexPage, data["lab_index"], intro=text(data["lab_index"]["intro"])
        )
        self.pages["events"] = self.simple_page(
            home, EventIndexPage, data["event_index"], intro=text(data["event_index"]["intro"])
        )
        toolkit = data["toolkit"]
        documents = [
            {
                "type": "document",
                "value": {
                    "document": ensure_pdf(
                        text(doc["title"]),
                        doc["file"],
                        [SAMPLE_DOCUMENT_NOTE, text(doc["description"])],
                    ).pk,
                    "title": text(doc["title"]),
                    "kind": doc["kind"],
                    "description": text(doc["description"]),
                },
            }
            for doc in toolkit["documents"]
        ]
        self.pages["toolkit"] = self.simple_page(
            home, ToolkitPage, toolkit, intro=text(toolkit["intro"]), documents=documents
        )
        partners = data["partners"]
        self.pages["partners"] = self.simple_page(
            home, PartnersPage, partners, intro=text(partners["intro"])
        )
        for key in ("about", "contact", "privacy", "accessibility"):
            item = data[key]
            self.pages[key] = self.simple_page(
                home,
                StandardPage,
                item,
                intro=text(item.get("intro")),
                body=stream(item["body"], self.pages),
                page_form=item.get("page_form", ""),
            )
        for key, page_key in TRANSLATED_PAGES.items():
            self.translate(self.pages[page_key], data[key])

    def load_stories(self) -> None:
        index = self.pages["stories"]
        for item in read("stories")["stories"]:
            image = ensure_image(f"Demo: {text(item['title'])}", item["slug"], item["colours"])
            story = self.ensure_child(
                index,
                StoryPage,
                item["slug"],
                title=text(item["title"]),
                summary=text(item["summary"]),
                city=City.objects.get(slug=item["city"]),
                year=item["year"],
                is_sample=True,
                hero_image=image,
                hero_image_alt=text(item["hero_image_alt"]),
                body=stream(item["body"]),
                lessons=list_html(item["lessons"]),
                results=[
                    {
                        "type": "figure",
                        "value": {"figure": figure(r["figure"]), "label": text(r["label"])},
                    }
                    for r in item["results"]
                ],
                contact_role=text(item["contact_role"]),
                challenges=self.terms(Challenge, item["challenges"]),
                culture_roles=self.terms(CultureRole, item["roles"]),
                culture_themes=self.terms(CultureTheme, item["themes"]),
                pillars=self.terms(ResiliencePillar, item["pillars"]),
                partners=self.partners(item["partners"]),
            )
            self.translate(story, item)

    def load_labs(self) -> None:
        index = self.pages["labs"]
        today = timezone.localdate()
        for item in read("labs")["labs"]:
            lab = self.ensure_child(
                index,
                LabPage,
                item["slug"],
                title=text(item["title"]),
                summary=text(item["summary"]),
                format=item["format"],
                attendance=item["attendance"],
                place=text(item["place"]),
                date=today - timedelta(days=item["days_ago"]),
                other_participants=text(item["other_participants"]),
                body=stream(item["body"]),
                is_sample=True,
                organisations=self.partners(item["organisations"]),
            )
            self.translate(lab, {k: v for k, v in item.items() if k != "conclusions"})
            found = item["conclusions"]
            texts = [
                found["summary"],
                *(b["text"] for b in found["findings"] if b["type"] == "paragraph"),
            ]
            document = ensure_pdf(
                text(found["title"]),
                found["file"],
                [
                    SAMPLE_DOCUMENT_NOTE,
                    *(text(t) for t in texts),
                    *(text(r) for r in found["recommendations"]),
                ],
            )
            conclusions = self.ensure_child(
                lab,
                LabConclusionsPage,
                found["slug"],
                title=text(found["title"]),
                summary=text(found["summary"]),
                key_findings=stream(found["findings"]),
                recommendations=list_html(found["recommendations"], ordered=True),
                document=document,
                is_sample=True,
                challenges=self.terms(Challenge, found["challenges"]),
                culture_themes=self.terms(CultureTheme, found["themes"]),
            )
            self.translate(conclusions, found)

    def load_events(self) -> None:
        index = self.pages["events"]
        today = timezone.localdate()
        activities = {a.slug: a for a in ActivityType.objects.filter(locale=self.default)}
        for item in read("events")["events"]:
            zone = ZoneInfo(item["time_zone"])
            start_day = today + timedelta(days=item["days"])
            end_day = today + timedelta(days=item.get("end_days", item["days"]))
            event = self.ensure_child(
                index,
                EventPage,
                item["slug"],
                title=text(item["title"]),
                summary=text(item["summary"]),
                activity_type=activities[item["activity"]],
                start=datetime.combine(start_day, time.fromisoformat(item["start"]), zone),
                end=datetime.combine(end_day, time.fromisoformat(item["end"]), zone),
                time_zone=item["time_zone"],
                attendance=item["attendance"],
                venue=text(item.get("venue")),
                venue_address=text(item.get("venue_address")),
                languages=item["languages"],
                body=[{"type": "paragraph", "value": paragraphs_html([item["body"]])}],
                is_sample=True,
            )
            self.translate(event, item)

    def set_contact_page(self) -> None:
        contact = ProgrammeContact.load()
        if contact.contact_page_id is None:
            contact.contact_page = self.pages["contact"]
            contact.save()


def load_demo_content() -> dict[str, int]:
    """Build the demo site under the default site's home page; returns what it created."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    if home.locale.language_code != settings.LANGUAGE_CODE:
        home = home.get_translation(Locale.get_default())
    if not City.objects.exists() or not Challenge.objects.exists():
        raise RuntimeError("Load the reference data first: manage.py load_reference_data")
    loader = DemoLoader()
    loader.load_pages(home)
    loader.load_stories()
    loader.load_labs()
    loader.load_events()
    loader.set_contact_page()
    return {"demo pages created": loader.created, "demo translations made": loader.translated}
