"""Rules of the editorial process that hold however content is saved: rich text is
whitelisted before it reaches the database (portal.richtext), and page types that declare
`requires_moderation = True` (the news index, the good practices index) get the "Moderator
approval" workflow assigned to them when created, so that they and their children go
through a moderator even if the workflow's assignment to the root page is removed."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save
from wagtail.models import Page, Revision, Workflow, WorkflowPage

from portal import richtext
from portal.roles import MODERATOR

logger = logging.getLogger(__name__)

# Wagtail's default workflow, renamed with the role by portal/migrations/0003_roles.py.
MODERATION_WORKFLOW = "Moderator approval"


def sanitise_rich_text(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save, for every model: whitelist the rich text of models that have any, and of
    revisions (what previews, comparisons and scheduled publishing read)."""
    if isinstance(instance, Revision):
        if update_fields is None or "content" in update_fields:
            model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
            richtext.sanitise_serialised(model, instance.content)
    elif richtext.rich_text_fields(sender):
        richtext.sanitise_instance(instance, update_fields)


def moderation_workflow():
    """The active "Moderator approval" workflow; if it was renamed, the active workflow
    whose tasks include an approval by the Moderator group."""
    workflows = Workflow.objects.filter(active=True)
    return (
        workflows.filter(name=MODERATION_WORKFLOW).first()
        or workflows.filter(
            workflow_tasks__task__groupapprovaltask__groups__name=MODERATOR,
            workflow_tasks__task__active=True,
        )
        .order_by("pk")
        .first()
    )


def assign_moderation_workflow(sender, instance, created=False, raw=False, **kwargs):
    """post_save: a newly created page whose type requires moderation gets the moderation
    workflow assigned to it (its children inherit it)."""
    if not created or raw or not isinstance(instance, Page):
        return
    if not getattr(type(instance), "requires_moderation", False):
        return
    workflow = moderation_workflow()
    if workflow is None:
        logger.warning(
            "No active %r workflow: %r (%s) is not moderated.",
            MODERATION_WORKFLOW,
            instance.title,
            type(instance).__name__,
        )
        return
    WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})


def connect_signals():
    pre_save.connect(sanitise_rich_text, dispatch_uid="portal.editorial.sanitise_rich_text")
    post_save.connect(
        assign_moderation_workflow, dispatch_uid="portal.editorial.assign_moderation_workflow"
    )
