"""Views of certificates: the public verification page, the PDF download, and the admin
forms that correct the name on a certificate or revoke it.

The verification page is reached by anyone holding the code (it is printed under the QR
code), so it shows exactly what the printed certificate shows and nothing more: not the
e-mail, not the cohort, not why a certificate was revoked."""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from school.certificates import (
    CertificateError,
    file_name,
    normalise_code,
    reissue,
    render_pdf,
    revoke,
)
from school.models import Certificate
from school.permissions import can_view_enrolment


def _no_index_no_store(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    # A revocation must show at once: no browser or proxy may keep an earlier answer.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def verify(request, page, code):
    """Public: does a certificate with this code exist, and is it valid?"""
    normalised = normalise_code(code)
    certificate = None
    if normalised:
        certificate = (
            Certificate.objects.only(
                "code",
                "learner_name",
                "course_title",
                "hours",
                "issuer",
                "issued_on",
                "revoked_at",
            )
            .filter(code=normalised)
            .first()
        )
    if certificate is not None and code != certificate.code:
        # Typed by hand in lower case or without dashes: show the one true address.
        index_url = page.get_url(request)
        return redirect(index_url + page.reverse_subpage("certificate", args=[certificate.code]))
    if certificate is None:
        status = "unknown"
    elif certificate.revoked_at:
        status = "revoked"
    else:
        status = "valid"
    response = TemplateResponse(
        request,
        "school/certificate_verify.html",
        {"page": page, "certificate": certificate, "code": code, "status": status},
        status=404 if certificate is None else 200,
    )
    return _no_index_no_store(response)


def can_download(user, certificate):
    """The learner, whoever may see the enrolment (their cohort's coordinator), a superuser."""
    if not user.is_authenticated:
        return False
    enrolment = certificate.enrolment
    return user.is_superuser or enrolment.user_id == user.pk or can_view_enrolment(user, enrolment)


def can_manage(user, certificate):
    """Correcting or revoking: a superuser, or a coordinator who sees the enrolment, but
    never the learner on their own certificate."""
    if not user.is_authenticated:
        return False
    enrolment = certificate.enrolment
    if user.is_superuser:
        return True
    return enrolment.user_id != user.pk and can_view_enrolment(user, enrolment)


def download(request, page, code):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    normalised = normalise_code(code)
    if not normalised:
        raise Http404
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrolment"), code=normalised
    )
    if not can_download(request.user, certificate):
        raise PermissionDenied
    if certificate.revoked_at:
        # A revoked certificate is not handed out again, even stamped: the page says that it
        # was revoked and when.
        response = TemplateResponse(
            request,
            "school/certificate_verify.html",
            {
                "page": page,
                "certificate": certificate,
                "code": certificate.code,
                "status": "revoked",
                "download_refused": True,
            },
            status=410,
        )
        return _no_index_no_store(response)
    pdf = render_pdf(certificate, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{file_name(certificate)}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Admin: correcting the name, revoking ----------------------------------------------------


class ReissueForm(forms.Form):
    new_name = forms.CharField(
        label=_("Name on the certificate"),
        max_length=255,
        help_text=_(
            "The corrected name as it should be printed. The code stays the same and the "
            "change is recorded."
        ),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kept in the certificate's history; not shown on the public verification page."
        ),
    )


def _certificate_for_admin(request, pk):
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrolment__user", "enrolment__course"), pk=pk
    )
    if not can_manage(request.user, certificate):
        raise PermissionDenied
    return certificate


def _next_url(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _tie_errors(form):
    """Each field points at its error message as well as its help text, so a screen reader
    reads the error with the field. Returns (bound field, error message id) pairs."""
    fields = []
    for bound in form.visible_fields():
        error_id = f"{bound.id_for_label}-errors"
        described = [error_id] if bound.errors else []
        if bound.help_text:
            described.append(f"{bound.id_for_label}-helptext")
        if described:
            bound.field.widget.attrs["aria-describedby"] = " ".join(described)
        fields.append((bound, error_id))
    return fields


def _admin_form_view(request, pk, form_class, action, texts):
    certificate = _certificate_for_admin(request, pk)
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            field = next(iter(form.fields))
            try:
                action(certificate, form.cleaned_data[field], by=request.user)
            except CertificateError as error:
                form.add_error(field, str(error))
            else:
                messages.success(request, texts["done"] % {"code": certificate.code})
                return redirect(_next_url(request, request.path))
    else:
        initial = {"new_name": certificate.learner_name} if form_class is ReissueForm else {}
        form = form_class(initial=initial)
    return TemplateResponse(
        request,
        "school/certificate_admin_form.html",
        {
            "certificate": certificate,
            "events": certificate.events.select_related("by"),
            "form": form,
            "fields": _tie_errors(form),
            "next": _next_url(request, ""),
            "page_title": texts["title"],
            "header_icon": "doc-full",
            "submit_label": texts["submit"],
            "danger": texts.get("danger", False),
        },
    )


def reissue_view(request, pk):
    """Admin form: correct the learner's name on certificate `pk` (same code, logged)."""
    texts = {
        "title": _("Correct the name on a certificate"),
        "submit": _("Reissue with this name"),
        "done": _("Certificate %(code)s was reissued with the corrected name."),
    }
    return _admin_form_view(request, pk, ReissueForm, reissue, texts)


def revoke_view(request, pk):
    """Admin form: revoke certificate `pk` with a reason (logged)."""
    texts = {
        "title": _("Revoke a certificate"),
        "submit": _("Revoke the certificate"),
        "done": _("Certificate %(code)s was revoked."),
        "danger": True,
    }
    return _admin_form_view(request, pk, RevokeForm, revoke, texts)
