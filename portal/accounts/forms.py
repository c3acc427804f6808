"""Forms of the account pages. Error messages are the person's guide: each says what to do,
in the language of the page, and sits next to its field (templates/accounts/_field.html)."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    SetPasswordMixin,
)
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalog.models import Institution, Territory

User = get_user_model()

# How many matches a search in the profile offers; more means "type more of the name".
SEARCH_LIMIT = 30
SEARCH_MAX_LENGTH = 100


def _required(message):
    return {"required": message}


def find_by_email(email):
    """Accounts with this address, whatever its letter case (older accounts may share one)."""
    return list(User.objects.filter(email__iexact=email.strip()).order_by("pk")[:2])


class RegistrationForm(SetPasswordMixin, forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        error_messages=_required(_("Enter your first name.")),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        error_messages=_required(_("Enter your last name.")),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We will send a link to this address to confirm it."),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields(
        label1=_("Password"), label2=_("Repeat the password")
    )
    privacy = forms.BooleanField(
        label=_("I have read the information on how my personal data are processed."),
        error_messages=_required(_("Confirm that you have read the information on personal data.")),
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2", "privacy"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].error_messages["required"] = _("Choose a password.")
        self.fields["password2"].error_messages["required"] = _("Type the password again.")

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"])

    def clean(self):
        super().clean()
        self.validate_passwords()
        if not self.has_error("password1"):
            # The validators compare the password with the person's name and address.
            candidate = User(
                first_name=self.cleaned_data.get("first_name", ""),
                last_name=self.cleaned_data.get("last_name", ""),
                email=self.cleaned_data.get("email", ""),
            )
            self.validate_password_for_user(candidate, password_field_name="password1")  # nosec B106 # noqa: S106 (a field's name)
        return self.cleaned_data


class LoginForm(AuthenticationForm):
    """Log in with the e-mail address (new accounts) or the user name (accounts made by
    an administrator). An account waiting for confirmation is told so, but only to someone
    who knows its password."""

    username = forms.CharField(
        label=_("E-mail address or user name"),
        max_length=254,
        error_messages=_required(_("Enter your e-mail address or user name.")),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages=_required(_("Enter your password.")),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _(
            "The e-mail address or user name and the password do not match. Check them and "
            "try again; letter case matters in the password."
        ),
        "inactive": _("This account is switched off."),
        "pending": _(
            "This account waits for its e-mail address to be confirmed: follow the link we "
            "sent, or ask for a new one."
        ),
    }

    def clean(self):
        identifier = (self.cleaned_data.get("username") or "").strip()
        if "@" in identifier:
            matches = find_by_email(identifier)
            if len(matches) == 1:
                self.cleaned_data["username"] = matches[0].username
        try:
            return super().clean()
        except ValidationError:
            pending = self._pending_account()
            if pending is not None:
                raise ValidationError(self.error_messages["pending"], code="pending") from None
            raise

    def _pending_account(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return None
        user = User.objects.filter(username=username).first()
        if user is None:
            # The same work as checking a password (one hash), so that the time taken does
            # not tell an unknown name from an existing one.
            User().set_password(password)
            return None
        if user.check_password(password) and is_pending(user):
            return user
        return None


def is_pending(user):
    """Registered, link not yet followed: never active, never logged in, not erased."""
    return not user.is_active and user.last_login is None and user.erased_at is None


class ResendActivationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class ResetPasswordForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class NewPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].error_messages["required"] = _("Choose a password.")
        self.fields["new_password2"].error_messages["required"] = _("Type the password again.")


class ChangePasswordForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].error_messages["required"] = _("Enter your current password.")
        self.fields["new_password1"].error_messages["required"] = _("Choose a password.")
        self.fields["new_password2"].error_messages["required"] = _("Type the password again.")


class DetailsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "position"]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "position": _("Position"),
        }
        help_texts = {
            "first_name": _("As it should appear on your certificates."),
            "position": _("e.g. social worker, family assistant, head of a GOPS"),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }
        error_messages = {
            "first_name": _required(_("Enter your first name.")),
            "last_name": _required(_("Enter your last name.")),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True


def gminas():
    return Territory.objects.filter(level=Territory.Level.GMINA).select_related("parent")


def _name_contains(query):
    # SQLite folds the case of ASCII letters only: "łopuszno" must find "Łopuszno" there too.
    return Q(name__icontains=query) | Q(name__icontains=query.capitalize())


def search_gminas(query):
    """Gminas whose name contains the text typed, or whose TERYT code starts with the digits
    typed; names that start with the text first."""
    query = " ".join(query.split())[:SEARCH_MAX_LENGTH]
    if not query:
        return []
    digits = query.replace(" ", "")
    if digits.isdigit():
        return list(gminas().filter(code__startswith=digits).order_by("code"))
    found = list(gminas().filter(_name_contains(query)))
    lowered = query.lower()
    return sorted(found, key=lambda gmina: (not gmina.name.lower().startswith(lowered), gmina.code))


def gmina_label(gmina):
    parts = [f"{gmina.name} – {gmina.get_kind_display()}"]
    if gmina.parent is not None:
        parts.append(f"{gmina.parent.get_kind_display()} {gmina.parent.name}")
    parts.append(f"TERYT {gmina.code}")
    return ", ".join(parts)


def institution_label(institution):
    if institution.locality:
        return f"{institution.name} ({institution.locality})"
    return institution.name


def search_institutions(query):
    query = " ".join(query.split())[:SEARCH_MAX_LENGTH]
    if not query:
        return Institution.objects.none()
    return Institution.objects.filter(_name_contains(query), live=True).order_by("name")


class WorkplaceSearchForm(forms.Form):
    """The search above the workplace form: it narrows the lists the person chooses from."""

    gmina_q = forms.CharField(
        label=_("Gmina: name or TERYT code"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    institution_q = forms.CharField(
        label=_("Institution: part of its name"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.gmina_matches = []
        self.gmina_total = 0
        self.institution_matches = []
        self.institution_total = 0
        if self.is_bound and self.is_valid():
            gmina_q = self.cleaned_data["gmina_q"]
            institution_q = self.cleaned_data["institution_q"]
            if gmina_q:
                found = search_gminas(gmina_q)
                self.gmina_total = len(found)
                self.gmina_matches = found[:SEARCH_LIMIT]
            if institution_q:
                found = search_institutions(institution_q)
                self.institution_total = found.count()
                self.institution_matches = list(found[:SEARCH_LIMIT])

    @property
    def searched(self):
        return bool(
            self.is_bound
            and self.is_valid()
            and (self.cleaned_data["gmina_q"] or self.cleaned_data["institution_q"])
        )


class WorkplaceForm(forms.ModelForm):
    """Gmina and institution. The lists show the person's current choice, what the search
    above found and the institutions of the gminas in view, not the whole country: without
    JavaScript a select of 2,477 gminas is no help. Any gmina and any published institution
    is accepted, whatever the lists showed."""

    class Meta:
        model = User
        fields = ["gmina", "institution", "institution_name"]
        labels = {
            "gmina": _("Gmina where you work"),
            "institution": _("Institution from the catalog"),
            "institution_name": _("Or the name of an institution that is not in the catalog"),
        }
        help_texts = {
            "institution_name": _(
                "Fill this in only if you did not find your institution in the catalog."
            ),
        }
        widgets = {
            "institution_name": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, search=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance
        gmina_field = self.fields["gmina"]
        institution_field = self.fields["institution"]
        gmina_field.queryset = gminas()
        published = Q(live=True)
        if current.institution_id:
            published |= Q(pk=current.institution_id)
        institution_field.queryset = Institution.objects.filter(published)
        gmina_field.empty_label = _("– not given –")
        institution_field.empty_label = _("– not in the catalog or not given –")
        gmina_field.error_messages["invalid_choice"] = _(
            "Choose a gmina from the list; search for it above if it is not there."
        )
        institution_field.error_messages["invalid_choice"] = _(
            "Choose an institution from the list; search for it above if it is not there."
        )

        gmina_options = {}
        for gmina in self._chosen("gmina", current.gmina_id, gminas()):
            gmina_options[gmina.pk] = gmina
        for gmina in search.gmina_matches if search else []:
            gmina_options.setdefault(gmina.pk, gmina)
        self.gmina_options = list(gmina_options.values())

        institution_options = {}
        chosen = self._chosen("institution", current.institution_id, institution_field.queryset)
        for institution in chosen:
            institution_options[institution.pk] = institution
        # The institutions of the gminas shown, so that a gmina found leads to its institutions.
        in_gminas = Institution.objects.filter(
            live=True, gmina_id__in=list(gmina_options)[: SEARCH_LIMIT // 3 or 1]
        ).order_by("name")[:200]
        for institution in list(in_gminas) + list(search.institution_matches if search else []):
            institution_options.setdefault(institution.pk, institution)
        self.institution_options = sorted(
            institution_options.values(), key=lambda institution: institution.name.lower()
        )

        gmina_field.widget.choices = [("", gmina_field.empty_label)] + [
            (gmina.pk, gmina_label(gmina)) for gmina in self.gmina_options
        ]
        institution_field.widget.choices = [("", institution_field.empty_label)] + [
            (institution.pk, institution_label(institution))
            for institution in self.institution_options
        ]

    def _chosen(self, name, current_pk, queryset):
        """The current value and, on a form sent back with an error, the one posted."""
        pks = {current_pk} if current_pk else set()
        if self.is_bound:
            posted = str(self.data.get(self.add_prefix(name), ""))
            if posted.isdigit():
                pks.add(int(posted))
        return list(queryset.filter(pk__in=pks)) if pks else []

    def clean(self):
        cleaned = super().clean()
        institution = cleaned.get("institution")
        if institution is not None and cleaned.get("institution_name"):
            self.add_error(
                "institution_name",
                _(
                    "You chose an institution from the catalog: leave this field empty, or "
                    "set the catalog list to “not in the catalog”."
                ),
            )
        if institution is not None and cleaned.get("gmina") is None and institution.gmina_id:
            cleaned["gmina"] = institution.gmina
        return cleaned


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        error_messages=_required(_("Enter your password to confirm.")),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("The password is not right. Your account has not been erased."),
                code="password_incorrect",
            )
        return password
