"""The privacy register: every model that holds personal data, what it holds, why, on which
legal basis, for how long and who can see it, in one place.

It is also the one place that knows the apps for a data subject's rights: each entry names
the section of the person's download where its records appear (`section`), how the records
of a person are found (`subject`), what of them goes into the download (`export`) and what
erasure does to them (`on_erase`). privacy.subject reads it; the admin shows it
(privacy.views); tests/trust/test_privacy_register.py walks every installed model and
fails when one with personal-looking fields is missing here, or an entry names a field
that does not exist.

Sections with bespoke rules (the account itself, the e-School, the records of support)
name the functions that build and erase them in SECTIONS; the others are built from the
entries alone."""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# What erasure does to a person's rows of a model.
KEEP = "keep"  # the row stays, pointing at the anonymised account or register row
DELETE = "delete"  # the person's rows are deleted
SECTION = "section"  # the section's own eraser decides (see SECTIONS)
NOT_PERSONAL = "not_personal"  # nothing of a person to erase

ON_ERASE_LABELS = {
    KEEP: _("Kept for the counts and the history; the name goes with the account"),
    DELETE: _("Deleted"),
    SECTION: _("Anonymised by the app's own rules (see the purpose)"),
    NOT_PERSONAL: _("Nothing to erase"),
}

# Legal bases (GDPR, Article 6(1)) --------------------------------------------------------

ACCOUNT_TERMS = _("Art. 6(1)(b) GDPR: the terms of the account the person opened")
PUBLIC_TASK = _(
    "Art. 6(1)(e) GDPR: a task in the public interest, the support of cooperation between "
    "social assistance and other institutions"
)
EU_PROJECT = _(
    "Art. 6(1)(c) and (e) GDPR: the public task, and the duty to document the support given "
    "in EU-funded projects for audit"
)
SECURITY = _("Art. 6(1)(c) with Art. 32 GDPR: the controller's duty to secure the processing")
ACCOUNTABILITY = _(
    "Art. 6(1)(c) with Art. 5(2) GDPR: the duty to show who processed the data and how"
)
NO_BASIS_NEEDED = _("None needed: no personal data")

# Who can see it ------------------------------------------------------------------------

SELF_AND_SUPERUSERS = _("The person (My data) and superusers")
SELF_COORDINATORS = _("The person, coordinators and superusers")
COACH_ONLY = _(
    "The coach or supervisor; shared notes and conclusions also the coachees and team "
    "members; a superuser only through the audited reading; private notes nobody but the coach"
)
EDITORS = _("Editors, moderators and superusers in the admin")
SUPERUSERS = _("Superusers only")
PUBLIC = _("Everyone (published)")


# Retention -------------------------------------------------------------------------------


def _project_years():
    years = settings.SCHOOL_PERSONAL_DATA_RETENTION_YEARS
    return ngettext(
        "Until %(years)d year after the end of the project the records belong to "
        "(SCHOOL_PERSONAL_DATA_RETENTION_YEARS); then purge_personal_data erases the "
        "person, keeping the anonymous counts and hours",
        "Until %(years)d years after the end of the project the records belong to "
        "(SCHOOL_PERSONAL_DATA_RETENTION_YEARS); then purge_personal_data erases the "
        "person, keeping the anonymous counts and hours",
        years,
    ) % {"years": years}


def _security_log_days():
    days = security_log_days()
    return ngettext(
        "%(days)d day (PRIVACY_SECURITY_LOG_DAYS), then purge_security_logs deletes them; "
        "at once when the account is erased",
        "%(days)d days (PRIVACY_SECURITY_LOG_DAYS), then purge_security_logs deletes them; "
        "at once when the account is erased",
        days,
    ) % {"days": days}


def _audit_years():
    years = audit_log_years()
    return ngettext(
        "%(years)d year (PRIVACY_AUDIT_LOG_YEARS), then purge_security_logs deletes them",
        "%(years)d years (PRIVACY_AUDIT_LOG_YEARS), then purge_security_logs deletes them",
        years,
    ) % {"years": years}


def _session_age():
    days = max(1, settings.SESSION_COOKIE_AGE // 86400)
    return ngettext(
        "Until logout, or at most %(days)d day (SESSION_COOKIE_AGE); at once when the "
        "account is erased",
        "Until logout, or at most %(days)d days (SESSION_COOKIE_AGE); at once when the "
        "account is erased",
        days,
    ) % {"days": days}


def security_log_days():
    return int(getattr(settings, "PRIVACY_SECURITY_LOG_DAYS", 90))


def audit_log_years():
    return int(getattr(settings, "PRIVACY_AUDIT_LOG_YEARS", 5))


PROJECT_YEARS = lazy(_project_years, str)()
SECURITY_LOG_DAYS = lazy(_security_log_days, str)()
AUDIT_YEARS = lazy(_audit_years, str)()
SESSION_AGE = lazy(_session_age, str)()
WITH_ACCOUNT = _("As long as the account exists; anonymised when it is erased")
WITH_CONTENT = _(
    "As long as the content exists (its editorial history); the name goes when the account "
    "is erased"
)
WHILE_PUBLISHED = _("As long as the image or page is published (the licence asks for the credit)")
NOT_KEPT = _("Nothing personal is kept")


# Entries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    model: str  # app_label.ModelName
    fields: tuple  # the fields holding personal data
    purpose: str
    basis: str
    retention: str
    access: str
    section: str = ""  # the section of the download where a person finds these records
    # How a person's rows are found: names of relations to the account, or a callable
    # user -> Q. Empty when the section's own functions find them.
    subject: tuple | object = ()
    export: tuple = ()  # the values of a person's rows that go into the download
    on_erase: str = KEEP
    personal: bool = True

    def get_model(self):
        return apps.get_model(self.model)

    def subject_filter(self, user):
        if callable(self.subject):
            return self.subject(user)
        condition = Q()
        for name in self.subject:
            condition |= Q(**{name: user})
        return condition

    @property
    def on_erase_label(self):
        return ON_ERASE_LABELS[self.on_erase]


def _by_login_name(user):
    """django-axes logs the name typed at login, which is the username or the e-mail."""
    names = {name for name in (user.get_username(), user.email) if name}
    condition = Q(pk__in=[])
    for name in names:
        condition |= Q(username__iexact=name)
    return condition


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    # Dotted paths of func(user) -> JSON-ready data and func(user) -> None; without them
    # the section is built from its entries (see privacy.subject).
    export: str = ""
    erase: str = ""


SECTIONS = [
    Section("profile", _("Account"), export="portal.accounts.personal_data.profile"),
    Section(
        "school",
        _("e-School: enrolments, progress, quizzes, certificates"),
        export="school.learning_data.school_records",
        erase="school.learning_data.erase_school_records",
    ),
    Section(
        "support",
        _("Trainings, attendance, coaching and supervision"),
        export="school.privacy.support_records",
        erase="school.privacy.erase_support_records",
    ),
    Section("catalog", _("Catalog of services")),
    Section("activity", _("Work in the admin")),
    Section("security", _("Logins, two-factor devices and sessions")),
]

ENTRIES = [
    # Accounts ----------------------------------------------------------------------------
    Entry(
        "portal.User",
        (
            "username",
            "email",
            "first_name",
            "last_name",
            "position",
            "institution",
            "institution_name",
            "gmina",
            "last_login",
            "date_joined",
            "groups",
        ),
        _(
            "The account: logging in, the e-School, the roles of the people who run the "
            "portal; the place of work for the reports by gmina and institution"
        ),
        ACCOUNT_TERMS,
        WITH_ACCOUNT,
        _("The person (profile, My data) and superusers; coordinators see their learners"),
        section="profile",
        on_erase=SECTION,
    ),
    Entry(
        "wagtailusers.UserProfile",
        ("user", "avatar", "preferred_language", "current_time_zone"),
        _("The admin's preferences and avatar of a person who works in the admin"),
        ACCOUNT_TERMS,
        WITH_ACCOUNT,
        SELF_AND_SUPERUSERS,
        section="activity",
        subject=("user",),
        export=("preferred_language", "current_time_zone", "theme"),
        # The account's eraser deletes it, with the avatar's file.
        on_erase=SECTION,
    ),
    # e-School ----------------------------------------------------------------------------
    Entry(
        "school.Enrolment",
        ("user", "enrolled_by", "enrolled_at", "status", "completed_at", "last_activity_at"),
        _("Taking a course of the e-School and the course's completion"),
        EU_PROJECT,
        PROJECT_YEARS,
        SELF_COORDINATORS,
        section="school",
        on_erase=SECTION,
    ),
    Entry(
        "school.LessonProgress",
        ("enrolment", "read_at", "completed_at"),
        _("Which lessons a learner read and completed, for the course's completion"),
        EU_PROJECT,
        PROJECT_YEARS,
        SELF_COORDINATORS,
        section="school",
        on_erase=KEEP,
    ),
    Entry(
        "school.QuizAttempt",
        ("enrolment", "answers", "score", "passed", "submitted_at"),
        _("A learner's answers to a quiz and the result, for the course's completion"),
        EU_PROJECT,
        PROJECT_YEARS,
        _("The person and superusers; coordinators see whether a quiz was passed"),
        section="school",
        on_erase=KEEP,
    ),
    Entry(
        "school.Certificate",
        ("enrolment", "learner_name", "issued_on", "revoked_at", "revoked_reason"),
        _("The certificate of a completed course and its public verification"),
        EU_PROJECT,
        PROJECT_YEARS,
        _("The person, coordinators, superusers; anyone with the code sees it is valid"),
        section="school",
        on_erase=SECTION,
    ),
    Entry(
        "school.CertificateEvent",
        ("by", "note"),
        _("The history of a certificate: issued, revoked, restored, and by whom"),
        EU_PROJECT,
        PROJECT_YEARS,
        _("Coordinators and superusers"),
        section="school",
        on_erase=SECTION,
    ),
    Entry(
        "school.Cohort",
        ("members", "coordinators"),
        _("The groups of learners taught together and who coordinates them"),
        PUBLIC_TASK,
        WITH_ACCOUNT,
        _("The group's coordinators and superusers"),
        section="school",
        on_erase=SECTION,
    ),
    # Records of support ------------------------------------------------------------------
    Entry(
        "school.Person",
        ("first_name", "last_name", "email", "user", "position", "institution_name"),
        _(
            "The participant register: one row per professional supported at trainings, "
            "coaching and supervision, with or without an account"
        ),
        EU_PROJECT,
        PROJECT_YEARS,
        _("Coordinators and superusers; the person through My data"),
        section="support",
        on_erase=SECTION,
    ),
    Entry(
        "school.TrainingEvent",
        ("trainers", "created_by"),
        _("Trainings and who taught them, for the reports of delivered hours"),
        EU_PROJECT,
        PROJECT_YEARS,
        _("Coordinators and superusers; trainers' names on the public list of trainings"),
        section="support",
        on_erase=SECTION,
    ),
    Entry(
        "school.Registration",
        ("person", "status", "registered_at"),
        _("Signing up for a training"),
        EU_PROJECT,
        PROJECT_YEARS,
        SELF_COORDINATORS,
        section="support",
        on_erase=SECTION,
    ),
    Entry(
        "school.Attendance",
        ("person", "hours", "recorded_at"),
        _("Presence at a training day and its hours, for the reports to the funding body"),
        EU_PROJECT,
        PROJECT_YEARS,
        SELF_COORDINATORS,
        section="support",
        on_erase=SECTION,
    ),
    Entry(
        "school.CoachingSession",
        ("coach", "coachees", "topic", "goals", "shared_notes", "private_notes"),
        _(
            "Coaching: who coached whom and for how long (reports count the hours); the "
            "notes support the coaching and are confidential"
        ),
        EU_PROJECT,
        PROJECT_YEARS,
        COACH_ONLY,
        section="support",
        on_erase=SECTION,
    ),
    Entry(
        "school.SupervisionSession",
        ("supervisor", "members", "team_name", "conclusions"),
        _(
            "Supervision of cooperation teams: hours for the reports; the conclusions are "
            "confidential"
        ),
        EU_PROJECT,
        PROJECT_YEARS,
        COACH_ONLY,
        section="support",
        on_erase=SECTION,
    ),
    Entry(
        "school.SupervisionMember",
        ("person", "consented", "consent_recorded_at", "consent_recorded_by"),
        _("Who took part in a supervision and whether they consented to the audited reading"),
        EU_PROJECT,
        PROJECT_YEARS,
        COACH_ONLY,
        section="support",
        on_erase=SECTION,
    ),
    # Catalog -----------------------------------------------------------------------------
    Entry(
        "catalog.Institution",
        ("editors", "email", "phone", "locked_by"),
        _(
            "An institution's public contact details (the institution's, not a person's), and "
            "the accounts allowed to edit its entries"
        ),
        PUBLIC_TASK,
        _("Contact details while published; an editor's right until removed or erased"),
        _("Contact details: everyone; editors: the institution's editors and superusers"),
        section="catalog",
        subject=("editors",),
        export=("id", "name"),
        # The account's eraser takes the right away; the institution stays.
        on_erase=SECTION,
    ),
    Entry(
        "catalog.Service",
        ("locked_by",),
        _("Who holds the lock on a service entry being edited"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="catalog",
        subject=("locked_by",),
        export=("id", "name", "locked_at"),
        on_erase=KEEP,
    ),
    Entry(
        "catalog.ZeroResultSearch",
        ("query",),
        _(
            "Searches of the catalog that found nothing, counted per day, to fill the gaps. "
            "No personal data: no account, address, session or time of day is stored with a "
            "query, and numbers and e-mail addresses are taken out of it before it is counted"
        ),
        NO_BASIS_NEEDED,
        NOT_KEPT,
        _("Editors and superusers (report of unmet searches)"),
        on_erase=NOT_PERSONAL,
        personal=False,
    ),
    # Content and the admin ---------------------------------------------------------------
    Entry(
        "wagtailcore.Page",
        ("owner", "locked_by"),
        _("Who created a page and who holds its lock while editing"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("owner", "locked_by"),
        export=("id", "title", "first_published_at"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtailcore.Revision",
        ("user", "object_str", "content"),
        _("The editorial history: every saved version and who saved it"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("user",),
        export=("base_content_type__model", "object_id", "created_at"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtailcore.PageLogEntry",
        ("user", "label"),
        _("The history of pages: who published, moved or deleted what, and when"),
        ACCOUNTABILITY,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("user",),
        export=("action", "page_id", "timestamp"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtailcore.ModelLogEntry",
        ("user", "label", "data"),
        _(
            "The history of records edited in the admin (snippets, the register, sessions), "
            "who did it and when"
        ),
        ACCOUNTABILITY,
        WITH_CONTENT,
        _("Superusers, and editors of each record's own history"),
        section="activity",
        subject=("user",),
        export=("action", "content_type__model", "object_id", "timestamp"),
        on_erase=KEEP,
    ),
    Entry(
        "admin.LogEntry",
        ("user", "object_repr"),
        _("Django's own admin history (unused by the portal's editors)"),
        ACCOUNTABILITY,
        WITH_CONTENT,
        SUPERUSERS,
        section="activity",
        subject=("user",),
        export=("action_flag", "content_type__model", "object_id", "action_time"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtailcore.Comment",
        ("user", "text", "resolved_by"),
        _("Editors' comments on a page while it is being prepared"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("user",),
        export=("page_id", "text", "created_at"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtailcore.CommentReply",
        ("user", "text"),
        _("Replies to editors' comments"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("user",),
        export=("comment_id", "text", "created_at"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtailcore.PageSubscription",
        ("user",),
        _("Notifications of comments on a page a person follows"),
        ACCOUNT_TERMS,
        WITH_ACCOUNT,
        SELF_AND_SUPERUSERS,
        section="activity",
        subject=("user",),
        export=("page_id", "comment_notifications"),
        on_erase=DELETE,
    ),
    Entry(
        "wagtailcore.WorkflowState",
        ("requested_by",),
        _("Who sent a page for moderation"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("requested_by",),
        export=("base_content_type__model", "object_id", "status", "created_at"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtailcore.TaskState",
        ("finished_by", "comment"),
        _("Who approved or rejected a page in moderation, with their comment"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("finished_by",),
        export=("status", "finished_at", "comment"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtailcore.UploadedFile",
        ("uploaded_by_user",),
        _("A file being uploaded in the admin, until it is saved as an image or document"),
        PUBLIC_TASK,
        WITH_ACCOUNT,
        EDITORS,
        section="activity",
        subject=("uploaded_by_user",),
        export=("id",),
        on_erase=DELETE,
    ),
    Entry(
        "wagtailadmin.EditingSession",
        ("user", "last_seen_at"),
        _("Who else is editing the same page now (a warning to editors)"),
        PUBLIC_TASK,
        _("Minutes: Wagtail removes stale ones; at once when the account is erased"),
        EDITORS,
        section="activity",
        subject=("user",),
        export=("content_type__model", "object_id", "last_seen_at"),
        on_erase=DELETE,
    ),
    Entry(
        "wagtailadmin.FormState",
        ("user", "data"),
        _("An unsaved form in the admin kept for its author"),
        PUBLIC_TASK,
        WITH_ACCOUNT,
        _("The author only"),
        section="activity",
        subject=("user",),
        export=("content_type__model", "object_id", "last_updated_at"),
        on_erase=DELETE,
    ),
    Entry(
        "wagtail_localize.StringTranslation",
        ("last_translated_by",),
        _("Who last translated a piece of text"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("last_translated_by",),
        export=("locale__language_code", "updated_at"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtail_localize.SegmentOverride",
        ("last_translated_by",),
        _("Who last overrode a translated field"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("last_translated_by",),
        export=("locale__language_code", "updated_at"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtailimages.Image",
        ("uploaded_by_user",),
        _("Who uploaded an image (Wagtail's default image model, unused)"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("uploaded_by_user",),
        export=("id", "title", "created_at"),
        on_erase=KEEP,
    ),
    Entry(
        "portal.CustomImage",
        ("uploaded_by_user", "author"),
        _("Who uploaded an image; the author credited as the licence asks"),
        PUBLIC_TASK,
        WHILE_PUBLISHED,
        _("Uploader: editors; author: everyone"),
        section="activity",
        subject=("uploaded_by_user",),
        export=("id", "title", "created_at"),
        on_erase=KEEP,
    ),
    Entry(
        "wagtaildocs.Document",
        ("uploaded_by_user",),
        _("Who uploaded a document"),
        PUBLIC_TASK,
        WITH_CONTENT,
        EDITORS,
        section="activity",
        subject=("uploaded_by_user",),
        export=("id", "title", "created_at"),
        on_erase=KEEP,
    ),
    Entry(
        "portal.GalleryPhoto",
        ("author",),
        _("The author of a photo in a gallery, credited as the licence asks"),
        PUBLIC_TASK,
        WHILE_PUBLISHED,
        PUBLIC,
        on_erase=NOT_PERSONAL,
    ),
    Entry(
        "portal.GoodPracticePhoto",
        ("author",),
        _("The author of a photo of a good practice, credited as the licence asks"),
        PUBLIC_TASK,
        WHILE_PUBLISHED,
        PUBLIC,
        on_erase=NOT_PERSONAL,
    ),
    Entry(
        "news.NewsPhoto",
        ("author",),
        _("The author of a photo in a news item, credited as the licence asks"),
        PUBLIC_TASK,
        WHILE_PUBLISHED,
        PUBLIC,
        on_erase=NOT_PERSONAL,
    ),
    Entry(
        "wagtailembeds.Embed",
        ("author_name",),
        _("The author of an embedded video, as its provider publishes it"),
        PUBLIC_TASK,
        WHILE_PUBLISHED,
        PUBLIC,
        on_erase=NOT_PERSONAL,
    ),
    Entry(
        "portal.SiteSettings",
        ("email", "phone", "data_protection_officer", "data_protection_email"),
        _(
            "The institution's own contact details in the footer, and the data protection "
            "officer named in the information clauses, as the GDPR requires"
        ),
        _("Art. 6(1)(c) GDPR: the duty to name the data protection officer (Art. 13 and 37)"),
        WHILE_PUBLISHED,
        PUBLIC,
        on_erase=NOT_PERSONAL,
    ),
    Entry(
        "wagtailforms.FormSubmission",
        ("form_data",),
        _(
            "Answers sent through form pages. The portal has no form page type, so none are "
            "stored; an app adding one must add its own entry"
        ),
        NO_BASIS_NEEDED,
        NOT_KEPT,
        SUPERUSERS,
        on_erase=NOT_PERSONAL,
        personal=False,
    ),
    # Security ----------------------------------------------------------------------------
    Entry(
        "axes.AccessAttempt",
        ("username", "ip_address", "user_agent", "get_data", "post_data", "attempt_time"),
        _("Failed logins counted to stop password guessing (passwords are never stored)"),
        SECURITY,
        _("Until the lock ends (AXES_COOLOFF_TIME) or the next successful login"),
        SUPERUSERS,
        section="security",
        subject=_by_login_name,
        export=("attempt_time", "ip_address", "user_agent", "failures_since_start"),
        on_erase=DELETE,
    ),
    Entry(
        "axes.AccessLog",
        ("username", "ip_address", "user_agent", "attempt_time", "logout_time"),
        _("Successful logins and logouts, to trace a break-in"),
        SECURITY,
        SECURITY_LOG_DAYS,
        SUPERUSERS,
        section="security",
        subject=_by_login_name,
        export=("attempt_time", "logout_time", "ip_address", "user_agent", "path_info"),
        on_erase=DELETE,
    ),
    Entry(
        "axes.AccessFailureLog",
        ("username", "ip_address", "user_agent", "attempt_time"),
        _("Every failed login, to trace password guessing"),
        SECURITY,
        SECURITY_LOG_DAYS,
        SUPERUSERS,
        section="security",
        subject=_by_login_name,
        export=("attempt_time", "ip_address", "user_agent", "locked_out"),
        on_erase=DELETE,
    ),
    Entry(
        "otp_totp.TOTPDevice",
        ("user", "name", "key"),
        _("The authenticator app of a person with a role in the admin (two-factor login)"),
        SECURITY,
        _("Until the person removes it or the account is erased"),
        _("The person sees the device's name; the key never leaves the server"),
        section="security",
        subject=("user",),
        # Names and dates only: the key is the second factor itself.
        export=("name", "confirmed", "created_at", "last_used_at"),
        on_erase=DELETE,
    ),
    Entry(
        "otp_static.StaticDevice",
        ("user", "name"),
        _("The one-time backup codes of a person with two-factor login"),
        SECURITY,
        _("Until the person removes it or the account is erased"),
        _("The person sees the device's name; the codes are shown once"),
        section="security",
        subject=("user",),
        export=("name", "confirmed", "created_at", "last_used_at"),
        on_erase=DELETE,
    ),
    Entry(
        "sessions.Session",
        ("session_data",),
        _("Keeping a person logged in; the language and the cookie choices of a visitor"),
        SECURITY,
        SESSION_AGE,
        _("Nobody reads it; the server only"),
        section="security",
        on_erase=SECTION,
    ),
    Entry(
        "privacy.AuditEntry",
        ("user", "at"),
        _(
            "Who read confidential notes or exported personal data, and when (never the "
            "content), so that each reading can be accounted for"
        ),
        ACCOUNTABILITY,
        AUDIT_YEARS,
        SUPERUSERS,
        section="security",
        subject=("user",),
        export=("at", "kind", "action", "model_label", "object_pk"),
        on_erase=KEEP,
    ),
]

# Entries of models that other parts of the portal add as they grow; an entry counts
# only while its model is installed (entries()).
OPTIONAL_ENTRIES = [
    Entry(
        "security.UserSession",
        ("user", "session_key", "created_at"),
        _("The logged-in sessions of an account, so that it can log out everywhere"),
        SECURITY,
        SESSION_AGE,
        _("Nobody reads it; the server only"),
        section="security",
        subject=("user",),
        export=("created_at",),
        on_erase=DELETE,
    ),
    Entry(
        "portal.AccessibilityStatementPage",
        ("contact_person", "contact_email", "contact_phone", "procedure_notes"),
        _(
            "The contact for accessibility requests in the accessibility statement, as the "
            "law requires it to be published (usually an office's address)"
        ),
        _("Art. 6(1)(c) GDPR: the duty to publish an accessibility statement"),
        WHILE_PUBLISHED,
        PUBLIC,
        on_erase=NOT_PERSONAL,
    ),
]


def _installed(entry):
    try:
        entry.get_model()
    except LookupError:
        return False
    return True


def entries():
    """Every entry whose model is installed (the optional security model may not be)."""
    return [entry for entry in [*ENTRIES, *OPTIONAL_ENTRIES] if _installed(entry)]


def entry_for(label):
    for entry in entries():
        if entry.model.lower() == label.lower():
            return entry
    return None


def sections():
    return list(SECTIONS)


def section_functions(section):
    export = import_string(section.export) if section.export else None
    erase = import_string(section.erase) if section.erase else None
    return export, erase
