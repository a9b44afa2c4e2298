"""Integrity on PostgreSQL when editors work at the same time: the page tree, and their edits."""

import threading
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from cms.editorial import edit_conflicts
from tests.cms.factories import StandardPageFactory
from tests.html_forms import form_fields

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


# serialized_rollback: as above.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_posting_at_the_same_instant_one_save_lands_the_other_is_refused(
    register_page, editors, monkeypatch
):
    edit_url = f"/admin/pages/{register_page.pk}/edit/"
    titles = ["Register your city", "Join the programme"]
    forms = [form_fields(e.get(edit_url).content.decode(), "form#page-edit-form") for e in editors]
    for form, title in zip(forms, titles, strict=True):
        form |= {"title": [title], "action-publish": ["action-publish"]}
    revisions_before = register_page.revisions.count()

    # Widen the race: a post that passed the check waits (up to a second) for the other post to
    # pass it too before saving. Were the check and the save not one locked step, both would.
    checked, passed = threading.Condition(), []
    is_stale = edit_conflicts.is_stale

    def slow_check(*args):
        stale = is_stale(*args)
        with checked:
            passed.append(stale)
            checked.notify_all()
            checked.wait_for(lambda: len(passed) == 2, timeout=1)
        return stale

    monkeypatch.setattr(edit_conflicts, "is_stale", slow_check)
    start = threading.Barrier(2)
    shown = {}

    def post(n: int) -> None:
        try:
            start.wait()
            shown[titles[n]] = editors[n].post(edit_url, forms[n], follow=True).content.decode()
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    refusal = "Another editor saved this page after you opened it"
    refused = [title for title, html in shown.items() if refusal in html]
    assert len(shown) == 2 and len(refused) == 1, "exactly one of the two saves is refused"
    (landed,) = set(titles) - set(refused)
    register_page.refresh_from_db()
    assert register_page.title == landed
    assert register_page.revisions.count() == revisions_before + 1
    assert register_page.get_latest_revision().as_object().title == landed
    assert refused[0] not in [r.as_object().title for r in register_page.revisions.all()]
