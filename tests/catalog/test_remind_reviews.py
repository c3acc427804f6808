"""`manage.py remind_reviews`: one Polish e-mail per institution with overdue entries, to
its institution editors or else to the institution; `--dry-run` sends nothing; a summary."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal import roles
from tests.factories import UserFactory
from tests.factories.catalog import InstitutionFactory, ServiceFactory

pytestmark = pytest.mark.django_db

OLD = timezone.localdate() - datetime.timedelta(days=400)


def today():
    """Read at each use: a run that crosses midnight in Warsaw must not compare with yesterday."""
    return timezone.localdate()


def institution_editor(email):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=roles.INSTITUTION_EDITOR))
    return user


@pytest.fixture
def catalog(db):
    gops = InstitutionFactory(name="GOPS w Łopusznie", email="gops@example.org", last_verified=OLD)
    ServiceFactory(institution=gops, name="Klub seniora", last_verified=OLD)
    ServiceFactory(institution=gops, name="Świetlica", last_verified=None)
    ServiceFactory(institution=gops, name="Aktualna usługa", last_verified=today())
    ServiceFactory(institution=gops, name="Zakończona", last_verified=OLD, status="ended")
    ServiceFactory(institution=gops, name="Szkic", last_verified=OLD, live=False)
    gops.editors.add(institution_editor("ewa@example.org"), institution_editor("jan@example.org"))
    # An editor outside the group or inactive is not written to.
    outsider = UserFactory(email="byly@example.org")
    gops.editors.add(outsider)

    library = InstitutionFactory(
        name="Biblioteka w Mircu", email="biblioteka@example.org", last_verified=today()
    )
    ServiceFactory(institution=library, name="Dyskusyjny klub książki", last_verified=OLD)

    InstitutionFactory(name="Parafia bez adresu", email="", last_verified=OLD)
    up_to_date = InstitutionFactory(name="Szkoła aktualna", last_verified=today())
    ServiceFactory(institution=up_to_date, name="Zajęcia", last_verified=today())
    return {"gops": gops, "library": library}


def run(*args):
    out = StringIO()
    call_command("remind_reviews", *args, stdout=out)
    return out.getvalue()


def test_one_message_per_institution_with_its_overdue_entries(catalog):
    output = run()
    assert len(mail.outbox) == 2
    by_subject = {message.subject: message for message in mail.outbox}

    gops = next(m for m in mail.outbox if "GOPS w Łopusznie" in m.subject)
    assert sorted(gops.to) == ["ewa@example.org", "jan@example.org"]
    assert "Klub seniora" in gops.body and "Świetlica" in gops.body
    assert "GOPS w Łopusznie" in gops.body  # the institution itself is overdue too
    for not_listed in ("Aktualna usługa", "Zakończona", "Szkic"):
        assert not_listed not in gops.body
    assert f"/admin/snippets/catalog/institution/confirm/{catalog['gops'].pk}/" in gops.body
    assert gops.body.count("/admin/snippets/catalog/service/edit/") == 2
    # Polish, with its letters.
    assert "Lista usług" in gops.subject or "lista usług" in gops.subject.lower()
    assert "ą" in gops.body or "ę" in gops.body or "ś" in gops.body

    library = next(m for m in mail.outbox if "Biblioteka w Mircu" in m.subject)
    assert library.to == ["biblioteka@example.org"]  # no editors: the institution's address
    assert "Dyskusyjny klub książki" in library.body
    assert "/admin/" not in library.body  # no account: no admin links, reply instead

    assert len(by_subject) == 2
    assert "2 institution(s) reminded of 4 overdue entries" in output
    assert "Parafia bez adresu: overdue, but no e-mail address" in output
    assert "1 without an address" in output


def test_dry_run_sends_nothing_and_says_what_it_would_do(catalog):
    output = run("--dry-run")
    assert mail.outbox == []
    assert "GOPS w Łopusznie: 3 overdue, would send to ewa@example.org, jan@example.org" in output
    assert output.strip().endswith(
        "Dry run: 2 institution(s) would be reminded of 4 overdue entries; 1 without an address."
    )


def test_nothing_overdue_nothing_sent(db):
    InstitutionFactory(name="Aktualna", last_verified=today())
    output = run()
    assert mail.outbox == []
    assert "0 institution(s) reminded" in output


def test_confirming_stops_the_reminders(catalog, client):
    from catalog.moderation import confirm_institution_with_services

    gops = catalog["gops"]
    confirm_institution_with_services(gops, gops.services.all())
    run()
    assert [m for m in mail.outbox if "GOPS" in m.subject] == []
