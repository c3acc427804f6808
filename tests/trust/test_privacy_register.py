"""The privacy register: every installed model with personal-looking fields is in it, with
each such field named; every field it names exists; every entry says why, on which basis,
how long and who sees it; the admin page shows it to superusers and coordinators only,
with the retention read from the settings."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import translation

from portal import roles
from privacy import register, subject
from tests.factories import UserFactory
from tests.utils import soup, text

# Names that say "this is about a person": contact data, names, network traces, stored
# requests, and free-text notes.
PERSONAL_NAME = re.compile(
    r"(^|_)(e_?mail|first_name|last_name|full_name|learner_name|username|ip_address|"
    r"user_agent|phone|author(_name)?|contact_person|officer|session_data|form_data|post_data|"
    r"get_data|query)$"
)
FREE_TEXT_NOTES = re.compile(r"(^|_)(notes?|conclusions|goals|comment)$")


def _points_at_a_person(field):
    targets = {apps.get_model(settings.AUTH_USER_MODEL), apps.get_model("school.Person")}
    return field.is_relation and field.related_model in targets


def personal_looking_fields():
    """(label of the model whose table holds the field, field name) for every installed
    model: inherited fields count once, for the model that declares them."""
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.auto_created and not field.concrete:
                continue  # reverse relations: the other model's field
            if not (field.concrete or field.many_to_many):
                continue
            looks_personal = (
                _points_at_a_person(field)
                or PERSONAL_NAME.search(field.name)
                or (isinstance(field, models.TextField) and FREE_TEXT_NOTES.search(field.name))
            )
            if looks_personal:
                found.add((field.model._meta.label, field.name))
    return found


def test_the_scan_finds_what_it_should():
    # Guards the guard: a scan that found nothing would pass every model.
    found = personal_looking_fields()
    for expected in [
        ("portal.User", "email"),
        ("school.Person", "last_name"),
        ("school.CoachingSession", "private_notes"),
        ("school.Attendance", "person"),
        ("axes.AccessLog", "ip_address"),
        ("otp_totp.TOTPDevice", "user"),
        ("wagtailcore.Page", "owner"),
        ("catalog.ZeroResultSearch", "query"),
    ]:
        assert expected in found


def test_every_model_with_personal_looking_fields_is_in_the_register():
    by_label = {entry.model: entry for entry in register.entries()}
    missing = sorted(
        f"{label}.{name}"
        for label, name in personal_looking_fields()
        if label not in by_label or name not in by_label[label].fields
    )
    assert missing == [], "Add these to privacy/register.py: " + ", ".join(missing)


def test_every_field_the_register_names_exists():
    for entry in register.entries():
        model = entry.get_model()
        for name in entry.fields:
            model._meta.get_field(name)  # FieldDoesNotExist fails the test


def test_every_entry_of_the_code_is_an_installed_model():
    # Only the optional model of security-auth may be absent.
    labels = {entry.model for entry in register.entries()}
    assert {entry.model for entry in register.ENTRIES} <= labels
    assert len(labels) == len(register.entries()), "a model is registered twice"


def test_the_security_model_is_registered_when_installed():
    security_models = [m._meta.label for m in apps.get_app_config("security").get_models()]
    labels = {entry.model for entry in register.entries()}
    assert set(security_models) <= labels


def test_every_entry_says_why_how_long_and_who():
    for entry in register.entries():
        for value in (entry.purpose, entry.basis, entry.retention, entry.access):
            assert str(value).strip(), entry.model
        assert entry.on_erase in register.ON_ERASE_LABELS


def test_what_the_download_reads_exists():
    """The subject lookups and the exported values are real: the query is compiled."""
    section_names = {section.name for section in register.sections()}
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    someone = user_model(pk=1, username="x", email="x@example.org")
    for entry in register.entries():
        assert not entry.section or entry.section in section_names, entry.model
        if entry.subject and entry.export:
            query = entry.get_model()._default_manager.filter(entry.subject_filter(someone))
            str(query.values(*entry.export).query)
        if _points_at_a_person_model(entry):
            assert entry.section, f"{entry.model}: in which part of the download?"
    for section in register.sections():
        register.section_functions(section)  # ImportError fails the test


def _points_at_a_person_model(entry):
    model = entry.get_model()
    return any(
        _points_at_a_person(model._meta.get_field(name))
        for name in entry.fields
        if model._meta.get_field(name).is_relation
    )


@pytest.mark.django_db
def test_the_download_has_every_section(user):
    data = subject.export_subject(user)
    assert {section.name for section in register.sections()} <= set(data)


def test_no_personal_data_in_the_empty_search_log_is_said():
    entry = register.entry_for("catalog.ZeroResultSearch")
    assert entry.personal is False
    with translation.override("en"):
        assert "No personal data" in str(entry.purpose)


@pytest.fixture
def people(db):
    made = {"anonymous": None, "superuser": UserFactory(is_superuser=True, is_staff=True)}
    for name, role in [
        ("coordinator", roles.COORDINATOR),
        ("editor", roles.EDITOR),
        ("trainee", roles.TRAINEE),
    ]:
        made[name] = UserFactory()
        made[name].groups.add(Group.objects.get(name=role))
    return made


@pytest.mark.parametrize(
    "who, register_status, audit_status",
    [
        ("anonymous", 302, 302),
        ("trainee", 302, 302),
        ("editor", 302, 302),
        ("coordinator", 200, 302),
        ("superuser", 200, 200),
    ],
)
def test_who_opens_the_register_and_the_audit_log(
    client, people, who, register_status, audit_status
):
    if people[who] is not None:
        client.force_login(people[who])
    for url, status in [
        ("/admin/privacy/register/", register_status),
        ("/admin/privacy/audit/", audit_status),
        ("/admin/privacy/audit/audit.csv", audit_status),
    ]:
        response = client.get(url)
        assert response.status_code == status, (who, url)
        if status == 302:
            # To a login page, or Wagtail's "no permission" back to the admin home.
            assert response["Location"].startswith(("/admin/", "/pl/konto/")), response["Location"]


def test_the_register_page_lists_every_entry_with_the_retention_from_settings(
    client, people, settings
):
    settings.SCHOOL_PERSONAL_DATA_RETENTION_YEARS = 7
    client.force_login(people["coordinator"])
    page = soup(client.get("/admin/privacy/register/"))
    for entry in register.entries():
        section = page.find(id=entry.model.replace(".", "-").lower())
        assert section is not None, entry.model
    attendance = text(page.find(id="school-attendance"))
    assert "7 lat" in attendance
    assert "Art. 6" in attendance
    # The menu offers the register to a coordinator, the audit log only to superusers.
    admin_home = client.get("/admin/").content.decode()
    assert "/admin/privacy/register/" in admin_home
    assert "/admin/privacy/audit/" not in admin_home
