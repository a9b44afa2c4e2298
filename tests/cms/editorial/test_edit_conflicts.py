"""The stale-edit guard: a save from a revision someone else has since replaced is refused.

On any database; two posts at the same instant are in test_concurrent_editing (PostgreSQL).
"""

import pytest
from django.contrib.auth import get_user_model

from tests.html_forms import form_fields

pytestmark = pytest.mark.django_db

REFUSAL = "Another editor saved this page after you opened it"


def publish_title(client, page, title: str):
    """Open the page's edit form afresh and publish it with a new title."""
    edit_url = f"/admin/pages/{page.pk}/edit/"
    form = form_fields(client.get(edit_url).content.decode(), "form#page-edit-form")
    form |= {"title": [title], "action-publish": ["action-publish"]}
    return client.post(edit_url, form)


def test_two_editors_saving_from_the_same_revision_never_overwrite_silently(register_page, editors):
    first, second = editors
    edit_url = f"/admin/pages/{register_page.pk}/edit/"
    forms = [form_fields(e.get(edit_url).content.decode(), "form#page-edit-form") for e in editors]
    assert forms[0]["loaded_revision_id"] == forms[1]["loaded_revision_id"]

    forms[0] |= {"title": ["Register your city"], "action-publish": ["action-publish"]}
    assert first.post(edit_url, forms[0]).status_code == 302

    forms[1] |= {"title": ["Join the programme"], "action-publish": ["action-publish"]}
    answer = second.post(edit_url, forms[1], follow=True)

    register_page.refresh_from_db()
    assert register_page.title == "Register your city"  # the first editor's change stands
    assert register_page.get_latest_revision().as_object().title == "Register your city"
    shown = answer.content.decode()
    assert REFUSAL in shown


def test_an_editors_own_autosaved_revision_does_not_block_their_save(register_page, editors):
    first, _second = editors
    edit_url = f"/admin/pages/{register_page.pk}/edit/"
    form = form_fields(first.get(edit_url).content.decode(), "form#page-edit-form")
    # While the form stays open, autosave stores the editor's draft as a newer revision.
    draft = register_page.specific
    draft.title = "Register (draft)"
    draft.save_revision(user=get_user_model().objects.get(username="ana"))

    form |= {"title": ["Register your city"], "action-publish": ["action-publish"]}
    assert first.post(edit_url, form).status_code == 302
    register_page.refresh_from_db()
    assert register_page.title == "Register your city"


def test_a_revert_from_a_stale_form_is_refused_too(register_page, editors):
    first, second = editors
    original = register_page.get_latest_revision()
    assert publish_title(first, register_page, "Register your city").status_code == 302
    revert_url = f"/admin/pages/{register_page.pk}/revisions/{original.pk}/revert/"
    # Bogdan opens the old revision to restore it; meanwhile Ana saves again.
    revert = form_fields(second.get(revert_url).content.decode(), "form#page-edit-form")
    assert publish_title(first, register_page, "Register your town").status_code == 302

    revert |= {"action-publish": ["action-publish"]}
    answer = second.post(revert_url, revert, follow=True)

    register_page.refresh_from_db()
    assert register_page.title == "Register your town"
    assert REFUSAL in answer.content.decode()


def test_a_revert_from_the_latest_revision_is_saved(register_page, editors):
    first, _second = editors
    original = register_page.get_latest_revision()
    assert publish_title(first, register_page, "Register your city").status_code == 302
    revert_url = f"/admin/pages/{register_page.pk}/revisions/{original.pk}/revert/"
    revert = form_fields(first.get(revert_url).content.decode(), "form#page-edit-form")
    revert |= {"action-publish": ["action-publish"]}

    assert first.post(revert_url, revert).status_code == 302
    register_page.refresh_from_db()
    assert register_page.title == "Register"
