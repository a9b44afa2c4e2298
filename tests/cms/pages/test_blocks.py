"""Every StreamField block helps editors: icon, template, description, and a preview that renders."""

import pytest
from django.core.files.base import ContentFile
from django.template.loader import get_template
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from cms.editorial.translations import translate_instance
from cms.pages.blocks import BaseStreamBlock
from cms.toolkit.models import ToolkitDocumentsBlock
from tests.cms.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

BLOCKS = {**BaseStreamBlock().child_blocks, **ToolkitDocumentsBlock().child_blocks}
EXPECTED = {
    "heading",
    "paragraph",
    "image",
    "quote",
    "key_figures",
    "document",
    "call_to_action",
    "accordion",
    "embed",
    "feature_list",
}


def test_the_issue_block_set_is_there():
    assert set(BaseStreamBlock().child_blocks) >= EXPECTED


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_block_has_icon_template_and_description(name):
    meta = BLOCKS[name].meta
    assert meta.icon and meta.icon != "placeholder"
    assert meta.description
    assert get_template(meta.template)


# An embed's preview fetches from its provider (no network in tests); its template is tested below.
@pytest.mark.parametrize("name", sorted(set(BLOCKS) - {"embed"}))
def test_block_preview_renders(name, home_page):
    Image.objects.create(title="Reading room", file=get_test_image_file())
    Document.objects.create(title="Guidebook", file=ContentFile(b"%PDF-1.4", name="guide.pdf"))
    block = BLOCKS[name]
    html = block.render(block.get_preview_value())
    assert html.strip()


def test_image_block_keeps_alt_text_and_caption(home_page):
    image = Image.objects.create(title="Reading room", file=get_test_image_file())
    block = BaseStreamBlock().child_blocks["image"]
    value = block.to_python(
        {
            "image": {"image": image.pk, "alt_text": "People at a long table", "decorative": False},
            "caption": "An evening language café",
            "credit": "Härnösand library",
        }
    )
    html = block.render(value)
    assert 'alt="People at a long table"' in html
    assert "An evening language café" in html


def test_accordion_works_without_scripts():
    block = BaseStreamBlock().child_blocks["accordion"]
    html = block.render(block.get_preview_value())
    assert "<details" in html and "<summary>" in html
    assert "<script" not in html


def test_embed_template_renders_title_and_link_without_the_provider(monkeypatch):
    from wagtail.embeds.blocks import EmbedValue

    monkeypatch.setattr(EmbedValue, "html", property(lambda self: ""))
    block = BaseStreamBlock().child_blocks["embed"]
    html = block.render(
        block.to_python({"embed": "https://vimeo.com/1", "title": "Recording", "caption": ""})
    )
    assert "Recording" in html and 'href="https://vimeo.com/1"' in html


def test_links_chosen_in_one_language_lead_to_the_readers_language(
    home_page, django_capture_on_commit_callbacks
):
    target = StandardPageFactory(parent=home_page, slug="join", title="Join")
    page = StandardPageFactory(
        parent=home_page,
        slug="about",
        body=[
            {
                "type": "call_to_action",
                "value": {"title": "Go", "text": "", "link_page": target.pk, "link_text": "Join"},
            },
            {
                "type": "feature_list",
                "value": {
                    "heading": "Ways in",
                    "features": [{"title": "Joining", "text": "How.", "page": target.pk}],
                },
            },
        ],
    )
    ukrainian = Locale.objects.get(language_code="uk")
    for original in (home_page, target, page):
        with django_capture_on_commit_callbacks(execute=True):
            translate_instance(original, ukrainian, {})
    html = Client().get("/uk/about/").content.decode()
    assert html.count('href="/uk/join/"') == 2
    assert 'href="/en/join/"' not in html
