"""Content Security Policy: a strict one for the public site, a looser one for the admin.

Public pages (everything outside the admin) may run scripts only from the site itself or
carrying the request's nonce (`{{ request.csp_nonce }}` on a `<script>` tag): an injected
`<script>`, `onclick=` or `javascript:` link does not run. The Wagtail admin
(`/admin/`, and Django's `/django-admin/`) gets a looser policy, see `admin_policy`.

The origins other than the site's own come from settings, so a deployment that names no map
tile server, no object storage and no statistics host allows none: see docs/deployment.md.
"""

import secrets
from urllib.parse import urlsplit

from django.conf import settings

SELF = "'self'"
NONE = "'none'"


def origin(url):
    """The scheme://host[:port] of a URL, or "" when it names none (a relative URL, a
    template such as the tile URL's {z}/{x}/{y} is fine: only the origin is read)."""
    if not url:
        return ""
    parts = urlsplit(url if "//" in url else f"https://{url}")
    if not parts.hostname:
        return ""
    return f"{parts.scheme or 'https'}://{parts.netloc}"


def media_origins():
    """Where uploaded images (and their renditions) are fetched from when they are not on
    the site's own host: the object storage bucket, its CDN domain, or a MEDIA_URL on
    another host."""
    origins = [origin(settings.MEDIA_URL)]
    options = settings.STORAGES.get("default", {}).get("OPTIONS", {})
    if options.get("custom_domain"):
        origins.append(origin(options["custom_domain"]))
    elif options.get("bucket_name"):
        bucket = options["bucket_name"]
        if options.get("endpoint_url"):
            endpoint = origin(options["endpoint_url"])
            host = urlsplit(endpoint).netloc
            # Path style (endpoint/bucket/key) and virtual-hosted style (bucket.endpoint/key).
            origins += [endpoint, endpoint.replace(f"//{host}", f"//{bucket}.{host}")]
        else:
            region = options.get("region_name")
            origins.append(f"https://{bucket}.s3.amazonaws.com")
            if region:
                origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return [item for item in origins if item]


def _setting_origins(name):
    return [origin(url) for url in getattr(settings, name, ()) or () if origin(url)]


def _unique(sources):
    seen = []
    for source in sources:
        if source and source not in seen:
            seen.append(source)
    return seen


def _directives(admin, statistics_url=""):
    """The policy's directives without the nonce (read from the settings each time: a few
    string operations, cheaper than a cache that override_settings would have to clear)."""
    tiles = origin(getattr(settings, "CATALOG_MAP_TILE_URL", ""))
    # The statistics server of the cookie consent (portal.consent; its address is in the
    # site settings): allowed only in the policy of a visitor who agreed to statistics.
    statistics = origin(statistics_url)
    statistics_hosts = [statistics] + _setting_origins("CSP_STATISTICS_CONNECT_HOSTS")
    images = [SELF, "data:", tiles, *media_origins(), *_setting_origins("CSP_EXTRA_IMG_HOSTS")]
    images.append(statistics)  # Matomo's image beacon when scripts are blocked
    frames = [*_setting_origins("CSP_FRAME_HOSTS")]
    scripts = [SELF, statistics]
    styles = [SELF]
    if admin:
        # The Wagtail admin writes inline scripts (<script> blocks with its configuration,
        # telepath's widget data, Draftail's setup) and inline styles (style="" on its
        # widgets, the colour theme) in its own templates; Django's admin does likewise.
        # Neither can carry our nonce, so 'unsafe-inline' is allowed there and only there.
        # It is acceptable because only logged-in staff reach those pages and every input
        # an editor types is escaped by the admin's templates. blob: is the image
        # previews of uploads; the preview pane frames our own pages ('self').
        scripts = [SELF, "'unsafe-inline'"]
        styles = [SELF, "'unsafe-inline'"]
        images += ["blob:"]
        frames = [SELF, *frames]
    directives = {
        "default-src": [SELF],
        "script-src": scripts,
        # Inline style attributes (the map marker's position, the responsive embed's
        # aspect ratio) are allowed; <style> elements are not, in browsers that know
        # style-src-elem (older ones fall back to style-src, which then allows both).
        "style-src": styles if admin else [SELF, "'unsafe-inline'"],
        "style-src-elem": styles,
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": images,
        "font-src": [SELF],
        "connect-src": [SELF, *statistics_hosts],
        "media-src": [SELF, *media_origins()],
        "frame-src": frames or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Nobody frames a public page; the admin's preview pane frames admin URLs.
        "frame-ancestors": [SELF] if admin else [NONE],
    }
    if getattr(settings, "SECURE_SSL_REDIRECT", False):
        directives["upgrade-insecure-requests"] = []
    return {name: _unique(sources) for name, sources in directives.items()}


def policy(nonce=None, admin=False, statistics_url=""):
    directives = _directives(admin, statistics_url)
    if nonce and not admin:
        directives["script-src"].append(f"'nonce-{nonce}'")
    return "; ".join(" ".join([name, *sources]).strip() for name, sources in directives.items())


def is_admin_path(path):
    return path.startswith(tuple(getattr(settings, "CSP_ADMIN_PATH_PREFIXES", ())))


class Nonce:
    """The request's nonce, made on first use (`str(request.csp_nonce)` in a template)."""

    def __init__(self):
        self._value = None

    @property
    def used(self):
        return self._value is not None

    def __str__(self):
        if self._value is None:
            self._value = secrets.token_urlsafe(18)
        return self._value

    __html__ = __str__
