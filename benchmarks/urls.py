"""The portal's URLs plus /__ceiling__/: the cheapest possible Django view, served through
the same middleware stack, as the best this machine and server setup can do."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler404, handler500  # noqa: F401
from portal.urls import urlpatterns as portal_urlpatterns


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__ceiling__/", ceiling, name="bench_ceiling"), *portal_urlpatterns]
