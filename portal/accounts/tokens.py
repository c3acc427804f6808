"""The link that confirms a new account's e-mail address.

A signed, timestamped value (django.core.signing) holding the user's id and a short
fingerprint of the account's state. The link works for three days, and only while the
account is still waiting: activating it, registering again with a new password or erasing
the account changes the fingerprint, so an older link stops working."""

import enum
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import salted_hmac

SALT = "portal.accounts.activation"
MAX_AGE = timedelta(days=3)


class Outcome(enum.Enum):
    VALID = "valid"
    ALREADY_ACTIVE = "already_active"
    EXPIRED = "expired"
    INVALID = "invalid"


def _fingerprint(user):
    # last_login too: an account switched off by an administrator after it was used must
    # not be switched back on by its first link.
    last_login = user.last_login.replace(microsecond=0).isoformat() if user.last_login else ""
    state = f"{user.pk}|{user.is_active}|{user.password}|{user.email}|{last_login}"
    return salted_hmac(SALT, state).hexdigest()[:20]


def make_token(user):
    return signing.dumps({"u": user.pk, "f": _fingerprint(user)}, salt=SALT)


def check_token(token):
    """(outcome, user): the user only when the link identifies a real account."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        return Outcome.EXPIRED, None
    except signing.BadSignature:
        return Outcome.INVALID, None
    if not isinstance(data, dict):
        return Outcome.INVALID, None
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if user is None or user.erased_at is not None:
        return Outcome.INVALID, None
    if user.is_active:
        return Outcome.ALREADY_ACTIVE, user
    if data.get("f") != _fingerprint(user):
        return Outcome.INVALID, None
    return Outcome.VALID, user
