"""The account's security page: two-factor authentication (set up, verify, backup codes,
turn off where the role allows) and "log out everywhere", for oneself and, by a superuser,
for someone else.

Included under `_("account/security/")` in portal/urls.py: /pl/konto/bezpieczenstwo/..."""

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from security import auth, twofactor
from security.forms import CodeForm, SetupCodeForm

BACKUP_CODES = 10
BACKUP_CODES_SESSION_KEY = "security.new_backup_codes"


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def _next_url(request, default="security:overview"):
    return _safe_next(request) or reverse(default)


def _confirmed_totp(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def _new_backup_codes(user):
    """Replaces the person's backup codes with a fresh set and returns them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="backup", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@login_required
@never_cache
def overview(request):
    user = request.user
    return render(
        request,
        "security/overview.html",
        {
            "totp": _confirmed_totp(user),
            "backup_left": StaticToken.objects.filter(
                device__user=user, device__confirmed=True
            ).count(),
            "required": auth.is_privileged(user),
            "verified": twofactor.is_verified(user),
            "new_codes": request.session.pop(BACKUP_CODES_SESSION_KEY, None),
            "continue_url": _safe_next(request),
        },
    )


@sensitive_post_parameters("code")
@login_required
@never_cache
def setup(request):
    user = request.user
    if _confirmed_totp(user) is not None:
        if not twofactor.is_verified(user):
            return redirect(f"{reverse('security:verify')}?next={reverse('security:overview')}")
        return redirect("security:overview")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    form = SetupCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = _new_backup_codes(user)
            otp_login(request, device)
            request.session[auth.HAS_DEVICE] = True
            request.session[BACKUP_CODES_SESSION_KEY] = codes
            messages.success(request, _("Two-step login is on."))
            # The backup codes are shown once, on the overview; from there a link goes on to
            # where the person was headed (the admin), so nobody passes them by unseen.
            target = reverse("security:overview")
            if onward := _safe_next(request):
                target = f"{target}?{urlencode({'next': onward})}"
            return redirect(target)
        form.add_error(
            "code",
            _(
                "This code does not match. Check that the phone's clock is right and type the "
                "code the app shows now."
            ),
        )
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "security/setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(scale=5, dark="#000", light="#fff", title=_("QR code")),
            "secret": _group(device.config_url.split("secret=")[1].split("&")[0]),
            "required": auth.is_privileged(user),
            "next": request.GET.get("next") or request.POST.get("next", ""),
        },
    )


def _group(secret):
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@sensitive_post_parameters("code")
@login_required
@never_cache
def verify(request):
    user = request.user
    if twofactor.is_verified(user):
        return redirect(_next_url(request))
    if not any(True for _device in devices_for_user(user, confirmed=True)):
        # The device was removed (by a superuser, for a lost phone): nothing to ask for.
        request.session[auth.HAS_DEVICE] = False
        return redirect(_next_url(request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error(
            "code",
            _(
                "This code does not match. Type the code the app shows now (it changes every "
                "30 seconds) or an unused backup code."
            ),
        )
    return render(
        request,
        "security/verify.html",
        {"form": form, "next": request.GET.get("next") or request.POST.get("next", "")},
    )


def _require_verified(request):
    if not twofactor.is_verified(request.user):
        raise PermissionDenied


@login_required
@require_POST
def backup_codes(request):
    _require_verified(request)
    request.session[BACKUP_CODES_SESSION_KEY] = _new_backup_codes(request.user)
    messages.success(request, _("New backup codes are ready; the old ones no longer work."))
    return redirect("security:overview")


@login_required
@require_POST
def disable(request):
    """Only someone whose role does not require two-step login may turn it off, and only
    from a session confirmed with a code."""
    _require_verified(request)
    if auth.is_privileged(request.user):
        raise PermissionDenied
    for device in list(devices_for_user(request.user, confirmed=None)):
        device.delete()
    request.session[auth.HAS_DEVICE] = False
    request.session.pop("otp_device_id", None)
    messages.success(request, _("Two-step login is off."))
    return redirect("security:overview")


@login_required
@require_POST
def logout_everywhere(request):
    user = request.user
    auth.end_sessions(user)
    logout(request)
    messages.success(request, _("You have been logged out on every device."))
    return redirect("accounts:login")


@login_required
@never_cache
def logout_user(request, user_id):
    """A superuser ends all sessions of another person (a lost laptop, a departing
    employee), and may remove their second factor so that they set up a new one."""
    if not request.user.is_superuser:
        raise PermissionDenied
    if not twofactor.is_verified(request.user):
        # A superuser's power outside the admin's paths: the same second factor first.
        step = "security:verify" if request.session.get(auth.HAS_DEVICE) else "security:setup"
        return redirect(f"{reverse(step)}?next={request.path}")
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        ended = auth.end_sessions(person, keep=request.session.session_key)
        if request.POST.get("reset_2fa"):
            for device in list(devices_for_user(person, confirmed=None)):
                device.delete()
        text = ngettext(
            "%(name)s has been logged out everywhere (%(count)d session ended).",
            "%(name)s has been logged out everywhere (%(count)d sessions ended).",
            ended,
        )
        name = person.get_full_name() or person.get_username()
        messages.success(request, text % {"name": name, "count": ended})
        return redirect("wagtailusers_users:edit", person.pk)
    return render(request, "security/logout_user.html", {"person": person})
