from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.views.generic import DetailView, ListView

from .models import Gebied, Wijk


class WijkListView(LoginRequiredMixin, PermissionRequiredMixin, ListView):
    permission_required = "wijken.view_wijk"
    template_name = "wijken/wijk_list.html"

    def get_queryset(self):
        return Gebied.objects.visible_to(self.request.user).prefetch_related("wijken")


class GebiedDetailView(LoginRequiredMixin, PermissionRequiredMixin, DetailView):
    permission_required = "wijken.view_gebied"
    template_name = "wijken/gebied_detail.html"

    def get_queryset(self):
        return Gebied.objects.visible_to(self.request.user)


class WijkDetailView(LoginRequiredMixin, PermissionRequiredMixin, DetailView):
    permission_required = "wijken.view_wijk"
    template_name = "wijken/wijk_detail.html"

    def get_queryset(self):
        return Wijk.objects.visible_to(self.request.user).select_related("gebied")
