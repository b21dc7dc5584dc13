"""The one way a view checks who may see it, and other small view pieces.

Every page of the app: log in (else the login page), have the view's permission
(else 403), and load its object through the model's ``visible_to(user)`` or
``editable_by(user)`` queryset (else 404, so a record outside one's gebied does
not even show that it exists).
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .concurrency import VersionConflict
from .periods import plausible_year

# Rows per page of every paginated list.
PAGE_SIZE = 25


class ScopedViewMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Login, then ``permission_required`` (403), then objects through ``scope`` (404).

    ``model`` and ``scope`` ("visible_to" or "editable_by") give the queryset;
    ``get_queryset`` is that queryset, so Django's list, detail, update and delete
    views use it as they are. Views that act on one object but are no
    SingleObjectMixin (a form about a job, say) call :meth:`get_object`.
    """

    scope = "visible_to"
    pk_url_kwarg = "pk"

    def scoped(self, model=None, scope: str | None = None):
        """``model``'s records in ``scope`` for the current user."""
        manager = (model or self.model)._default_manager
        return getattr(manager, scope or self.scope)(self.request.user)

    def get_queryset(self):
        return self.scoped()

    def get_object(self, queryset=None):
        if getattr(self, "_scoped_object", None) is None:
            queryset = self.get_queryset() if queryset is None else queryset
            self._scoped_object = get_object_or_404(queryset, pk=self.kwargs[self.pk_url_kwarg])
        return self._scoped_object


class PaginatedMixin:
    """Every list shows PAGE_SIZE rows a page, with ``core/_pagination.html``."""

    paginate_by = PAGE_SIZE


class VersionedFormViewMixin:
    """For edit views of a VersionedModel whose form uses VersionedFormMixin.

    A save that loses the race to someone else's (VersionConflict inside the
    write transaction) shows the form again with the Dutch conflict message,
    the user's input kept, and status 409: the same as a conflict the form
    itself finds. Views call :meth:`save_or_conflict` around their write.
    """

    def save_or_conflict(self, form, write):
        """Run ``write()``; on a lost race return the form page with the conflict."""
        try:
            return write()
        except VersionConflict:
            form.add_conflict_error()
            return self.render_to_response(self.get_context_data(form=form), status=409)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error("__all__", code="stale"):
            response.status_code = 409
        return response


class YearMixin:
    """The year a page shows: ``?jaar=`` when plausible, else ``default_year()``."""

    def default_year(self) -> int:
        return timezone.localdate().year

    def get_year(self) -> int:
        if not hasattr(self, "_year"):
            default = self.default_year()
            self._year = plausible_year(self.request.GET.get("jaar", default), default=default)
        return self._year
