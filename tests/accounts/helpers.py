"""Shared pieces of the account tests: a strong password, the Polish pages and a link
finder for the e-mails in django.core.mail.outbox."""

import re

import pytest

STRONG_PASSWORD = "Zielona-Łąka-2024!"


@pytest.fixture
def pl():
    """Polish URLs, whatever language the previous test left active."""
    from django.utils import translation

    with translation.override("pl"):
        yield


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def registration_data(**changes):
    data = {
        "first_name": "Anna",
        "last_name": "Nowak",
        "email": "anna.nowak@example.org",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
        "privacy": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
