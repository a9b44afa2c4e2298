"""Integrity on PostgreSQL when editors work at the same time: the page tree, and their edits."""

import threading
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from matching.models import RegisterCityPage
from tests.html_forms import form_fields

from .factories import StandardPageFactory

pytestmark = pytest.mark.postgres

THREADS = 8
PAGES_EACH = 5


# serialized_rollback: the flush after a transactional test would take the tree root (made by
# migrations) away from the tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_page_creation_leaves_a_sound_tree(home_page):
    parent = StandardPageFactory(parent=home_page, title="Programme news", slug="news")
    start = threading.Barrier(THREADS)
    errors = []

    def add_pages(worker: int) -> None:
        try:
            start.wait()
            for n in range(PAGES_EACH):
                StandardPageFactory(
                    parent=Page.objects.get(pk=parent.pk),
                    title=f"News {worker}-{n}",
                    slug=f"news-{worker}-{n}",
                )
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=add_pages, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    parent.refresh_from_db()
    children = parent.get_children()
    assert children.count() == parent.numchild == THREADS * PAGES_EACH
    assert len({c.path for c in children}) == THREADS * PAGES_EACH
    out = StringIO()
    call_command("fixtree", interactive=False, stdout=out)
    report = out.getvalue()
    assert report.count("No problems found.") == 2, report  # the page and collection trees
    assert "Remaining problems" not in report


# serialized_rollback: the flush after a transactional test would take the tree root (made by
# migrations) away from the tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pages_created_at_once_with_the_same_address_are_refused_but_one(home_page):
    start = threading.Barrier(THREADS)
    created, refused = [], []

    def add_page(worker: int) -> None:
        try:
            start.wait()
            created.append(
                StandardPageFactory(parent=Page.objects.get(pk=home_page.pk), slug="news")
            )
        except ValidationError:
            refused.append(worker)
        finally:
            connection.close()

    threads = [threading.Thread(target=add_page, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(created) == 1
    assert len(refused) == THREADS - 1
    assert Page.objects.filter(url_path="/home/news/").count() == 1


@pytest.fixture
def register_page(home_page):
    page = home_page.add_child(instance=RegisterCityPage(title="Register", slug="register"))
    page.save_revision().publish()
    return page


@pytest.fixture
def editors(client, django_user_model):
    from django.test import Client

    first, second = Client(), Client()
    for name, browser in (("ana", first), ("bogdan", second)):
        user = django_user_model.objects.create_superuser(name, f"{name}@example.org", "pw")
        browser.force_login(user)
    return first, second


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
    assert "Another editor saved this page after you opened it" in shown


def test_an_editors_own_autosaved_revision_does_not_block_their_save(register_page, editors):
    first, _second = editors
    edit_url = f"/admin/pages/{register_page.pk}/edit/"
    form = form_fields(first.get(edit_url).content.decode(), "form#page-edit-form")
    # While the form stays open, autosave stores the editor's draft as a newer revision.
    from django.contrib.auth import get_user_model

    draft = register_page.specific
    draft.title = "Register (draft)"
    draft.save_revision(user=get_user_model().objects.get(username="ana"))

    form |= {"title": ["Register your city"], "action-publish": ["action-publish"]}
    assert first.post(edit_url, form).status_code == 302
    register_page.refresh_from_db()
    assert register_page.title == "Register your city"
