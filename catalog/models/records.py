"""Institutions, their services and activities, and the cooperation teams.

Institutions and services are Wagtail snippets with drafts, revisions and the moderation
workflow: an institution editor's change is saved as a revision and reaches the public
list only when a ROPS moderator publishes it. Public views read live rows only."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from catalog.codes import (
    Cost,
    InstitutionType,
    ProblemArea,
    ServiceKind,
    ServiceStatus,
    TargetGroup,
    TeamKind,
)
from catalog.fields import CodeListField

DEFAULT_REVIEW_DAYS = 365

digits = {
    "regon": RegexValidator(r"^(\d{9}|\d{14})$", _("REGON has 9 or 14 digits.")),
    "krs": RegexValidator(r"^\d{10}$", _("KRS number has 10 digits.")),
    "nip": RegexValidator(r"^\d{10}$", _("NIP has 10 digits (without dashes).")),
    "postal_code": RegexValidator(r"^\d{2}-\d{3}$", _("Postal code looks like 26-001.")),
}


class Place(models.Model):
    """Address, TERYT gmina and coordinates, shared by institutions and services."""

    address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"), max_length=6, blank=True, validators=[digits["postal_code"]]
    )
    locality = models.CharField(_("locality"), max_length=100, blank=True)
    gmina = models.ForeignKey(
        "catalog.Territory",
        verbose_name=_("gmina (TERYT)"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "gmina"},
        null=True,
        blank=True,
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        abstract = True

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class Freshness(models.Model):
    """When an entry was last confirmed as true, and how often it must be."""

    last_verified = models.DateField(_("last verified"), null=True, blank=True, db_index=True)
    review_interval_days = models.PositiveIntegerField(
        _("review interval (days)"), default=DEFAULT_REVIEW_DAYS
    )

    class Meta:
        abstract = True

    @property
    def review_due(self):
        if self.last_verified is None:
            return None
        return self.last_verified + timedelta(days=self.review_interval_days)

    @property
    def is_overdue(self):
        due = self.review_due
        return due is None or due < timezone.localdate()


class Institution(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    Place,
    Freshness,
    ClusterableModel,
):
    name = models.CharField(_("name"), max_length=255)
    type = models.CharField(
        _("type"), max_length=24, choices=InstitutionType.choices, db_index=True
    )
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[digits["regon"]])
    krs = models.CharField(_("KRS"), max_length=10, blank=True, validators=[digits["krs"]])
    nip = models.CharField(_("NIP"), max_length=10, blank=True, validators=[digits["nip"]])
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # Users who may edit this institution and its services (institution editors). Set by
    # moderators and administrators, never by the institution itself, so it is kept out of
    # the revisioned form.
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("institution editors"),
        related_name="edited_institutions",
        blank=True,
    )
    external_id = models.CharField(
        _("identifier in imports"), max_length=64, unique=True, null=True, blank=True
    )
    is_demo = models.BooleanField(_("demo entry (invented data)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self):
        return self.name


class Service(
    index.Indexed,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    Place,
    Freshness,
    ClusterableModel,
):
    """A service or activity of one institution. The place fields, when empty, are the
    institution's; `coverage` is the set of TERYT units it serves (a powiat-wide service
    lists the powiat and so covers every gmina in it)."""

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="services",
    )
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(
        _("service or activity"),
        max_length=10,
        choices=ServiceKind.choices,
        default=ServiceKind.SERVICE,
    )
    areas = CodeListField(_("problem areas"), code_choices=ProblemArea.choices)
    target_groups = CodeListField(_("target groups"), code_choices=TargetGroup.choices)
    description = models.TextField(_("description"), blank=True)
    access = models.TextField(_("how to access it"), blank=True)
    referral_required = models.BooleanField(_("referral needed"), default=False)
    referred_by = models.CharField(_("who refers"), max_length=255, blank=True)
    cost = models.CharField(_("cost"), max_length=8, choices=Cost.choices, default=Cost.FREE)
    languages = models.CharField(_("languages"), max_length=120, blank=True, default="polski")
    step_free = models.BooleanField(_("step-free access"), default=False)
    sign_language = models.BooleanField(_("Polish Sign Language available"), default=False)
    coverage = ParentalManyToManyField(
        "catalog.Territory",
        verbose_name=_("area covered"),
        related_name="covering_services",
        blank=True,
        help_text=_(
            "Voivodeships, powiats or gminas the service is for. A powiat covers all its "
            "gminas. Empty: the gmina where it is delivered."
        ),
    )
    # `|26|2601|2601011|`: the codes of `coverage` (or of the place's gmina), kept in the row
    # so that a territory filter is one LIKE on every backend. Written by refresh_coverage().
    coverage_codes = models.TextField(editable=False, blank=True, default="", db_index=False)
    schedule = models.TextField(_("when"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ServiceStatus.choices,
        default=ServiceStatus.ACTIVE,
        db_index=True,
    )
    # Normalised words (diacritics folded, Polish endings stripped, synonym groups marked)
    # for search; written by catalog.search on save.
    search_text = models.TextField(editable=False, blank=True, default="")
    # The same fields as plain text (name first), for search engines that analyse text
    # themselves: PostgreSQL's full-text search (catalog/search_postgresql.py).
    search_document = models.TextField(editable=False, blank=True, default="")
    external_id = models.CharField(
        _("identifier in imports"), max_length=64, unique=True, null=True, blank=True
    )
    is_demo = models.BooleanField(_("demo entry (invented data)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service or activity")
        verbose_name_plural = _("services and activities")

    def __str__(self):
        return self.name

    # The search engine's document (Elasticsearch: catalog/search_elasticsearch.py builds
    # the queries; `update_index` fills it). Texts are the name and everything else a
    # visitor may type (search_body); the filters are those of the catalog page.
    search_fields = [
        index.SearchField("name"),
        index.SearchField("search_body"),
        index.FilterField("id"),
        index.FilterField("institution"),
        index.FilterField("live"),
        index.FilterField("status"),
        index.FilterField("cost"),
        index.FilterField("areas"),
        index.FilterField("target_groups"),
        index.FilterField("last_verified"),
        index.FilterField("search_institution_type"),
        index.FilterField("search_institution_live", es_extra={"type": "boolean"}),
        index.FilterField("search_coverage"),
        index.FilterField("search_sort_name"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.select_related(
            "institution", "gmina", "institution__gmina"
        ).prefetch_related("coverage")

    def search_body(self):
        from catalog.search import document_body

        return document_body(self)

    def search_institution_type(self):
        return self.institution.type

    def search_institution_live(self):
        return self.institution.live

    def search_coverage(self):
        from catalog.search import coverage_list

        return coverage_list(self.coverage_codes)

    def search_sort_name(self):
        from catalog.polish import sort_key

        return sort_key(self.name)

    @property
    def place_gmina(self):
        return self.gmina if self.gmina_id else self.institution.gmina

    def coverage_code_list(self):
        codes = sorted(t.code for t in self.coverage.all())
        if not codes:
            gmina_id = self.gmina_id or self.institution.gmina_id
            if gmina_id:
                from catalog.models import Territory

                codes = [Territory.objects.values_list("code", flat=True).get(pk=gmina_id)]
        return codes

    def refresh_coverage(self):
        codes = self.coverage_code_list()
        self.coverage_codes = f"|{'|'.join(codes)}|" if codes else ""
        return self.coverage_codes


class CooperationTeam(ClusterableModel):
    """A partner cooperation team (PZK) of a gmina and its powiat, or the voivodeship
    team (WZK)."""

    kind = models.CharField(_("kind"), max_length=3, choices=TeamKind.choices)
    name = models.CharField(_("name"), max_length=255)
    territory = models.ForeignKey(
        "catalog.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="cooperation_teams",
    )
    coordinator = models.ForeignKey(
        Institution,
        verbose_name=_("coordinating institution"),
        on_delete=models.PROTECT,
        related_name="coordinated_teams",
    )
    agreement_date = models.DateField(_("agreement signed on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_demo = models.BooleanField(_("demo entry (invented data)"), default=False)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("cooperation team")
        verbose_name_plural = _("cooperation teams")

    def __str__(self):
        return self.name


class TeamMember(Orderable):
    team = ParentalKey(CooperationTeam, related_name="members", on_delete=models.CASCADE)
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="team_memberships",
    )
    role = models.CharField(
        _("role in the team"),
        max_length=255,
        blank=True,
        help_text=_("e.g. leader, member, expert"),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["team", "institution"], name="unique_team_member")
        ]
