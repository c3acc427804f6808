"""Security headers on every response.

Two middlewares share the work:

* `SecurityHeadersMiddleware` (outermost but Django's SecurityMiddleware, which adds HSTS,
  `X-Content-Type-Options`, `Referrer-Policy` and `Cross-Origin-Opener-Policy` from the
  settings) gives the request its CSP nonce, and on the way out adds the
  `Permissions-Policy`, the CSP when nobody set one yet, and `Cache-Control: private,
  no-store` on every response that holds personal data.
* `ContentSecurityPolicyMiddleware` sits inside the page caches (portal.cache,
  portal.personal_cache) and sets the CSP before a page is stored, so that a page served
  from a cache keeps the policy whose nonce its `<script>` tags carry.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from security import csp

# The routes of routable pages (catalog, e-School) whose pages show one person's data even
# to a visitor who is not logged in: the help plan kept in the session, a plan shared by
# its secret link, a certificate looked up by its code.
PRIVATE_ROUTES = frozenset(
    {
        "plan",
        "plan_print",
        "plan_pdf",
        "plan_share",
        "shared_plan",
        "shared_plan_pdf",
        "certificate",
        "certificate_pdf",
        "dashboard",
        "my_support",
        "my_coaching",
        "my_supervision",
    }
)
# Django URL namespaces whose every page is private (sign-up, password reset links, ...).
PRIVATE_NAMESPACES = frozenset({"accounts"})


def _restricted_document(resolver_match):
    from wagtail.documents import get_document_model

    try:
        document = (
            get_document_model()
            .objects.select_related("collection")
            .get(pk=int(resolver_match.args[0]))
        )
    except (ValueError, IndexError, get_document_model().DoesNotExist):
        return False
    return document.collection.get_view_restrictions().exists()


def holds_personal_data(request, response):
    """Whether a shared cache (a proxy, a CDN) or the browser's disk must not keep the
    response: anything rendered for a logged-in person, the admin, the personal routes,
    documents of private collections and responses that start a session."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if csp.is_admin_path(request.path):
        return True
    if settings.SESSION_COOKIE_NAME in response.cookies:
        return True
    match = getattr(request, "resolver_match", None)
    if match is not None:
        if match.namespace in PRIVATE_NAMESPACES:
            return True
        if match.url_name == "wagtaildocs_serve" and response.status_code == 200:
            return _restricted_document(match)
    routable = getattr(request, "routable_resolver_match", None)
    return routable is not None and routable.url_name in PRIVATE_ROUTES


def apply_csp(request, response):
    if "Content-Security-Policy" in response:
        return
    admin = csp.is_admin_path(request.path) or (settings.DEBUG and response.status_code >= 400)
    nonce = getattr(request, "csp_nonce", None)
    used = nonce is not None and nonce.used
    response["Content-Security-Policy"] = csp.policy(
        str(nonce) if used else None, admin=admin, statistics_url=_statistics_url(request, admin)
    )


def _statistics_url(request, admin):
    """The statistics server of the site settings, for a visitor who agreed to statistics
    (only their pages carry its script); nobody else's policy names it, and nobody else's
    request pays the settings lookup."""
    from portal import consent
    from portal.models import SiteSettings

    if admin or not consent.statistics_allowed(request):
        return ""
    site_settings = SiteSettings.for_request(request)
    return site_settings.statistics_url if site_settings.statistics_provider else ""


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = csp.Nonce()
        response = self.get_response(request)
        apply_csp(request, response)
        if settings.PERMISSIONS_POLICY:
            response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if holds_personal_data(request, response):
            patch_cache_control(response, private=True, no_store=True)
            # A private page must not linger in a shared cache under another name either.
            response.headers.pop("Expires", None)
        return response


class ContentSecurityPolicyMiddleware:
    """Inside the page caches (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        apply_csp(request, response)
        return response
