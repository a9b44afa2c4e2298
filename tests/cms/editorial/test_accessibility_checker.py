"""Wagtail's accessibility checker runs the WCAG 2.1 A/AA rules the browser tests hold the site to."""

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.admin.userbar import Userbar

from cms.editorial.accessibility import WCAG_21_AA_TAGS
from tests.cms.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def checker_configuration(html: str) -> dict:
    start = html.index('id="checker-axe-configuration"')
    start = html.index(">", start) + 1
    return json.loads(html[start : html.index("</script>", start)])


def test_userbar_checker_runs_wcag_21_a_and_aa(client, story_index):
    story = StoryPageFactory(parent=story_index)
    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    configuration = checker_configuration(client.get(story.url).content.decode())
    assert configuration["options"]["runOnly"] == WCAG_21_AA_TAGS
    # Wagtail's content rules (alt text quality, empty meta description) still run.
    assert {rule["id"] for rule in configuration["spec"]["rules"]} >= {"alt-text-quality"}


def test_editor_preview_checker_runs_wcag_21_a_and_aa(rf, story_index):
    """The page editor's "Checks" panel renders the userbar inside its preview."""
    story = StoryPageFactory(parent=story_index)
    request = rf.get(story.url)
    request.user = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    request.in_preview_panel = True
    html = Userbar(object=story).render_html({"request": request})
    assert checker_configuration(html)["options"]["runOnly"] == WCAG_21_AA_TAGS
