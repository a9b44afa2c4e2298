"""Scripts, event handlers and javascript: links never reach a public page, however they were stored."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import EventPage
from home.matching_pages import ensure_matching_pages
from matching.pages import PartnerFinderPage
from tests.cms.factories import (
    EventPageFactory,
    LabConclusionsPageFactory,
    LabPageFactory,
    PartnerFactory,
    PartnersPageFactory,
    StandardPageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db

ATTACK = (
    '<p>Kind words<script>alert("s")</script>'
    '<a href="javascript:alert(1)" onclick="alert(2)">a link</a>'
    '<img src="x" onerror="alert(3)"><b onmouseover="alert(4)">bold</b></p>'
    '<iframe src="javascript:alert(5)"></iframe><svg onload="alert(6)"></svg>'
)
EVIL_URL = "javascript:alert(7)"
SCRIPTED_EMBED_URL = "https://www.youtube.com/watch?v=scripted"


def assert_harmless(html: str) -> None:
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    # The site's own script files (no inline code) are not content.
    html = re.sub(r'<script src="/static/[^"<>]+"(?: defer)?></script>', "", html)
    assert "<script" not in html.lower()
    assert "javascript:" not in html.lower()
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html, re.I), "an event handler attribute"
    assert "Kind words" in html and "<b>bold</b>" in html  # the editor's own text stays


def body_with_every_rich_block() -> list[dict]:
    return [
        {"type": "paragraph", "value": ATTACK},
        {
            "type": "accordion",
            "value": {"heading": "Questions", "items": [{"title": "Why?", "content": ATTACK}]},
        },
        {
            "type": "call_to_action",
            "value": {"title": "Go", "text": "", "link_url": EVIL_URL, "link_text": "Go there"},
        },
        {
            "type": "embed",
            "value": {"embed": SCRIPTED_EMBED_URL, "title": "A video", "caption": ""},
        },
    ]


@pytest.fixture
def scripted_embed(db):
    """An embed whose stored provider HTML was tampered with (no network is used)."""
    return Embed.objects.create(
        url=SCRIPTED_EMBED_URL,
        hash=get_embed_hash(SCRIPTED_EMBED_URL),
        max_width=None,
        type="video",
        html=(
            '<iframe src="https://www.youtube.com/embed/x" onload="alert(8)"></iframe>'
            '<script>alert(9)</script><iframe src="https://evil.example/frame"></iframe>'
        ),
    )


def test_story_rich_text_blocks_and_fields_are_cleaned(client, story_index, scripted_embed):
    story = StoryPageFactory(parent=story_index, body=body_with_every_rich_block(), lessons=ATTACK)
    html = client.get(story.url).content.decode()
    assert_harmless(html)
    assert 'src="https://www.youtube.com/embed/x"' in html
    assert "evil.example" not in html


def test_lab_conclusions_recommendations_are_cleaned(client, home_page, lab_index):
    lab = LabPageFactory(parent=lab_index)
    conclusions = LabConclusionsPageFactory(parent=lab, recommendations=ATTACK)
    assert_harmless(client.get(conclusions.url).content.decode())


def test_standard_page_body_is_cleaned(client, home_page, scripted_embed):
    page = StandardPageFactory(parent=home_page, body=body_with_every_rich_block())
    assert_harmless(client.get(page.url).content.decode())


def test_editor_supplied_urls_never_become_javascript_links(client, home_page, event_index):
    event = EventPageFactory(parent=event_index, registration_url="https://example.org/")
    # Page.save validates URLs; an import or a migration could still write one directly.
    EventPage.objects.filter(pk=event.pk).update(registration_url=EVIL_URL)
    assert EVIL_URL not in client.get(event.url).content.decode()
    PartnerFactory(website=EVIL_URL)
    partners = PartnersPageFactory(parent=home_page)
    assert EVIL_URL not in client.get(partners.url).content.decode()


def test_matching_page_introductions_are_cleaned(client, home_page):
    ensure_matching_pages(home_page)
    finder = PartnerFinderPage.objects.get(locale=home_page.locale)
    finder.intro = ATTACK
    finder.save_revision().publish()
    assert_harmless(client.get("/en/partner-finder/").content.decode())


def test_embeds_come_only_from_the_allowed_video_hosts():
    with pytest.raises(ValidationError):
        EmbedBlock().clean(EmbedValue("https://evil.example/video"))


def test_rich_text_typed_in_the_admin_editor_is_cleaned(client, home_page):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    response = client.post(
        f"/admin/pages/add/cms/standardpage/{home_page.pk}/",
        nested_form_data(
            {
                "title": "Typed in",
                "slug": "typed-in",
                "intro": "Typed in the editor.",
                # Wagtail's test helper converts like the editor does; it cannot parse <img>.
                "body": streamfield(
                    [
                        (
                            "paragraph",
                            rich_text(ATTACK.replace('<img src="x" onerror="alert(3)">', "")),
                        )
                    ]
                ),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert_harmless(client.get("/en/typed-in/").content.decode())


def test_no_public_template_prints_editor_html_without_cleaning(settings):
    unclean = re.compile(r"\|\s*(richtext|safe)\b|{%\s*autoescape\s+(off|false)")
    offenders = [
        path.name
        for path in (settings.BASE_DIR / "templates").rglob("*.html")
        if "admin" not in path.parts and unclean.search(path.read_text())
    ]
    assert offenders == [], "use |clean_richtext, |clean_embed or |safe_url (cms.pages.sanitising)"
