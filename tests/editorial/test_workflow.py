"""The editorial process: an Editor's page goes through "Moderator approval" before anyone
sees it; page types that declare `requires_moderation` (news, good practices) get that
workflow assigned when created; scheduled publishing and unpublishing; revisions and their
comparison; the accessibility checker in the editor."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, Workflow, WorkflowPage, WorkflowState, get_page_models
from wagtail.test.utils.form_data import rich_text, streamfield

from portal import editorial
from portal.blocks import RICH_TEXT_FEATURES
from portal.models import StandardPage
from tests.editorial.conftest import add_page_url, edit_page_url, page_form_data
from tests.factories import StandardPageFactory


def paragraph(text):
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>", features=RICH_TEXT_FEATURES))])


def submit_new_page(client, parent, title, slug, text="Treść"):
    url = add_page_url(parent)
    data = page_form_data(
        client,
        url,
        {"title": title, "slug": slug, "body": paragraph(text)},
        action="action-submit",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return StandardPage.objects.get(slug=slug)


@pytest.fixture
def moderation():
    return Workflow.objects.get(name=editorial.MODERATION_WORKFLOW)


def test_moderation_workflow_is_on_the_root_page(site, moderation):
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == moderation
    assert moderation.active
    task = moderation.tasks.get().specific
    assert [group.name for group in task.groups.all()] == ["Moderator"]
    assert StandardPageFactory(parent=site.home_pl).get_workflow() == moderation


def test_editor_cannot_publish_only_submit(site, client, editor):
    client.force_login(editor)
    url = add_page_url(site.home_pl)
    data = page_form_data(
        client, url, {"title": "Próba", "slug": "proba", "body": paragraph("x")}, "action-publish"
    )
    client.post(url, data)
    page = StandardPage.objects.get(slug="proba")
    assert not page.live  # publishing is not among an Editor's permissions: a draft is saved


def test_editor_submits_and_moderator_approves(site, client, editor, moderator):
    client.force_login(editor)
    page = submit_new_page(client, site.home_pl, "Nabór wniosków", "nabor")

    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == editorial.MODERATION_WORKFLOW
    client.logout()
    assert client.get("/pl/nabor/").status_code == 404

    # The editor cannot approve their own submission.
    client.force_login(editor)
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.id, "approve", task_state.id)
    )
    client.post(approve, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    client.force_login(moderator)
    response = client.post(approve, {"comment": "Zatwierdzam"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    response = client.get("/pl/nabor/")
    assert response.status_code == 200
    assert "Treść" in response.content.decode()


def test_moderator_rejects(site, client, editor, moderator):
    client.force_login(editor)
    page = submit_new_page(client, site.home_pl, "Odrzucona", "odrzucona")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.id, "reject", task_state.id)),
        {"comment": "Do poprawy"},
    )
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == (
        WorkflowState.STATUS_NEEDS_CHANGES
    )


# requires_moderation ----------------------------------------------------------------------


def test_a_page_type_requiring_moderation_gets_the_workflow(site, moderation, monkeypatch):
    monkeypatch.setattr(StandardPage, "requires_moderation", True, raising=False)
    # Even with the root's assignment gone ...
    WorkflowPage.objects.filter(page=Page.get_first_root_node()).delete()

    index = StandardPageFactory(parent=site.home_pl, title="Aktualności")

    assert WorkflowPage.objects.get(page=index).workflow == moderation
    # ... the page and everything under it is moderated.
    monkeypatch.setattr(StandardPage, "requires_moderation", False)
    news = StandardPageFactory(parent=index, title="Wiadomość")
    assert not WorkflowPage.objects.filter(page=news).exists()
    assert news.get_workflow() == moderation


def test_other_page_types_get_no_assignment_of_their_own(site):
    page = StandardPageFactory(parent=site.home_pl)
    assert not getattr(StandardPage, "requires_moderation", False)
    assert not WorkflowPage.objects.filter(page=page).exists()


MODERATED = sorted(
    (model for model in get_page_models() if getattr(model, "requires_moderation", False)),
    key=lambda model: model._meta.label,
)


def test_news_and_good_practices_require_moderation():
    labels = {model._meta.label for model in MODERATED}
    assert {"news.NewsIndexPage", "portal.GoodPracticeIndexPage"} <= labels


@pytest.mark.parametrize("model", MODERATED, ids=[m._meta.label for m in MODERATED])
def test_each_moderated_page_type_gets_the_workflow(site, moderation, model):
    WorkflowPage.objects.filter(page=Page.get_first_root_node()).delete()
    page = site.home_pl.add_child(instance=model(title="Sekcja", slug="sekcja", live=False))
    assert WorkflowPage.objects.get(page=page).workflow == moderation


def test_handler_assigns_only_on_creation(site, moderation, monkeypatch):
    page = StandardPageFactory(parent=site.home_pl)
    monkeypatch.setattr(StandardPage, "requires_moderation", True, raising=False)

    editorial.assign_moderation_workflow(StandardPage, page, created=False)
    assert not WorkflowPage.objects.filter(page=page).exists()
    editorial.assign_moderation_workflow(StandardPage, page, created=True, raw=True)
    assert not WorkflowPage.objects.filter(page=page).exists()  # loaddata: left as it is

    editorial.assign_moderation_workflow(StandardPage, page, created=True)
    assert WorkflowPage.objects.get(page=page).workflow == moderation
    editorial.assign_moderation_workflow(StandardPage, page, created=True)  # idempotent
    assert WorkflowPage.objects.filter(page=page).count() == 1


def test_the_workflow_is_found_after_a_rename(site, moderation, monkeypatch):
    moderation.name = "Zatwierdzenie przez moderatora"
    moderation.save()
    monkeypatch.setattr(StandardPage, "requires_moderation", True, raising=False)
    page = StandardPageFactory(parent=site.home_pl)
    assert WorkflowPage.objects.get(page=page).workflow == moderation


def test_requiring_moderation_in_the_admin(site, client, editor, moderation, monkeypatch):
    """A page created in the admin under a moderated section is not live until approved,
    also without the root's assignment."""
    monkeypatch.setattr(StandardPage, "requires_moderation", True, raising=False)
    section = StandardPageFactory(parent=site.home_pl, title="Dobre praktyki", slug="praktyki")
    monkeypatch.setattr(StandardPage, "requires_moderation", False)
    WorkflowPage.objects.filter(page=Page.get_first_root_node()).delete()

    client.force_login(editor)
    page = submit_new_page(client, section, "Praktyka", "praktyka")
    assert not page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).workflow == moderation


# Scheduled publishing ---------------------------------------------------------------------


def test_scheduled_publishing(site, client, moderator):
    page = StandardPageFactory(parent=site.home_pl, title="Zapowiedź", publish=False, live=False)
    client.force_login(moderator)
    go_live_at = timezone.localtime() + timedelta(days=1)
    url = edit_page_url(page)
    data = page_form_data(
        client,
        url,
        {
            "title": "Zapowiedź",
            "slug": "zapowiedz",
            "body": paragraph("Wkrótce"),
            "go_live_at": go_live_at.strftime("%Y-%m-%d %H:%M"),
        },
        "action-publish",
    )
    assert client.post(url, data).status_code == 302

    page.refresh_from_db()
    assert not page.live
    revision = Revision.page_revisions.get(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    )
    assert abs(revision.approved_go_live_at - go_live_at) < timedelta(minutes=1)
    client.logout()
    assert client.get("/pl/zapowiedz/").status_code == 404

    call_command("publish_scheduled", verbosity=0)  # not yet
    page.refresh_from_db()
    assert not page.live

    # The time comes: the schedule, as Wagtail stores it, is now in the past.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
    assert client.get("/pl/zapowiedz/").status_code == 200


def test_scheduled_unpublishing(site, client, moderator):
    page = StandardPageFactory(parent=site.home_pl, title="Nabór 2025", slug="nabor-2025")
    client.force_login(moderator)
    url = edit_page_url(page)
    expire_at = timezone.localtime() + timedelta(days=1)
    data = page_form_data(
        client,
        url,
        {
            "title": "Nabór 2025",
            "slug": "nabor-2025",
            "body": paragraph("Do końca miesiąca"),
            "expire_at": expire_at.strftime("%Y-%m-%d %H:%M"),
        },
        "action-publish",
    )
    assert client.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert abs(page.expire_at - expire_at) < timedelta(minutes=1)

    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live

    StandardPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live
    assert page.expired
    client.logout()
    assert client.get("/pl/nabor-2025/").status_code == 404


# Revisions --------------------------------------------------------------------------------


def test_revisions_are_compared(site, client, superuser):
    page = StandardPageFactory(parent=site.home_pl, title="Regulamin")
    page.body = [{"type": "paragraph", "value": "<p>Termin: do 30 czerwca.</p>"}]
    first = page.save_revision()
    page.body = [{"type": "paragraph", "value": "<p>Termin: do 15 lipca.</p>"}]
    second = page.save_revision()

    client.force_login(superuser)
    response = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=(page.id, first.id, second.id))
    )
    assert response.status_code == 200
    text = " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text().split())
    assert "30 czerwca" in text
    assert "15 lipca" in text

    history = client.get(reverse("wagtailadmin_pages:history", args=(page.id,)))
    assert history.status_code == 200


def test_an_earlier_revision_opens_in_the_editor(site, client, moderator):
    page = StandardPageFactory(parent=site.home_pl, title="Wersja pierwsza", slug="wersje")
    first = page.latest_revision
    page.title = "Wersja druga"
    page.save_revision().publish()

    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_pages:revisions_revert", args=(page.id, first.id)))
    assert response.status_code == 200
    title = BeautifulSoup(response.content.decode(), "html.parser").find("input", {"name": "title"})
    assert title["value"] == "Wersja pierwsza"


# Accessibility checker --------------------------------------------------------------------


def axe_configuration(html):
    script = BeautifulSoup(html, "html.parser").find("script", id="checker-axe-configuration")
    assert script is not None, "no content checker configuration"
    assert script["type"] == "application/json"
    return json.loads(script.string)


def test_editor_runs_the_accessibility_checker(site, client, editor):
    page = StandardPageFactory(parent=site.home_pl)
    client.force_login(editor)
    response = client.get(edit_page_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-side-panel="checks"' in html
    config = axe_configuration(html)
    run_only = config["options"]["runOnly"]
    # Wagtail's checks ...
    for rule in ("heading-order", "link-name", "alt-text-quality", "empty-heading"):
        assert rule in run_only
    # ... and the portal's, on the content only, with messages in Polish.
    for rule in ("image-alt", "list", "listitem", "th-has-data-cells"):
        assert rule in run_only
        assert rule in config["messages"]
    assert config["context"]["include"] == ["main"]
    assert config["messages"]["heading-order"]["error_name"] != "Incorrect heading hierarchy"


def test_page_creation_has_the_checker_too(site, client, editor):
    client.force_login(editor)
    response = client.get(add_page_url(site.home_pl))
    assert "image-alt" in axe_configuration(response.content.decode())["options"]["runOnly"]


def test_userbar_checker_on_the_public_page_for_editors_only(site, client, editor):
    page = StandardPageFactory(parent=site.home_pl, title="Publiczna", slug="publiczna")
    assert "checker-axe-configuration" not in client.get("/pl/publiczna/").content.decode()
    client.force_login(editor)
    html = client.get(page.url).content.decode()
    assert "wagtail-userbar" in html
    # The userbar's items are rendered inside a <template>.
    assert "checker-axe-configuration" in html
