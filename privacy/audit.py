"""Recording reads of confidential records and exports of personal data (privacy.models).

Every view that shows a confidential note or hands out a file with personal data calls
`record` once, after the permission check and before the response: who, when, which kind,
which records (model label and number). Never the content, nor the filters typed (a search
for a name would be a name)."""

from privacy.models import AuditEntry, AuditKind

READ_CONFIDENTIAL = AuditKind.READ_CONFIDENTIAL
EXPORT = AuditKind.EXPORT
PERSONAL_DATA_DOWNLOAD = AuditKind.PERSONAL_DATA_DOWNLOAD
ERASE = AuditKind.ERASE


def _label(target):
    if isinstance(target, str):
        return target
    return target._meta.label


def record(user, kind, target, *, action, pk=None):
    """`target` is a model instance (its label and pk are taken), or a model class or a
    label for a list of records; `action` names what was done, e.g. "school.reports.xlsx"."""
    if kind not in AuditKind.values:
        raise ValueError(f"Unknown audit kind {kind!r}")
    if pk is None and hasattr(target, "_meta") and not isinstance(target, type):
        pk = target.pk
    actor = user if user is not None and user.is_authenticated else None
    return AuditEntry.objects.create(
        user=actor,
        kind=kind,
        action=action,
        model_label=_label(target),
        object_pk="" if pk is None else str(pk),
    )
