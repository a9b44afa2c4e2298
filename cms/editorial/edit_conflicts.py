"""Two editors who opened the same revision: the second save is refused, never silently applied.

Wagtail 8 refuses a stale save only for its autosave (JSON) requests; a plain form post
from an editor whose page has since been saved by someone else overwrites their work. Here
every edit form post is checked: refused when a revision newer than the one the editor
loaded was saved by someone else. The editor's own newer revisions (autosave writes them
while the form stays open, without updating the form's loaded revision) do not count.

The check and the save are one step: an edit post runs in one transaction that first locks
the page's row, so a second post for the same page waits until the first one's revision is
committed, and its check then sees that revision. Two posts at the same instant can no
longer both pass. (SQLite, the development database, has no row locks.)
"""

from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, Revision


def is_stale(form: QueryDict, page: Page, user) -> bool:
    """Whether someone else saved the page since the revision this form was loaded from."""
    latest = Revision.objects.filter(pk=page.latest_revision_id).only("created_at").first()
    if latest is None:
        return False
    if autosaved := form.get("overwrite_revision_id"):
        return autosaved != str(latest.pk)
    loaded = form.get("loaded_revision_id", "")
    if not loaded.isdigit():
        return False
    newer = page.revisions.filter(pk__gt=int(loaded))
    opened = page.revisions.filter(pk=int(loaded)).only("created_at").first()
    if opened and form.get("loaded_revision_created_at", "") != opened.created_at.isoformat():
        # The loaded revision itself was overwritten since (autosave does that).
        newer = page.revisions.filter(pk__gte=int(loaded))
    return newer.exclude(user=user).exists()


def refuse_stale_save(request: HttpRequest, page: Page) -> HttpResponse | None:
    """The `before_edit_page` hook: send the editor back to the latest version, told why."""
    if request.method != "POST" or not request.accepts("text/html"):
        return None  # Wagtail checks its own autosave requests
    if not is_stale(request.POST, page, request.user):
        return None
    messages.error(
        request,
        _(
            "Another editor saved this page after you opened it. Your changes were not saved, "
            "so that theirs are not lost: compare the versions in the history, then make your "
            "changes again."
        ),
        buttons=[
            messages.button(reverse("wagtailadmin_pages:history", args=[page.pk]), _("History"))
        ],
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class LockedSaveMixin:
    """A post holds the page's row lock from the `before_edit_page` check to its save's commit."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            # Taken before the view reads the page, so all it reads is what the last save left.
            list(Page.objects.select_for_update().filter(pk=kwargs["page_id"]).values_list("pk"))
            return super().dispatch(request, *args, **kwargs)


class LockedEditView(LockedSaveMixin, EditView):
    pass


class LockedRevisionsRevertView(LockedSaveMixin, RevisionsRevertView):
    pass


class LockedSavePageViewSet(PageViewSet):
    """Wagtail's page admin for every page type, with edit and revert saving under the lock."""

    edit_view_class = LockedEditView
    revisions_revert_view_class = LockedRevisionsRevertView
