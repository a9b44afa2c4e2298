"""Editors write and submit, moderators approve and publish: groups, permissions, the workflow.

Wagtail's own migrations create similar defaults; this makes them certain (and repairs them)
on every `load_reference_data`, and adds the permissions our snippets and settings need.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Moderators approval"

# Editors may write but not publish: everything they change goes through the workflow.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    MODERATORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
}
TAXONOMY = ["challenge", "culturetheme", "culturerole", "resiliencepillar", "activitytype"]
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "cms.view_partnerorganisation",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "cms.add_partnerorganisation",
        "cms.change_partnerorganisation",
        "cms.delete_partnerorganisation",
        "cms.change_programmecontact",
        "contacts.view_accessibilityfeedback",
        "contacts.change_accessibilityfeedback",
        # The list of messages and marking them answered; reading one needs view_contact.
        "contacts.view_programmemessage",
        "contacts.change_programmemessage",
        *(f"matching.{action}_{model}" for model in TAXONOMY for action in ("add", "change")),
    ],
}


def permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def collection_permission(codename: str) -> Permission:
    app = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
    return Permission.objects.get(content_type__app_label=app, codename=codename)


@transaction.atomic
def ensure_editorial_roles() -> dict[str, Group]:
    """Create (or complete) the two groups; never removes a permission an admin added."""
    root = Page.get_first_root_node()
    collection = Collection.get_first_root_node()
    groups = {}
    for name in (EDITORS, MODERATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(p) for p in MODEL_PERMISSIONS[name]))
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=page_permission(codename)
            )
        for codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=collection_permission(codename)
            )
        groups[name] = group
    return groups


@transaction.atomic
def ensure_moderation_workflow(moderators: Group) -> Workflow:
    """One approval step by the moderators, on every page of every language."""
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.workflow_tasks.exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # The tree's root holds every language's home page, so one assignment covers them all.
    root = Page.get_first_root_node()
    if not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)
    return workflow
