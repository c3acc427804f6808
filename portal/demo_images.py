"""Images for the demo site, drawn here so that the project ships no third-party files:
simple illustrations and stand-in logos with their text, PNG, under the project's own licence."""

import io

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from portal.models import CustomImage


def _font(size):
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def illustration(colours, width=1200, height=800):
    """Overlapping circles: people and institutions meeting."""
    image = Image.new("RGB", (width, height), colours[0])
    draw = ImageDraw.Draw(image)
    step = width // (len(colours) + 1)
    for index, colour in enumerate(colours[1:], start=1):
        centre = (step * index + step // 2, height // 2 + (index % 2) * height // 8)
        radius = height // 3
        draw.ellipse(
            (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
            outline=colour,
            width=18,
        )
    return _png(image)


def logo(text, background, foreground, width=560, height=128):
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    font = _font(26)
    lines = text.split("\n")
    y = (height - 36 * len(lines)) // 2
    for line in lines:
        draw.text((20, y), line, fill=foreground, font=font)
        y += 36
    return _png(image)


def get_or_create_image(title, data, **fields):
    """An image found by its title, so a second bootstrap reuses the first one's files."""
    existing = CustomImage.objects.filter(title=title).first()
    if existing:
        return existing, False
    image = CustomImage(title=title, **fields)
    image.file = ImageFile(io.BytesIO(data), name=f"{slugify(title)[:40]}.png")
    image.save()
    return image, True
