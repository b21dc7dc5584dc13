"""The one way a view checks who may see it, and other small view pieces.

Every page of the app: log in (else the login page), have the view's permission
(else 403), and load its object through the model's ``visible_to(user)`` or
``editable_by(user)`` queryset (else 404, so a record outside one's gebied does
not even show that it exists).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control

from .concurrency import VersionConflict
from .datacache import cached, fragment_key, scope_key
from .forms import add_service_errors
from .periods import (
    FIRST_YEAR,
    latest_year_with_data,
    plausible_year,
    reference_date,
    years_to_offer,
)

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
    # HTML forms send GET and POST only. Django's views answer more: DeleteView
    # takes DELETE past the form and the delete service (a 500 without a
    # success_url), form views treat PUT as a POST. Anything else is a 405.
    http_method_names = ["get", "post", "head", "options"]

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

    def get_scoped(self, model, scope: str | None = None, *, kwarg: str = "pk"):
        """Another object of the URL (e.g. the initiative a funding application belongs
        to): ``model``'s record in ``scope`` with the pk in ``kwarg``, else 404."""
        return get_object_or_404(self.scoped(model, scope), pk=self.kwargs[kwarg])


def rows_scope(model, user) -> str:
    """Who sees the same rows of ``model`` as ``user``: the key under which what is
    computed from them is cached. The model's queryset names it (``cache_scope``,
    which includes the user where one's own rows are added); without one, everyone
    with the same gebieden and rights."""
    cache_scope = getattr(model._default_manager, "cache_scope", None) if model else None
    return cache_scope(user) if cache_scope else scope_key(user)


class PersonalDataMixin:
    """A page or export that shows residents' personal data: no copy of it may be
    kept by the browser (disk cache, back button on a shared computer) or by a
    proxy on the way. Put it first among a view's bases, so every answer gets it."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        patch_cache_control(response, no_store=True, private=True)
        return response


class CountedPaginator(Paginator):
    """A paginator that is told the number of rows instead of counting them again."""

    def __init__(self, object_list, per_page, *, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        if count is not None:
            self.count = count  # a cached_property: set, it is never computed


class LazyRows(Sequence):
    """A page's rows as ``compute()`` returns them, computed when first used.

    The rendered rows usually come from the cache (``PaginatedMixin.rows_key``);
    then the rows are never used and their queries never run.
    """

    def __init__(self, compute: Callable[[], Iterable]):
        self._compute = compute

    @cached_property
    def _rows(self) -> list:
        return list(self._compute())

    def __getitem__(self, index):
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)


class PaginatedMixin:
    """Every list shows PAGE_SIZE rows a page, with ``core/_pagination.html``.

    With ``count_keys`` (the data keys the list reads, see core.datacache) the
    number of rows is cached per scope and filter until one of them changes;
    a view that counts anyway (with its totals) returns it from ``row_count``.
    """

    paginate_by = PAGE_SIZE
    count_keys: tuple[str, ...] = ()
    # The data the filter panel's options read: with it, the template can keep the
    # rendered panel ({% cache TIMEOUT "filters" filter_panel_key %}) until they change.
    filter_keys: tuple[str, ...] = ()

    def filter_parts(self) -> list:
        """What makes two requests' rows the same: the query without page and sort,
        and today (periods such as "this year" and "active now" depend on it)."""
        query = sorted(
            (key, value)
            for key, values in self.request.GET.lists()
            if key not in {"page", "sort", "format"}
            for value in values
        )
        scope = rows_scope(getattr(self, "model", None), self.request.user)
        return [scope, timezone.localdate().isoformat(), query]

    def filter_panel_key(self) -> str:
        """What the rendered filter panel depends on: scope, query (sort included),
        today and the data of ``filter_keys``."""
        return fragment_key(
            self.request,
            keys=self.filter_keys,
            parts=[*self.filter_parts(), self.request.GET.get("sort", "")],
        )

    def rows_key(self) -> str:
        """What the rendered rows of this page depend on: scope (permissions
        included), query, sort, page, today and the data of ``count_keys``.

        With it the template keeps the rows ({% cache TIMEOUT "rows" rows_key %})
        until one of those changes. Everyone with the same scope gets the same
        rows, so they must hold nothing of one user: no CSRF token (a control in a
        row submits a form outside them, as the star submits ``ster-form``).
        """
        return fragment_key(
            self.request,
            keys=self.count_keys,
            parts=[
                *self.filter_parts(),
                self.request.GET.get("sort", ""),
                self.request.GET.get("page", ""),
            ],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.filter_keys:
            context["filter_panel_key"] = self.filter_panel_key()
        if self.count_keys:
            context["rows_key"] = self.rows_key()
        return context

    def row_count(self, queryset) -> int | None:
        if not self.count_keys:
            return None
        return cached(
            f"count:{type(self).__module__}.{type(self).__name__}",
            keys=self.count_keys,
            parts=self.filter_parts(),
            compute=queryset.count,
            request=self.request,
        )

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return CountedPaginator(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            count=self.row_count(queryset),
            **kwargs,
        )


class VersionedFormViewMixin:
    """For edit views of a VersionedModel whose form uses VersionedFormMixin.

    A save that loses the race to someone else's (VersionConflict inside the
    write transaction) shows the form again with the Dutch conflict message,
    the user's input kept, and status 409: the same as a conflict the form
    itself finds. Views define :meth:`save` (called by ``form_valid``) or call
    :meth:`save_or_conflict` around their write.
    """

    def save_or_conflict(self, form, write, **context):
        """Run ``write()``; on a lost race return the form page with the conflict.

        A service's ValidationError (e.g. a duplicate only the database saw) is
        put on the form the same way. ``context`` goes to the page as it is
        re-shown (e.g. a formset).
        """
        try:
            return write()
        except VersionConflict:
            form.add_conflict_error()
        except ValidationError as error:
            add_service_errors(form, error)
        return self.render_invalid(form, **context)

    def render_invalid(self, form, **context):
        """The form page again with what was typed; 409 when the record changed meanwhile."""
        status = 409 if form.has_error(NON_FIELD_ERRORS, code="stale") else 200
        return self.render_to_response(self.get_context_data(form=form, **context), status=status)

    def form_valid(self, form):
        """Write through the view's :meth:`save` (a service call) with conflicts handled."""
        return self.save_or_conflict(form, lambda: self.save(form))

    def save(self, form):  # pragma: no cover - every view defines it
        """Hand the form's cleaned data to a service; return the response on success."""
        raise NotImplementedError

    def form_invalid(self, form):
        return self.render_invalid(form)


class YearMixin:
    """The year a page shows: ``?jaar=`` when plausible, else the latest year with data.

    Pages override ``data_years()`` (the years their records fall in); the page
    then opens on this year when it has data, else on the latest year that has
    (core.periods.latest_year_with_data), so a newcomer never lands on an empty
    year. ``year_context()`` gives the template ``year``, the ``years`` of the
    one year picker (core/_year_picker.html: every year with data) and the
    neighbouring years; ``reference_date()`` the day on which the year's
    "on a date" figures are counted (its last day, or today while it runs).
    """

    # The data keys data_years() reads (core.datacache): the years are then kept
    # per scope until that data changes, instead of scanning every row per request.
    year_keys: tuple[str, ...] = ()
    # The model whose rows data_years() reads, when it is not the view's ``model``:
    # its queryset says who may share the cached years (rows_scope).
    year_model = None

    def data_years(self) -> list[int]:
        return []

    def _data_years(self) -> list[int]:
        if not hasattr(self, "_data_years_cache"):
            if self.year_keys:
                self._data_years_cache = cached(
                    f"years:{type(self).__module__}.{type(self).__name__}",
                    keys=self.year_keys,
                    parts=[
                        rows_scope(
                            self.year_model or getattr(self, "model", None), self.request.user
                        ),
                        self.kwargs.get("pk"),
                    ],
                    compute=lambda: list(self.data_years()),
                    request=self.request,
                )
            else:
                self._data_years_cache = list(self.data_years())
        return self._data_years_cache

    def default_year(self) -> int:
        return latest_year_with_data(self._data_years())

    def get_year(self) -> int:
        if not hasattr(self, "_year"):
            default = self.default_year()
            self._year = plausible_year(self.request.GET.get("jaar", default), default=default)
        return self._year

    def reference_date(self):
        return reference_date(self.get_year())

    def year_context(self) -> dict:
        year = self.get_year()
        return {
            "year": year,
            "years": years_to_offer(self._data_years(), chosen=year),
            "previous_year": year - 1 if year > FIRST_YEAR else None,
            "next_year": year + 1 if year < timezone.localdate().year else None,
        }
