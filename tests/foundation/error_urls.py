"""The project's URLs plus a view that fails, to see the 500 page."""

from django.urls import include, path


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("stuk/", boom),
    path("", include("sterkewijken.urls")),
]
