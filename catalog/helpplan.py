"""The help plan: a social worker's list of services for one case, kept in the session,
ordered by hand, printed, saved as a PDF or shared as a read-only link (HelpPlan).

By design it holds service ids and nothing else: no name, note, date of birth or anything
about the person or family it is for, so that neither the session, the database nor a
shared link can carry data about a client."""

import io
from xml.sax.saxutils import escape  # nosec B406 # escape() writes XML text; nothing is parsed

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from catalog.codes import Cost
from catalog.search import public_services
from portal.pdf import register_fonts, set_metadata

SESSION_KEY = "catalog_help_plan"
MAX_ITEMS = 30


def services_in_order(ids):
    """The public services of `ids` in that order, in one query, and how many of the ids
    are no longer public (withdrawn, ended or deleted since they were added)."""
    ids = [service_id for service_id in ids if isinstance(service_id, int)]
    found = {
        service.pk: service
        for service in public_services()
        .filter(pk__in=ids)
        .select_related("institution", "gmina", "institution__gmina")
    }
    services = [found[service_id] for service_id in ids if service_id in found]
    return services, len(ids) - len(services)


class SessionPlan:
    """The plan being made, in the visitor's session (ids only)."""

    def __init__(self, request):
        self.session = request.session
        stored = self.session.get(SESSION_KEY, [])
        self.ids = [value for value in stored if isinstance(value, int)][:MAX_ITEMS]

    def _save(self):
        self.session[SESSION_KEY] = self.ids

    def __len__(self):
        return len(self.ids)

    def add(self, service_id):
        """False when it is there already or the plan is full."""
        if service_id in self.ids or len(self.ids) >= MAX_ITEMS:
            return False
        self.ids.append(service_id)
        self._save()
        return True

    def remove(self, service_id):
        if service_id not in self.ids:
            return False
        self.ids.remove(service_id)
        self._save()
        return True

    def move(self, service_id, direction):
        """One place up or down; False at either end or for a service not in the plan."""
        if service_id not in self.ids:
            return False
        index = self.ids.index(service_id)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(self.ids):
            return False
        self.ids[index], self.ids[other] = self.ids[other], self.ids[index]
        self._save()
        return True

    def clear(self):
        self.ids = []
        self._save()

    def services(self):
        return services_in_order(self.ids)


# --- PDF ---------------------------------------------------------------------------------


def _styles():
    font, bold = register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=18, leading=23, spaceAfter=4),
        "note": ParagraphStyle("note", fontName=font, fontSize=9, leading=12, spaceAfter=8),
        "name": ParagraphStyle("name", fontName=bold, fontSize=12, leading=15, spaceAfter=2),
        "text": ParagraphStyle("text", fontName=font, fontSize=10, leading=13),
    }


def _lines(service):
    institution = service.institution
    place = service if service.address else institution
    gmina = service.gmina if service.gmina_id else institution.gmina
    address = ", ".join(
        part
        for part in [
            place.address,
            " ".join(p for p in [place.postal_code, place.locality] if p),
            _("gmina %(name)s") % {"name": gmina.name} if gmina else "",
        ]
        if part
    )
    lines = [(_("Institution"), institution.name), (_("Address"), address)]
    contact = ", ".join(
        part for part in [institution.phone, institution.email, institution.website] if part
    )
    lines.append((_("Contact"), contact))
    lines.append((_("Cost"), Cost(service.cost).label))
    if service.referral_required:
        access = _("referral needed")
        if service.referred_by:
            access += f" ({service.referred_by})"
        lines.append((_("Referral"), access))
    if service.access:
        lines.append((_("How to access it"), service.access))
    if service.schedule:
        lines.append((_("When"), service.schedule))
    verified = (
        date_format(service.last_verified, "j E Y")
        if service.last_verified
        else _("not verified yet")
    )
    lines.append((_("Verified on"), verified))
    return [(label, value) for label, value in lines if value]


def build_pdf(services, url=""):
    """The plan as a PDF document (bytes), in the active language."""
    styles = _styles()
    buffer = io.BytesIO()
    title = _("Help plan")
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
    )
    story = [
        Paragraph(escape(title), styles["title"]),
        Paragraph(
            escape(
                _("Made on %(date)s from the list of activities and services.")
                % {"date": date_format(timezone.localdate(), "j E Y")}
            ),
            styles["note"],
        ),
        Paragraph(
            escape(_("The plan lists services only and holds no data about any person.")),
            styles["note"],
        ),
    ]
    if url:
        story.append(Paragraph(escape(_("Online: %(url)s") % {"url": url}), styles["note"]))
    items = []
    for service in services:
        parts = [Paragraph(escape(service.name), styles["name"])]
        for label, value in _lines(service):
            parts.append(
                Paragraph(
                    f'<font name="{styles["name"].fontName}">{escape(label)}:</font> '
                    f"{escape(value)}",
                    styles["text"],
                )
            )
        parts.append(Spacer(1, 4 * mm))
        items.append(ListItem(parts))
    if items:
        story.append(ListFlowable(items, bulletType="1", bulletFontName=styles["text"].fontName))
    else:
        story.append(Paragraph(escape(_("The plan is empty.")), styles["text"]))

    def metadata(canvas, _document):
        set_metadata(
            canvas, title=title, subject=_("List of activities and services"), lang=_pdf_lang()
        )

    document.build(story, onFirstPage=metadata, onLaterPages=metadata)
    return buffer.getvalue()


def _pdf_lang():
    from django.utils.translation import get_language

    return "en-GB" if (get_language() or "pl").startswith("en") else "pl-PL"


def pdf_response(services, filename, url=""):
    response = HttpResponse(build_pdf(services, url=url), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
