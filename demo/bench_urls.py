"""The app's URLs plus the floor view, for ``manage.py bench_activiteiten`` only."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import include, path
from django.views.generic import TemplateView


class FloorView(LoginRequiredMixin, TemplateView):
    """The cheapest page a logged-in user can get: only ``base.html`` (session, user,
    navigation). Every page is measured against it."""

    template_name = "base.html"


# The project URLconf by name: demo sits below the settings package in the layers.
urlpatterns = [path("__floor__/", FloorView.as_view()), path("", include("sterkewijken.urls"))]
