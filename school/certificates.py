"""Certificates of completion: issuing, the PDF, name corrections, revocation, ZIP export.

A certificate is a snapshot: the learner's name, the course title, its hours and the issuer
are copied when it is issued, so that later edits of the course or the profile never change
a document someone already holds. Only a logged name correction (`reissue`) changes it, and
the code stays, so the QR code on an earlier print still leads to the current state.

The PDF is always drawn from the stored snapshot, never kept on disk: it is cheap to make
and cannot go stale."""

import io
import re
import unicodedata
import zipfile
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Paragraph

from portal.pdf import register_fonts, set_metadata
from school.models import Certificate, CertificateEvent, CertificateEventKind
from school.models.certificates import CODE_ALPHABET, CODE_PREFIX, new_code

CODE_PATTERN = re.compile(rf"^{CODE_PREFIX}-[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}$")
NAVY = colors.HexColor("#0b4f8a")
RED = colors.HexColor("#b3261e")


class CertificateError(Exception):
    """A request the certificate's state does not allow; the message is for the user."""


def normalise_code(raw):
    """What a person may type: lower case, spaces, no dashes. Returns None for anything that
    cannot be a code, so that a lookup is never made for junk."""
    compact = re.sub(r"[\s-]", "", str(raw or "")).upper()
    if len(compact) != len(CODE_PREFIX) + 8 or not compact.startswith(CODE_PREFIX):
        return None
    body = compact[len(CODE_PREFIX) :]
    code = f"{CODE_PREFIX}-{body[:4]}-{body[4:]}"
    return code if CODE_PATTERN.match(code) else None


def learner_name(user):
    return user.get_full_name().strip() or user.username


def _issuer_for(course):
    if getattr(course, "issuer", ""):
        return course.issuer
    settings_ = _site_settings()
    return settings_.institution_name if settings_ else ""


def _site_settings():
    from wagtail.models import Site

    from portal.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else None


def issue_certificate(enrolment):
    """The enrolment's certificate, issued now if it has none. Safe to call again and from
    two requests at once: the one-to-one link lets only one certificate exist."""
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing:
        return existing
    course = enrolment.course.specific
    completed_at = enrolment.completed_at or timezone.now()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    code=new_code(),
                    enrolment=enrolment,
                    learner_name=learner_name(enrolment.user),
                    course_title=course.title,
                    hours=course.hours or Decimal(0),
                    issuer=_issuer_for(course),
                    issued_on=timezone.localdate(completed_at),
                )
                CertificateEvent.objects.create(
                    certificate=certificate,
                    kind=CertificateEventKind.ISSUED,
                    note=certificate.learner_name,
                )
                return certificate
        except IntegrityError:
            # Either another request issued it first, or (rarely) the code was taken.
            existing = Certificate.objects.filter(enrolment=enrolment).first()
            if existing:
                return existing
    raise CertificateError(_("No free certificate code could be drawn; please try again."))


def reissue(certificate, new_name, by):
    """Correct the learner's name on the certificate. The code, date and course stay; the
    change is logged with the old and the new name."""
    new_name = " ".join(str(new_name or "").split())
    if certificate.revoked_at:
        raise CertificateError(_("A revoked certificate cannot be reissued."))
    if not new_name:
        raise CertificateError(_("Enter the name as it should appear on the certificate."))
    if new_name == certificate.learner_name:
        raise CertificateError(_("This is the name the certificate already shows."))
    with transaction.atomic():
        old_name = certificate.learner_name
        certificate.learner_name = new_name
        certificate.save(update_fields=["learner_name"])
        CertificateEvent.objects.create(
            certificate=certificate,
            kind=CertificateEventKind.REISSUED,
            by=by,
            note=f"{old_name} → {new_name}",
        )
    return certificate


def revoke(certificate, reason, by):
    reason = str(reason or "").strip()
    if certificate.revoked_at:
        raise CertificateError(_("This certificate has already been revoked."))
    if not reason:
        raise CertificateError(_("Give the reason for revoking the certificate."))
    with transaction.atomic():
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.save(update_fields=["revoked_at", "revoked_reason"])
        CertificateEvent.objects.create(
            certificate=certificate, kind=CertificateEventKind.REVOKED, by=by, note=reason
        )
    return certificate


# Where the certificate is verified ------------------------------------------------------


def _course_index(certificate, language):
    index = certificate.enrolment.course.get_parent().specific
    from wagtail.models import Locale

    if index.locale.language_code != language:
        locale = Locale.objects.filter(language_code=language).first()
        translated = index.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            index = translated.specific
    return index


def verification_path(certificate, language="pl"):
    """The public verification page, e.g. /pl/e-szkola/certyfikat/KOOP-7Q4M-9XTR/."""
    index = _course_index(certificate, language)
    _site_id, _root, index_path = index.get_url_parts()
    # Route segments are translated ("certyfikat/", "certificate/").
    with translation.override(language):
        route = index.reverse_subpage("certificate", args=[certificate.code])
    return f"{index_path}{route}"


def verification_url(certificate, base_url, language="pl"):
    return f"{base_url.rstrip('/')}{verification_path(certificate, language)}"


def qr_drawing(url, size):
    """A square drawing of the QR code of `url`, `size` points wide."""
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


# The PDF ---------------------------------------------------------------------------------


def format_hours(hours):
    hours = Decimal(hours or 0)
    if hours == hours.to_integral_value():
        return str(int(hours)), int(hours)
    text = f"{hours.normalize():f}"
    if translation.get_language() == "pl":
        text = text.replace(".", ",")
    return text, None


def hours_phrase(hours):
    text, whole = format_hours(hours)
    if whole is None:
        return pgettext("fractional hours", "for %(hours)s teaching hours") % {"hours": text}
    return ngettext("for %(hours)s teaching hour", "for %(hours)s teaching hours", whole) % {
        "hours": text
    }


def _paragraph(text, font, size, colour=colors.black, alignment=TA_CENTER):
    style = ParagraphStyle(
        "certificate",
        fontName=font,
        fontSize=size,
        leading=size * 1.25,
        alignment=alignment,
        textColor=colour,
    )
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped, style)


def _draw_centred(canvas, text, font, size, top, width, margin, colour=colors.black):
    """Draw wrapped, centred text whose top edge is at `top`; return the new top."""
    paragraph = _paragraph(text, font, size, colour)
    _w, height = paragraph.wrapOn(canvas, width - 2 * margin, 200 * mm)
    paragraph.drawOn(canvas, margin, top - height)
    return top - height


def render_pdf(certificate, base_url, language="pl"):
    """The certificate as an A4 landscape PDF. A revoked certificate is stamped as such
    across the page (the views do not serve it; this guards any other caller)."""
    font, bold = register_fonts()
    with translation.override(language):
        buffer = io.BytesIO()
        width, height = landscape(A4)
        canvas = pdf_canvas.Canvas(buffer, pagesize=(width, height), pageCompression=1)
        title = pgettext("certificate", "Certificate of completion")
        set_metadata(
            canvas,
            title=f"{title}: {certificate.course_title}",
            author=certificate.issuer or "Kooperacja",
            subject=pgettext("certificate", "Verification code: %(code)s")
            % {"code": certificate.code},
            lang="pl-PL" if language == "pl" else "en-GB",
        )

        # Frame
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(3)
        canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
        canvas.setLineWidth(0.8)
        canvas.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)

        margin = 30 * mm
        top = height - 26 * mm
        if certificate.issuer:
            top = _draw_centred(canvas, certificate.issuer, font, 13, top, width, margin, NAVY)
        top = _draw_centred(
            canvas,
            pgettext("certificate", "e-School of Cooperation"),
            font,
            11,
            top - 2 * mm,
            width,
            margin,
            NAVY,
        )
        top = _draw_centred(
            canvas,
            pgettext("certificate", "Certificate").upper(),
            bold,
            34,
            top - 10 * mm,
            width,
            margin,
            NAVY,
        )
        top = _draw_centred(canvas, title, font, 16, top - 2 * mm, width, margin)
        top = _draw_centred(
            canvas,
            pgettext("certificate", "This is to certify that"),
            font,
            13,
            top - 10 * mm,
            width,
            margin,
        )
        top = _draw_centred(canvas, certificate.learner_name, bold, 26, top - 4 * mm, width, margin)
        top = _draw_centred(
            canvas,
            pgettext("certificate", "has completed the course"),
            font,
            13,
            top - 5 * mm,
            width,
            margin,
        )
        top = _draw_centred(
            canvas, f"„{certificate.course_title}”", bold, 18, top - 3 * mm, width, margin
        )
        top = _draw_centred(
            canvas, hours_phrase(certificate.hours), font, 13, top - 4 * mm, width, margin
        )

        # Bottom left: date, issuer, code; bottom right: the QR code.
        url = verification_url(certificate, base_url, language="pl")
        qr_size = 32 * mm
        qr_x = width - 24 * mm - qr_size
        qr_y = 24 * mm
        renderPDF.draw(qr_drawing(url, qr_size), canvas, qr_x, qr_y)

        left = 26 * mm
        canvas.setFillColor(colors.black)
        canvas.setFont(font, 11)
        issued = date_format(certificate.issued_on, "j E Y")
        lines = [
            (font, pgettext("certificate", "Date of issue: %(date)s") % {"date": issued}),
            (
                font,
                pgettext("certificate", "Issued by: %(issuer)s") % {"issuer": certificate.issuer},
            ),
            (
                bold,
                pgettext("certificate", "Verification code: %(code)s") % {"code": certificate.code},
            ),
            (font, pgettext("certificate", "Check this certificate at:")),
            (font, url),
        ]
        y = qr_y + qr_size - 4 * mm
        for line_font, text in lines:
            canvas.setFont(line_font, 10 if text == url else 11)
            canvas.drawString(left, y, text)
            y -= 6 * mm

        settings_ = _site_settings()
        note = settings_.funding_note_for(language) if settings_ else ""
        if note:
            paragraph = _paragraph(note, font, 8, colors.HexColor("#444444"), TA_LEFT)
            _w, h = paragraph.wrapOn(canvas, qr_x - left - 10 * mm, 30 * mm)
            paragraph.drawOn(canvas, left, 17 * mm + (6 * mm - min(h, 6 * mm)))

        if certificate.revoked_at:
            _stamp_revoked(canvas, certificate, width, height, bold)

        canvas.showPage()
        canvas.save()
        return buffer.getvalue()


def _stamp_revoked(canvas, certificate, width, height, bold):
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(20)
    canvas.setFillColor(RED)
    canvas.setFillAlpha(0.8)  # the words underneath stay legible
    canvas.setFont(bold, 60)
    canvas.drawCentredString(0, 0, pgettext("certificate", "Revoked").upper())
    canvas.setFont(bold, 14)
    revoked_on = date_format(timezone.localtime(certificate.revoked_at), "j E Y")
    canvas.drawCentredString(
        0, -22, pgettext("certificate", "Revoked on %(date)s") % {"date": revoked_on}
    )
    canvas.restoreState()


# Files ---------------------------------------------------------------------------------

# Letters that Unicode does not decompose into a base letter and an accent.
_TRANSLITERATE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d"})


def file_name(certificate):
    """An ASCII file name a coordinator can sort by name: kowalski-jan-KOOP-....pdf"""
    words = certificate.learner_name.translate(_TRANSLITERATE).split()
    # Surname first, as lists of participants are sorted in Polish offices.
    ordered = " ".join(words[-1:] + words[:-1])
    stem = slugify(unicodedata.normalize("NFKD", ordered))[:60].strip("-") or "certyfikat"
    return f"{stem}-{certificate.code}.pdf"


def course_zip(certificates, base_url):
    """A ZIP of the PDFs of the given certificates; revoked ones are left out."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for certificate in certificates:
            if certificate.revoked_at:
                continue
            archive.writestr(file_name(certificate), render_pdf(certificate, base_url))
    return buffer.getvalue()
