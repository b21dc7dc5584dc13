"""Small request/response guards that hold for every page."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

# The browser features no page of ours uses, switched off for every page and
# anything it might embed. Choosing a photo with <input type="file"> still
# works: that is the operating system's picker, not the camera API.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class PermissionsPolicyMiddleware:
    """Adds the ``Permissions-Policy`` header to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def content_length(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


class RequestSizeLimitMiddleware:
    """Refuses a request body larger than ``MAX_REQUEST_SIZE`` before it is read.

    Django itself limits form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams
    uploaded files to disk whatever their size, and the form refuses a file that
    is too large only after it has been read completely. The declared length is
    known before anything is read: a request that announces too much is answered
    with a Dutch page (413) and its body is never touched. The reverse proxy in
    front (README) enforces the same limit for bodies without a length.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if content_length(request) > settings.MAX_REQUEST_SIZE:
            return render(
                request, "core/too_large.html", {"max_size": settings.MAX_REQUEST_SIZE}, status=413
            )
        return self.get_response(request)
