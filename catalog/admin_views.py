"""The catalog in the Wagtail admin: viewsets for institutions, services, cooperation teams,
synonym groups and the zero-result log, with the institution editors' scope enforced on
every view that loads an entry, the "nothing changed" confirmation, the list of an
institution's editors and the duplicate warning on creation.

Wagtail's generic views check permissions per model, not per entry; an institution editor
has rights over some entries only (catalog.permissions), so each view class built by these
viewsets is wrapped to answer 404 for an entry outside the user's reach, the listings and
choosers show only reachable entries, and the service form offers only the user's own
institutions."""

import re

from django import forms
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters import BooleanFilter, CharFilter, ChoiceFilter
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalog import moderation
from catalog.codes import InstitutionType, ProblemArea, ServiceKind, ServiceStatus, TeamKind
from catalog.duplicates import find_duplicates
from catalog.fields import CodeListField, code_q
from catalog.models import (
    CooperationTeam,
    Institution,
    Service,
    SynonymGroup,
    Territory,
    ZeroResultSearch,
)
from catalog.permissions import (
    ALL_ACTIONS,
    ReadOnlyPolicy,
    can_manage_editors,
    institution_policy,
    own_institution_ids,
    service_policy,
)
from portal import roles
from privacy import audit

ROPS_ONLY = "catalog.change_institution"  # fields institution editors do not see


# Scope ------------------------------------------------------------------------------------


def ensure_reachable(user, policy, entry):
    """404 for an entry the user may not see at all: the same answer as for an entry that
    does not exist, so that an institution editor learns nothing about others'."""
    if entry is None or entry.pk is None:
        return
    if policy.has_any_model_permission(user, ALL_ACTIONS):
        return
    if not policy.user_has_any_permission(user, ALL_ACTIONS):
        raise PermissionDenied  # no catalog rights at all: the usual refusal
    if not policy.reachable_queryset(user).filter(pk=entry.pk).exists():
        raise Http404


class ScopedObjectMixin:
    catalog_policy = None

    def get_object(self, *args, **kwargs):
        try:
            entry = super().get_object(*args, **kwargs)
        except PermissionDenied:
            # Some views (copy) refuse an entry themselves: still 404 if out of reach.
            pk = self.kwargs.get("pk")
            if pk is not None:
                ensure_reachable(self.request.user, self.catalog_policy, self.model(pk=pk))
            raise
        ensure_reachable(self.request.user, self.catalog_policy, entry)
        return entry


class ScopedChooserMixin:
    """The chooser modal: nothing for users without rights on the model, and only the
    reachable entries for the others."""

    catalog_policy = None

    def dispatch(self, request, *args, **kwargs):
        if not self.catalog_policy.user_has_any_permission(request.user, ALL_ACTIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return self.catalog_policy.reachable_queryset(self.request.user)

    def get_object(self, pk):
        entry = super().get_object(pk)
        ensure_reachable(self.request.user, self.catalog_policy, entry)
        return entry

    def get_objects(self, pks):
        return self.catalog_policy.reachable_queryset(self.request.user).filter(pk__in=pks)


def _scoped(view_class, mixin, policy):
    if issubclass(view_class, mixin):
        return view_class
    return type(view_class.__name__, (mixin, view_class), {"catalog_policy": policy})


class ScopedChooserViewSet(SnippetChooserViewSet):
    catalog_policy = None

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(
            _scoped(view_class, ScopedChooserMixin, self.catalog_policy), **kwargs
        )


# Listing columns and filters --------------------------------------------------------------


class VerifiedColumn(Column):
    """The verified date, with the word "overdue" when the review is due (never colour
    alone)."""

    cell_template_name = "catalog/admin/cells/verified.html"

    def __init__(self, **kwargs):
        super().__init__("last_verified", label=_("Verified"), sort_key="last_verified", **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["is_overdue"] = instance.is_overdue
        context["review_due"] = instance.review_due
        return context


def place_label(territory):
    if territory is None:
        return ""
    powiat = territory.parent
    if powiat is None:
        return territory.name
    return f"{territory.name} ({powiat.name}, {powiat.parent.name if powiat.parent else ''})"


def area_label(code):
    return dict(ProblemArea.choices).get(code, code)


def voivodeship_choices():
    return [
        (unit.code, unit.name)
        for unit in Territory.objects.filter(level=Territory.Level.VOIVODESHIP, active=True)
    ]


TERC_PREFIX = re.compile(r"^\d{2}(\d{2}(\d{3})?)?$")


class FreshnessFilterSet(WagtailFilterSet):
    overdue = ChoiceFilter(
        label=_("Review"),
        choices=[("1", _("overdue")), ("0", _("up to date"))],
        method="filter_overdue",
        empty_label=_("all"),
    )
    live = BooleanFilter(label=_("Published"))
    has_unpublished_changes = BooleanFilter(label=_("Changes waiting"))
    voivodeship = ChoiceFilter(
        label=_("Voivodeship"),
        choices=voivodeship_choices,
        method="filter_territory",
        empty_label=_("all"),
    )
    teryt = CharFilter(
        label=_("TERC code (voivodeship, powiat or gmina)"),
        method="filter_territory",
    )

    def filter_overdue(self, queryset, name, value):
        condition = moderation.overdue_q(queryset.model)
        return queryset.filter(condition) if value == "1" else queryset.exclude(condition)

    def filter_territory(self, queryset, name, value):
        value = (value or "").strip()
        if not TERC_PREFIX.match(value):
            return queryset.none() if value else queryset
        return queryset.filter(self.territory_q(value))

    def territory_q(self, prefix):
        return Q(gmina__code__startswith=prefix)


class InstitutionFilterSet(FreshnessFilterSet):
    type = ChoiceFilter(label=_("Type"), choices=InstitutionType.choices, empty_label=_("all"))

    class Meta:
        model = Institution
        fields = []


class ServiceFilterSet(FreshnessFilterSet):
    area = ChoiceFilter(
        label=_("Problem area"),
        choices=ProblemArea.choices,
        method="filter_area",
        empty_label=_("all"),
    )
    kind = ChoiceFilter(label=_("Kind"), choices=ServiceKind.choices, empty_label=_("all"))
    status = ChoiceFilter(label=_("Status"), choices=ServiceStatus.choices, empty_label=_("all"))
    institution_type = ChoiceFilter(
        label=_("Institution type"),
        field_name="institution__type",
        choices=InstitutionType.choices,
        empty_label=_("all"),
    )

    class Meta:
        model = Service
        fields = []

    def filter_area(self, queryset, name, value):
        return queryset.filter(code_q("areas", value)) if value else queryset

    def territory_q(self, prefix):
        # Where the service is for: its coverage codes start with the prefix.
        return Q(coverage_codes__contains=f"|{prefix}")


class TeamFilterSet(WagtailFilterSet):
    kind = ChoiceFilter(label=_("Kind"), choices=TeamKind.choices, empty_label=_("all"))
    voivodeship = ChoiceFilter(
        label=_("Voivodeship"),
        choices=voivodeship_choices,
        method="filter_voivodeship",
        empty_label=_("all"),
    )

    class Meta:
        model = CooperationTeam
        fields = []

    def filter_voivodeship(self, queryset, name, value):
        return queryset.filter(territory__code__startswith=value) if value else queryset


# Forms ------------------------------------------------------------------------------------


class TerritoryListField(forms.Field):
    """The area a service covers, typed as TERC codes or names, one per line or separated
    by commas: "2604" (a powiat), "Oksa", "26 świętokrzyskie". A plain text field rather
    than a chooser: it needs no JavaScript and takes many units at once."""

    widget = forms.Textarea(attrs={"rows": 3})
    separators = re.compile(r"[,;\n]+")
    leading_code = re.compile(r"^(\d{7}|\d{4}|\d{2})\b")

    def prepare_value(self, value):
        if isinstance(value, str) or value is None:
            return value or ""
        units = list(value)
        if units and not isinstance(units[0], Territory):
            units = list(Territory.objects.filter(pk__in=units))
        return "\n".join(f"{unit.code} {unit.name}" for unit in sorted(units, key=_code))

    def to_python(self, value):
        tokens = [token.strip() for token in self.separators.split(value or "") if token.strip()]
        codes, names = [], []
        for token in tokens:
            match = self.leading_code.match(token)
            if match:
                codes.append(match.group(1))
            else:
                names.append(token)
        units = {unit.code: unit for unit in Territory.objects.filter(code__in=codes)}
        errors = [
            gettext("There is no territorial unit with the TERC code %(code)s.") % {"code": c}
            for c in codes
            if c not in units
        ]
        if names:
            self._add_named_units(names, units, errors)
        if errors:
            raise forms.ValidationError(errors)
        return sorted(units.values(), key=_code)

    # "powiat jędrzejowski", "gmina Oksa", "woj. świętokrzyskie": the level word narrows.
    level_words = {
        "gmina": Territory.Level.GMINA,
        "gm.": Territory.Level.GMINA,
        "powiat": Territory.Level.POWIAT,
        "pow.": Territory.Level.POWIAT,
        "województwo": Territory.Level.VOIVODESHIP,
        "woj.": Territory.Level.VOIVODESHIP,
    }

    def _split_level(self, typed):
        first, _space, rest = typed.partition(" ")
        level = self.level_words.get(first.lower())
        return (rest.strip(), level) if level and rest.strip() else (typed, None)

    def _add_named_units(self, names, units, errors):
        wanted = [self._split_level(name) for name in names]
        # Names are stored as the register has them ("Oksa", "jędrzejowski"); people type
        # them in any case. A few case variants find them with a plain IN on every backend
        # (SQLite compares non-ASCII letters case-sensitively).
        variants = {
            variant
            for bare, _level in wanted
            for variant in (bare, bare.lower(), bare.capitalize(), bare.title())
        }
        by_name = {}
        matches = Territory.objects.filter(active=True, name__in=variants).select_related("parent")
        for unit in matches:
            by_name.setdefault(unit.name.lower(), []).append(unit)
        for typed, (bare, level) in zip(names, wanted, strict=True):
            found = [u for u in by_name.get(bare.lower(), []) if level in (None, u.level)]
            if len(found) == 1:
                units[found[0].code] = found[0]
            elif not found:
                errors.append(
                    gettext("“%(name)s” is not the name of a gmina, powiat or voivodeship.")
                    % {"name": typed}
                )
            else:
                errors.append(
                    gettext("“%(name)s” is ambiguous; type one of these codes: %(codes)s.")
                    % {"name": typed, "codes": ", ".join(_describe(u) for u in found)}
                )


def _describe(unit):
    if unit.parent is None:
        return f"{unit.code} ({unit.name})"
    return f"{unit.code} ({unit.get_kind_display()}, {unit.parent.name})"


def _code(unit):
    return unit.code


class CodeListLabelsMixin:
    """CodeListField's form field comes without the model field's label and help text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(model_field, CodeListField):
                field.label = capfirst(model_field.verbose_name)
                field.help_text = field.help_text or model_field.help_text


class ServiceAdminForm(CodeListLabelsMixin, WagtailAdminModelForm):
    coverage = TerritoryListField(
        label=_("Area covered"),
        required=False,
        help_text=_(
            "TERC codes or names, one per line: 26 (the whole voivodeship), 2604 (a powiat "
            "and all its gminas), 2602052 or Oksa (a gmina). Empty: the gmina where the "
            "service is delivered."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("institution")
        user = self.for_user
        if field is None or user is None:
            return
        if not institution_policy.has_any_model_permission(user, ALL_ACTIONS):
            # An institution editor adds services to their own institutions only; the
            # queryset is also what the submitted value is validated against.
            own = Institution.objects.filter(pk__in=own_institution_ids(user))
            field.queryset = own
            if not self.instance.institution_id and len(own) == 1:
                self.initial.setdefault("institution", own[0].pk)


class InstitutionEditorsForm(forms.Form):
    editors = forms.ModelMultipleChoiceField(
        label=_("Institution editors"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Only active accounts in the Institution editor group are listed. They may edit "
            "this institution and its services; moderators approve their changes."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["editors"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__name=roles.INSTITUTION_EDITOR)
            .order_by("last_name", "first_name", "pk")
            .distinct()
        )
        self.fields["editors"].label_from_instance = _user_label


def _user_label(user):
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


# Views ------------------------------------------------------------------------------------


class ConfirmButtonsMixin:
    """Listing rows and the editor's header get a "Nothing changed" link for entries the
    user may change."""

    confirm_url_name = None
    editors_url_name = None

    def confirm_url(self, entry):
        if self.confirm_url_name and self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", entry
        ):
            return reverse(self.confirm_url_name, args=[quote(entry.pk)])

    def editors_url(self, entry):
        if self.editors_url_name and can_manage_editors(self.request.user):
            return reverse(self.editors_url_name, args=[quote(entry.pk)])


class CatalogIndexView(ConfirmButtonsMixin, snippet_views.IndexView):
    def as_spreadsheet(self, queryset, spreadsheet_format):
        # The staff's exports of the admin lists are audited: an institution's contact
        # address can name a person. The public CSV of published services is not (it is
        # what anyone reads on the site).
        audit.record(
            self.request.user,
            audit.EXPORT,
            self.model,
            action=f"catalog.{self.model._meta.model_name}.{spreadsheet_format}",
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := self.confirm_url(instance):
            buttons.append(MenuItem(_("Nothing changed"), url=url, icon_name="check", priority=15))
        if url := self.editors_url(instance):
            buttons.append(MenuItem(_("Editors"), url=url, icon_name="group", priority=25))
        return buttons


class CatalogEditView(ConfirmButtonsMixin, snippet_views.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if url := self.confirm_url(self.live_object):
            buttons.append(HeaderButton(_("Nothing changed"), url=url, icon_name="check"))
        if url := self.editors_url(self.live_object):
            buttons.append(HeaderButton(_("Editors"), url=url, icon_name="group"))
        return buttons


class DuplicateWarningCreateView(snippet_views.CreateView):
    """After an institution or service is created, warn about entries that look the same.
    The entry is saved either way: a warning, not a block."""

    def form_valid(self, form):
        response = super().form_valid(form)
        entry = getattr(self, "object", None)
        if entry is not None and entry.pk and not self.expects_json_response:
            warn_about_duplicates(self.request, entry, self.permission_policy)
        return response


def warn_about_duplicates(request, entry, policy):
    candidates = policy.reachable_queryset(request.user)
    duplicates = find_duplicates(entry, candidates=candidates)
    if not duplicates:
        return []
    described = "; ".join(
        gettext("“%(name)s” (%(reasons)s)")
        % {"name": duplicate.entry, "reasons": ", ".join(duplicate.reason_labels)}
        for duplicate in duplicates
    )
    viewset = type(entry).snippet_viewset
    buttons = []
    for duplicate in duplicates[:3]:
        url = reverse(viewset.get_url_name("edit"), args=[quote(duplicate.entry.pk)])
        if not policy.user_has_permission_for_instance(request.user, "change", duplicate.entry):
            url = reverse(viewset.get_url_name("inspect"), args=[quote(duplicate.entry.pk)])
        buttons.append(messages.button(url, gettext("See “%(name)s”") % {"name": duplicate.entry}))
    messages.warning(
        request,
        gettext(
            "“%(name)s” was saved, but it may duplicate an existing entry: %(list)s. "
            "Please check; if it is the same, keep one of them."
        )
        % {"name": entry, "list": described},
        buttons=buttons,
    )
    return duplicates


class ConfirmView(BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """'Nothing changed': GET asks, POST confirms (for an institution, optionally with all
    the services the user may change)."""

    model = None
    permission_policy = None
    index_url_name = None
    edit_url_name = None
    history_url_name = None
    template_name = "catalog/admin/confirm.html"
    header_icon = "check"
    page_title = _("Nothing changed")

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, "change", self.object
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(self.model._meta.verbose_name_plural),
            },
            {"url": self.edit_url, "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    @cached_property
    def edit_url(self):
        return reverse(self.edit_url_name, args=[quote(self.object.pk)])

    @cached_property
    def services(self):
        if not isinstance(self.object, Institution):
            return None
        return service_policy.instances_user_has_any_permission_for(
            self.request.user, ["change"]
        ).filter(institution=self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        services = list(self.services) if self.services is not None else None
        context.update(
            entry=self.object,
            services=services,
            overdue_services=[s for s in services or [] if s.is_overdue],
            next_url=get_valid_next_url_from_request(self.request),
            cancel_url=get_valid_next_url_from_request(self.request) or self.edit_url,
            history_url=reverse(self.history_url_name, args=[quote(self.object.pk)]),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.services is not None and request.POST.get("scope") == "all":
            count = moderation.confirm_institution_with_services(
                self.object, self.services, user=request.user
            )
            message = ngettext(
                "“%(name)s” and its %(count)d service were confirmed as still true.",
                "“%(name)s” and its %(count)d services were confirmed as still true.",
                count,
            ) % {"name": self.object, "count": count}
        else:
            moderation.confirm_unchanged(self.object, user=request.user)
            message = gettext("“%(name)s” was confirmed as still true.") % {"name": self.object}
        verified = gettext("Verified on %(date)s.") % {
            "date": date_format(self.object.last_verified, "DATE_FORMAT")
        }
        messages.success(request, f"{message} {verified}")
        return redirect(get_valid_next_url_from_request(request) or self.edit_url)


class EditorsView(BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """Who may edit an institution. Outside the revisioned form: a moderator's decision
    that applies at once and is never part of an institution's own change."""

    model = Institution
    index_url_name = None
    edit_url_name = None
    template_name = "catalog/admin/editors.html"
    header_icon = "group"
    page_title = _("Institution editors")

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_editors(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    @cached_property
    def edit_url(self):
        return reverse(self.edit_url_name, args=[quote(self.object.pk)])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Institutions")},
            {"url": self.edit_url, "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    def get_form(self):
        if self.request.method == "POST":
            return InstitutionEditorsForm(self.request.POST)
        return InstitutionEditorsForm(initial={"editors": list(self.object.editors.all())})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context.update(entry=self.object, cancel_url=self.edit_url)
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        chosen = form.cleaned_data["editors"]
        # Editors outside the group keep their link (the group may be given back later);
        # only the listed accounts are set or unset here.
        listed = form.fields["editors"].queryset
        keep = self.object.editors.exclude(pk__in=listed.values("pk"))
        self.object.editors.set(list(keep) + list(chosen))
        log(self.object, moderation.EDITORS_ACTION, user=request.user, data={"count": len(chosen)})
        messages.success(
            request,
            gettext("Institution editors of “%(name)s” saved.") % {"name": self.object},
        )
        return redirect(self.edit_url)


# Viewsets ---------------------------------------------------------------------------------


class ScopedSnippetViewSet(SnippetViewSet):
    """Institutions and services: views, listing and chooser limited to what the user may
    reach; "nothing changed"; the duplicate warning."""

    index_view_class = CatalogIndexView
    edit_view_class = CatalogEditView
    add_view_class = DuplicateWarningCreateView
    chooser_viewset_class = ScopedChooserViewSet
    inspect_view_enabled = True
    search_backend_name = None  # plain icontains over search_fields, on every backend

    def construct_view(self, view_class, **kwargs):
        if hasattr(view_class, "get_object"):
            view_class = _scoped(view_class, ScopedObjectMixin, self.permission_policy)
        return super().construct_view(view_class, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            confirm_url_name=self.get_url_name("confirm"),
            **kwargs,
        )

    @property
    def chooser_viewset(self):
        return self.chooser_viewset_class(
            self.get_chooser_admin_url_namespace(),
            model=self.model,
            url_prefix=self.get_chooser_admin_base_path(),
            icon=self.icon,
            per_page=self.chooser_per_page,
            catalog_policy=self.permission_policy,
        )

    def get_queryset(self, request):
        return self.permission_policy.reachable_queryset(request.user).select_related(
            "gmina__parent__parent"
        )

    @property
    def confirm_view(self):
        return self.construct_view(
            ConfirmView,
            history_url_name=self.get_url_name("history"),
            edit_url_name=self.get_url_name("edit"),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("confirm/<str:pk>/", self.confirm_view, name="confirm"),
        ]


class InstitutionViewSet(ScopedSnippetViewSet):
    model = Institution
    permission_policy = institution_policy
    icon = "home"
    menu_label = _("Institutions")
    menu_name = "catalog-institutions"
    list_display = [
        "name",
        Column("type", label=_("Type"), accessor="get_type_display", sort_key="type"),
        Column("gmina", label=_("Gmina"), accessor=lambda i: place_label(i.gmina)),
        VerifiedColumn(),
    ]
    filterset_class = InstitutionFilterSet
    search_fields = ["name", "locality", "regon", "nip", "email"]
    list_export = ["name", "type", "regon", "nip", "locality", "email", "last_verified"]
    ordering = ["name"]
    list_per_page = 50
    copy_view_enabled = False

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("name"), FieldPanel("type"), FieldPanel("description")],
                heading=_("Institution"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("regon"), FieldPanel("krs"), FieldPanel("nip")])],
                heading=_("Identifiers"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
                    FieldPanel("gmina"),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                ],
                heading=_("Address"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("phone"),
                    FieldPanel("email"),
                    FieldPanel("website"),
                    FieldPanel("opening_hours"),
                ],
                heading=_("Contact"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("last_verified"),
                    FieldPanel("review_interval_days", permission=ROPS_ONLY),
                    FieldPanel("external_id", permission=ROPS_ONLY),
                    FieldPanel("is_demo", permission=ROPS_ONLY),
                ],
                heading=_("Review"),
            ),
        ],
    )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            editors_url_name=self.get_url_name("editors"), **kwargs
        )

    @property
    def editors_view(self):
        return self.construct_view(EditorsView, edit_url_name=self.get_url_name("edit"))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("editors/<str:pk>/", self.editors_view, name="editors"),
        ]


class ServiceViewSet(ScopedSnippetViewSet):
    model = Service
    permission_policy = service_policy
    icon = "list-ul"
    menu_label = _("Services and activities")
    menu_name = "catalog-services"
    list_display = [
        "name",
        Column("institution", label=_("Institution"), accessor="institution"),
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        VerifiedColumn(),
    ]
    filterset_class = ServiceFilterSet
    search_fields = ["name", "description", "institution__name", "locality"]
    list_export = ["name", "institution", "kind", "status", "last_verified"]
    ordering = ["name"]
    list_per_page = 50

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("institution"),
                    FieldPanel("name"),
                    FieldPanel("kind"),
                    FieldPanel("status"),
                    FieldPanel("description"),
                ],
                heading=_("Service or activity"),
            ),
            MultiFieldPanel(
                [FieldPanel("areas"), FieldPanel("target_groups")],
                heading=_("For whom"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("access"),
                    FieldPanel("referral_required"),
                    FieldPanel("referred_by"),
                    FieldPanel("cost"),
                    FieldPanel("languages"),
                    FieldPanel("step_free"),
                    FieldPanel("sign_language"),
                    FieldPanel("schedule"),
                ],
                heading=_("Access"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("coverage"),
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
                    FieldPanel("gmina"),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                ],
                heading=_("Where"),
                help_text=_("Leave the address empty when it is the institution's."),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("last_verified"),
                    FieldPanel("review_interval_days", permission=ROPS_ONLY),
                    FieldPanel("external_id", permission=ROPS_ONLY),
                    FieldPanel("is_demo", permission=ROPS_ONLY),
                ],
                heading=_("Review"),
            ),
        ],
        base_form_class=ServiceAdminForm,
    )

    def get_queryset(self, request):
        return (
            self.permission_policy.reachable_queryset(request.user)
            .select_related("institution")
            .defer("search_text")
        )


class TeamViewSet(SnippetViewSet):
    model = CooperationTeam
    icon = "group"
    menu_label = _("Cooperation teams")
    menu_name = "catalog-teams"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "name",
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("territory", label=_("Territory"), accessor="territory.name"),
        Column("coordinator", label=_("Coordinating institution"), accessor="coordinator"),
        "agreement_date",
    ]
    filterset_class = TeamFilterSet
    search_fields = ["name", "coordinator__name", "territory__name"]
    search_backend_name = None
    ordering = ["kind", "name"]

    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldPanel("name"),
            FieldPanel("territory"),
            FieldPanel("coordinator"),
            FieldPanel("agreement_date"),
            FieldPanel("description"),
            FieldPanel("is_demo"),
            InlinePanel(
                "members",
                heading=_("Member institutions"),
                label=_("Member"),
                panels=[FieldPanel("institution"), FieldPanel("role")],
            ),
        ]
    )

    def get_queryset(self, request):
        return CooperationTeam.objects.select_related("territory", "coordinator")


class SynonymViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "resubmit"
    menu_label = _("Synonym groups")
    menu_name = "catalog-synonyms"
    copy_view_enabled = False
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]
    search_backend_name = None
    panels = [FieldPanel("terms"), FieldPanel("note")]


class ZeroResultViewSet(SnippetViewSet):
    """Read-only: rows are written by the public search, one per day and query."""

    model = ZeroResultSearch
    icon = "search"
    menu_label = _("Searches without results")
    menu_name = "catalog-zero-results"
    permission_policy = ReadOnlyPolicy(ZeroResultSearch)
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "query",
        "day",
        Column("area", label=_("Problem area"), accessor=lambda row: area_label(row.area)),
        "teryt",
        "count",
    ]
    list_filter = ["day"]
    search_fields = ["query", "teryt"]
    search_backend_name = None
    ordering = ["-day", "-count"]
    list_export = ["day", "query", "area", "teryt", "count"]


class CatalogViewSetGroup(SnippetViewSetGroup):
    menu_label = _("List of services")
    menu_icon = "list-ul"
    menu_name = "catalog"
    menu_order = 250

    def __init__(self):
        from catalog.reports import GapReportViewSet

        self.items = (
            InstitutionViewSet,
            ServiceViewSet,
            TeamViewSet,
            SynonymViewSet,
            ZeroResultViewSet,
            GapReportViewSet,
        )
        super().__init__()
