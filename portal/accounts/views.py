"""Account pages: registration and its confirmation link, login and logout, password reset
and change, the profile, the download of one's data and the erasure of the account.

No page says whether an e-mail address has an account: registration and password reset
answer the same way for every address, and the owner of an existing account is told by
e-mail instead."""

import logging
import secrets
import smtplib

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from portal import roles
from portal.accounts import emails, personal_data, tokens
from portal.accounts.forms import (
    ChangePasswordForm,
    DetailsForm,
    EraseAccountForm,
    LoginForm,
    NewPasswordForm,
    RegistrationForm,
    ResendActivationForm,
    ResetPasswordForm,
    WorkplaceForm,
    WorkplaceSearchForm,
    find_by_email,
    is_pending,
)
from portal.models import SiteSettings
from security import auth as security_auth

logger = logging.getLogger(__name__)
User = get_user_model()
MAIL_ERRORS = (smtplib.SMTPException, OSError)


def _posted(request):
    return request.POST if request.method == "POST" else None


def _new_username(email):
    """The address itself where it can be one (administrators recognise it), otherwise a
    random name: the person logs in with the address anyway."""
    candidate = email.lower()
    try:
        User._meta.get_field("username").run_validators(candidate)
    except ValidationError:
        candidate = ""
    if candidate and len(candidate) <= 150:
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    return f"konto-{secrets.token_hex(6)}"


@transaction.atomic
def _register(request, data):
    existing = find_by_email(data["email"])
    if existing and not (len(existing) == 1 and is_pending(existing[0])):
        emails.send_existing_account_notice(request, existing[0])
        return
    if existing:
        # Registered before but never confirmed: the newest registration counts, and the
        # new password makes the older link stop working (see tokens).
        user = existing[0]
    else:
        user = User(username=_new_username(data["email"]), email=data["email"], is_active=False)
    user.first_name = data["first_name"]
    user.last_name = data["last_name"]
    user.set_password(data["password1"])
    user.save()
    trainees = Group.objects.filter(name=roles.TRAINEE).first()
    if trainees is not None:
        user.groups.add(trainees)
    emails.send_activation(request, user)


@sensitive_post_parameters("password1", "password2")
@never_cache
def register(request):
    if request.user.is_authenticated:
        return redirect("accounts:overview")
    form = RegistrationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            _register(request, form.cleaned_data)
        except MAIL_ERRORS:
            logger.exception("Registration e-mail could not be sent")
            form.add_error(None, _("We could not send the e-mail just now. Try again later."))
        else:
            return redirect("accounts:registration_sent")
    return render(
        request,
        "accounts/register.html",
        {"form": form, "controller": emails.controller_name(request)},
    )


def registration_sent(request):
    return render(request, "accounts/registration_sent.html")


@never_cache
def resend_activation(request):
    form = ResendActivationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        existing = find_by_email(form.cleaned_data["email"])
        if len(existing) == 1 and is_pending(existing[0]):
            try:
                emails.send_activation(request, existing[0])
            except MAIL_ERRORS:
                logger.exception("Activation e-mail could not be sent")
        # The same answer whether or not a link went out.
        return redirect("accounts:registration_sent")
    return render(request, "accounts/resend_activation.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def activate(request, token):
    """The link from the e-mail opens a page with a button: link checkers of mail services
    open every link, and must not activate accounts on their own."""
    outcome, user = tokens.check_token(token)
    if outcome is tokens.Outcome.VALID and request.method == "POST":
        user.is_active = True
        user.save(update_fields=["is_active"])
        messages.success(request, _("Your e-mail address is confirmed. You can log in now."))
        return redirect("accounts:login")
    status = 200 if outcome in (tokens.Outcome.VALID, tokens.Outcome.ALREADY_ACTIVE) else 400
    return render(
        request,
        "accounts/activate.html",
        {"outcome": outcome.value, "days": tokens.MAX_AGE.days},
        status=status,
    )


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context["pending"] = form.is_bound and form.has_error("__all__", "pending")
        # Set by security.sessions when it ended a session that was idle or too old.
        context["expired"] = self.request.session.pop(security_auth.EXPIRED, False)
        return context


class LogoutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        return f"/{translation.get_language()}/"


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ResetPasswordForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {
            "site_name": emails.SITE_NAME,
            "institution_name": emails.controller_name(self.request),
        }
        try:
            return super().form_valid(form)
        except MAIL_ERRORS:
            logger.exception("Password reset e-mail could not be sent")
            return redirect(self.success_url)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever knew the old password is logged out wherever they are (the new password
        # would end those sessions at their next request anyway; this ends them now).
        security_auth.end_sessions(form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:overview")

    def form_valid(self, form):
        response = super().form_valid(form)
        # This session stays (it has just proved the old password); every other ends.
        security_auth.end_sessions(form.user, keep=self.request.session.session_key)
        messages.success(self.request, _("Your password has been changed."))
        return response


@login_required
@never_cache
def overview(request):
    return render(request, "accounts/overview.html", {"account": request.user})


@login_required
@never_cache
def profile(request):
    user = request.user
    section = request.POST.get("section") if request.method == "POST" else None
    # The search travels with the workplace form, so that a form sent back with an error
    # offers the same lists.
    search_source = request.POST if section == "workplace" else request.GET
    search = WorkplaceSearchForm(
        search_source if ({"gmina_q", "institution_q"} & set(search_source)) else None
    )
    details = DetailsForm(request.POST if section == "details" else None, instance=user)
    workplace = WorkplaceForm(
        request.POST if section == "workplace" else None, instance=user, search=search
    )
    if section == "details" and details.is_valid():
        details.save()
        messages.success(request, _("Your details have been saved."))
        return redirect("accounts:profile")
    if section == "workplace" and workplace.is_valid():
        workplace.save()
        messages.success(request, _("Your place of work has been saved."))
        return redirect(reverse("accounts:profile") + "#workplace")
    return render(
        request,
        "accounts/profile.html",
        {"details": details, "workplace": workplace, "search": search, "account": user},
    )


@login_required
@never_cache
def my_data(request):
    return render(
        request,
        "accounts/my_data.html",
        {"sections": sorted(personal_data.providers()), "account": request.user},
    )


@login_required
def my_data_download(request):
    response = HttpResponse(
        personal_data.export_json(request.user), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{personal_data.export_filename()}"'
    add_never_cache_headers(response)
    return response


@sensitive_post_parameters("password")
@login_required
@never_cache
def erase(request):
    user = request.user
    if user.is_superuser:
        # The last administrator must not lock everyone out of the admin by accident.
        return render(request, "accounts/erase.html", {"superuser": True}, status=403)
    form = EraseAccountForm(_posted(request), user=user)
    if request.method == "POST" and form.is_valid():
        personal_data.erase(user)
        logout(request)
        return redirect("accounts:erased")
    return render(request, "accounts/erase.html", {"form": form})


def erased(request):
    return render(request, "accounts/erased.html")


def privacy(request):
    site_settings = SiteSettings.for_request(request)
    return render(
        request,
        "accounts/privacy.html",
        {
            "controller": site_settings.institution_name_for(translation.get_language()),
            "site_settings": site_settings,
            "activation_days": tokens.MAX_AGE.days,
        },
    )
