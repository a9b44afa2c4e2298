"""Editors write and submit; moderators approve and publish. Set up by the reference loader."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow, WorkflowState

from cms.editorial.roles import (
    EDITORS,
    MODERATORS,
    WORKFLOW_NAME,
    ensure_editorial_roles,
    ensure_moderation_workflow,
)
from tests.cms.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(home_page):
    ensure_editorial_roles()
    groups = ensure_editorial_roles()  # twice: nothing doubles
    ensure_moderation_workflow(groups[MODERATORS])
    ensure_moderation_workflow(groups[MODERATORS])
    users = {}
    for name in (EDITORS, MODERATORS):
        user = get_user_model().objects.create_user(name.lower(), password="pw")
        user.groups.add(groups[name])
        users[name] = user
    return users


def test_groups_and_workflow_are_created_once(roles):
    assert Group.objects.filter(name__in=[EDITORS, MODERATORS]).count() == 2
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    root = Page.get_first_root_node()
    assert root.get_workflow().name == WORKFLOW_NAME


def test_editors_can_edit_but_not_publish_moderators_can(roles, story_index):
    story = StoryPageFactory(parent=story_index)
    editor, moderator = roles[EDITORS], roles[MODERATORS]
    assert story.permissions_for_user(editor).can_edit()
    assert not story.permissions_for_user(editor).can_publish()
    assert story.permissions_for_user(moderator).can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("wagtail_localize.submit_translation")
    assert moderator.has_perm("cms.change_partnerorganisation")
    assert not editor.has_perm("cms.change_partnerorganisation")


def test_editor_submits_and_moderator_approves_to_publish(roles, story_index):
    story = StoryPageFactory(parent=story_index, live=False, title="Awaiting approval")
    editor, moderator = roles[EDITORS], roles[MODERATORS]
    story.save_revision(user=editor)

    workflow = story.get_workflow()
    state = workflow.start(story, editor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    story.refresh_from_db()
    assert not story.live

    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(story, moderator)
    task_state.approve(user=moderator)

    story.refresh_from_db()
    assert story.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_reference_loader_sets_up_roles(home_page, monkeypatch):
    from cms import reference_data

    monkeypatch.setattr(reference_data, "load_partners", lambda: (0, 0))
    summary = reference_data.load_editorial_reference_data()
    assert summary["editorial groups"] == 2
    assert Page.get_first_root_node().get_workflow().name == WORKFLOW_NAME
