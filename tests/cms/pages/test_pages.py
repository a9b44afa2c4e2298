"""The tree stays tidy, and the toolkit, standard pages and previews work."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from cms.models import (
    EventIndexPage,
    EventPage,
    LabConclusionsPage,
    LabIndexPage,
    LabPage,
    PartnersPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    ToolkitPage,
)
from home.models import HomePage
from tests.cms.factories import (
    LabConclusionsPageFactory,
    LabPageFactory,
    StandardPageFactory,
    StoryPageFactory,
    ToolkitPageFactory,
)

pytestmark = pytest.mark.django_db

ALL_PAGE_TYPES = [
    EventIndexPage,
    EventPage,
    LabConclusionsPage,
    LabIndexPage,
    LabPage,
    PartnersPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    ToolkitPage,
]


def test_indexes_live_under_the_home_page_and_items_under_their_index():
    assert StoryIndexPage.allowed_parent_page_models() == [HomePage]
    assert StoryPage.allowed_parent_page_models() == [StoryIndexPage]
    assert LabPage.allowed_parent_page_models() == [LabIndexPage]
    assert LabConclusionsPage.allowed_parent_page_models() == [LabPage]
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert StoryIndexPage.allowed_subpage_models() == [StoryPage]
    assert StoryPage.allowed_subpage_models() == []


def test_one_index_of_each_kind_per_home_page(home_page, story_index):
    assert not StoryIndexPage.can_create_at(home_page)
    assert ToolkitPage.can_create_at(home_page)
    assert not StoryPage.can_create_at(home_page)


def test_one_conclusions_page_per_lab(lab_index):
    lab = LabPageFactory(parent=lab_index)
    assert LabConclusionsPage.can_create_at(lab)
    LabConclusionsPageFactory(parent=lab)
    assert not LabConclusionsPage.can_create_at(lab)


@pytest.mark.parametrize("model", ALL_PAGE_TYPES)
def test_every_field_has_help_text(model):
    own = [
        f
        for f in model._meta.get_fields()
        if getattr(f, "model", None) is model
        and f.concrete
        and not f.auto_created
        and f.name not in {"page_ptr"}
    ]
    missing = [f.name for f in own if not str(getattr(f, "help_text", ""))]
    assert missing == []


@pytest.mark.parametrize("model", ALL_PAGE_TYPES)
def test_every_page_type_is_searchable_and_has_a_template(model):
    assert model.template.startswith("cms/")
    assert len(model.search_fields) > 1


def test_toolkit_lists_each_document_with_its_description(client, home_page):
    guidebook = Document.objects.create(
        title="Guidebook", file=ContentFile(b"%PDF-1.4", name="g.pdf")
    )
    page = ToolkitPageFactory(
        parent=home_page,
        documents=[
            {
                "type": "document",
                "value": {
                    "document": guidebook.pk,
                    "title": "Guidebook: culture for social resilience",
                    "kind": "guidebook",
                    "description": "From a first idea to a local action plan.",
                },
            }
        ],
    )
    html = client.get(page.url).content.decode()
    assert "Guidebook: culture for social resilience" in html
    assert "From a first idea to a local action plan." in html
    assert guidebook.url in html
    assert "Guidebook</span>" in html  # the kind, in words


def test_standard_page_and_sample_note(client, home_page):
    real = StandardPageFactory(parent=home_page, title="About RESCOM")
    sample = StandardPageFactory(parent=home_page, title="Privacy", is_sample=True)
    assert "Sample content" not in client.get(real.url).content.decode()
    assert "Sample content" in client.get(sample.url).content.decode()


def test_pages_can_be_previewed(story_index):
    story = StoryPageFactory(parent=story_index, title="Preview me")
    response = story.make_preview_request()
    assert response.status_code == 200
    assert b"Preview me" in response.content


def test_scheduled_publishing_keeps_a_page_offline_until_its_time(story_index):
    import datetime as dt

    from django.utils import timezone

    story = StoryPageFactory(parent=story_index, live=False)
    story.go_live_at = timezone.now() + dt.timedelta(days=3)
    revision = story.save_revision()
    revision.publish()
    story.refresh_from_db()
    assert not story.live
    assert revision.approved_go_live_at == story.go_live_at


def test_accessibility_checker_is_on_for_editors(client, story_index):
    story = StoryPageFactory(parent=story_index)
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    html = client.get(story.url).content.decode()
    assert "wagtail-userbar" in html
    assert "checker-axe-configuration" in html  # Wagtail's accessibility checker (axe)


def test_editor_forms_open_for_every_page_type(
    client, home_page, story_index, lab_index, event_index
):
    from tests.cms.factories import EventPageFactory, PartnerFactory

    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    lab = LabPageFactory(parent=lab_index)
    pages = [
        StoryPageFactory(parent=story_index),
        EventPageFactory(parent=event_index),
        lab,
        LabConclusionsPageFactory(parent=lab),
        ToolkitPageFactory(parent=home_page),
        StandardPageFactory(parent=home_page),
    ]
    for page in pages:
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page
    assert client.get(f"/admin/pages/add/cms/storypage/{story_index.pk}/").status_code == 200
    partner = PartnerFactory()
    assert (
        client.get(f"/admin/snippets/cms/partnerorganisation/edit/{partner.pk}/").status_code == 200
    )
    assert client.get("/admin/settings/cms/programmecontact/").status_code in (200, 302)


def test_staff_search_partner_organisations_by_name(client, home_page):
    from tests.cms.factories import PartnerFactory

    PartnerFactory(name="Härnösand municipality")
    PartnerFactory(name="Cesis culture centre")
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "pw"))
    response = client.get("/admin/snippets/cms/partnerorganisation/", {"q": "härnö"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Härnösand municipality" in html and "Cesis culture centre" not in html
