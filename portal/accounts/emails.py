"""The e-mails of the account pages, written in the language of the page the person used
(templates/accounts/email/). Development prints them to the console; production sends
them over SMTP (portal/settings/production.py)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.accounts import tokens
from portal.models import SiteSettings

SITE_NAME = "Kooperacja"


def controller_name(request):
    """The institution that runs the portal, as the footer names it."""
    site_settings = SiteSettings.for_request(request)
    return site_settings.institution_name_for(translation.get_language())


def send(request, template, to, context):
    context = {
        "site_name": SITE_NAME,
        "institution_name": controller_name(request),
        "home_url": request.build_absolute_uri("/"),
        **context,
    }
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context, request)
    body = render_to_string(f"accounts/email/{template}.txt", context, request)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to])


def send_activation(request, user):
    link = request.build_absolute_uri(
        reverse("accounts:activate", kwargs={"token": tokens.make_token(user)})
    )
    send(
        request,
        "activation",
        user.email,
        {"user": user, "link": link, "days": tokens.MAX_AGE.days},
    )


def send_existing_account_notice(request, user):
    """Someone registered with an address that has an account. The form says nothing about
    it (that would tell anyone which addresses have accounts); the owner hears instead."""
    send(
        request,
        "existing_account",
        user.email,
        {
            "user": user,
            "login_url": request.build_absolute_uri(reverse("accounts:login")),
            "reset_url": request.build_absolute_uri(reverse("accounts:password_reset")),
        },
    )
