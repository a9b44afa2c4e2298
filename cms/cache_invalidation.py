"""Bump the page-cache generation whenever something a public page may show changes.

Watched by app rather than model by model, so a snippet or setting added later is covered
without anyone remembering to list it; only rows no public page shows are left out.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.page_cache import bump_generation

#: `contacts` is not watched: what people send the programme never shows on a public page.
WATCHED_APPS = {
    "home",
    "cms",
    "matching",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "taggit",
}
#: Rows of watched apps that no public page shows: drafts, logs, workflow, staff-only data.
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "matching.cityapplication",
    "matching.introductionrequest",
    "matching.shadowinground",
    "matching.plannedpartnership",
}


#: Made as pages are viewed, so only their removal counts: it may take away a file a page shows.
REMOVAL_ONLY_MODELS = {"wagtailimages.rendition"}


def shows_on_pages(model) -> bool:
    meta = model._meta
    return meta.app_label in WATCHED_APPS and meta.label_lower not in IGNORED_MODELS


def content_changed(**kwargs) -> None:
    """Bump now, and again when the transaction commits.

    The second bump matters: between the first and the commit, a request still reads the
    old rows and may store them under the new generation.
    """
    bump_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump_generation, robust=True)


def row_changed(sender, created: bool = False, **kwargs) -> None:
    # A settings row is created with its defaults the first time a page reads it.
    if created and issubclass(sender, (BaseGenericSetting, BaseSiteSetting)):
        return
    if shows_on_pages(sender):
        if (
            sender._meta.label_lower in REMOVAL_ONLY_MODELS
            and kwargs.get("signal") is not post_delete
        ):
            return
        content_changed()


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(row_changed, dispatch_uid=f"page-cache-{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"page-cache-{id(signal)}")
    # A release (templates, code) runs migrate: pages rendered by the old code go.
    post_migrate.connect(content_changed, dispatch_uid="page-cache-migrate")
