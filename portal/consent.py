"""Cookie consent. Without a choice the portal sets only the cookies it cannot work without
(session, CSRF, language); statistics run only for visitors who accept them, and the choice
can be changed at any time on the cookie settings page.

The choice itself is kept in a necessary cookie (CONSENT_COOKIE). The anonymous page cache
(portal.cache) keys pages on it too, so a page rendered for one choice (with or without the
banner and the statistics script) is never served to a visitor who made another."""

from django import forms
from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.models import SiteSettings

CONSENT_COOKIE = "kooperacja_consent"
ACCEPTED = "statistics"
REJECTED = "necessary"
CHOICES = (ACCEPTED, REJECTED)
CONSENT_MAX_AGE = 365 * 24 * 60 * 60  # ask again after a year

# Cookies statistics tools set in the browser (Matomo's _pk_* and mtm_*); removed when a
# visitor withdraws consent. Plausible sets none.
STATISTICS_COOKIE_PREFIXES = ("_pk_", "mtm_", "MATOMO_")


def choice(request):
    """The visitor's choice: ACCEPTED, REJECTED, or None when none was made yet."""
    value = request.COOKIES.get(CONSENT_COOKIE)
    return value if value in CHOICES else None


def cache_variant(request):
    """The part of the anonymous page cache key that depends on the visitor's choice."""
    return choice(request) or "none"


def statistics_allowed(request):
    return choice(request) == ACCEPTED


class ConsentForm(forms.Form):
    statistics = forms.ChoiceField(
        label=_("Statistics cookies"),
        choices=[
            (ACCEPTED, _("Allow statistics cookies")),
            (REJECTED, _("Only necessary cookies")),
        ],
        widget=forms.RadioSelect,
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def _safe_next(request, target):
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def store_choice(request, response, value):
    response.set_cookie(
        CONSENT_COOKIE,
        value,
        max_age=CONSENT_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    if value != ACCEPTED:
        for name in request.COOKIES:
            if name.startswith(STATISTICS_COOKIE_PREFIXES):
                response.delete_cookie(name)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def cookie_settings(request):
    """The cookie settings page: what the portal stores and the choice about statistics.
    The banner on every page posts its buttons here too; all works without JavaScript."""
    site_settings = SiteSettings.for_request(request)
    current = choice(request)
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            value = form.cleaned_data["statistics"]
            target = _safe_next(request, form.cleaned_data["next"])
            response = HttpResponseRedirect(target or reverse("cookie_settings") + "?saved=1")
            return store_choice(request, response, value)
    else:
        form = ConsentForm(
            initial={"statistics": current or REJECTED, "next": request.GET.get("next", "")}
        )
    return render(
        request,
        "portal/cookie_settings.html",
        {
            "form": form,
            "current": current,
            "saved": request.GET.get("saved") == "1" and current is not None,
            "statistics_configured": site_settings.statistics_enabled,
            "consent_cookie": CONSENT_COOKIE,
            "accepted": ACCEPTED,
        },
    )
