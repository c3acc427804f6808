"""Shared pieces of the account tests: a strong password, the registration form's data and
a link finder for the e-mails in django.core.mail.outbox."""

import re

STRONG_PASSWORD = "Zielona-Łąka-2024!"


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
