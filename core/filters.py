"""List filters that stay cheap with long option lists.

A list page renders on every request; its filter panel should not. Short
reference lists (gebieden, wijken, themes) are rendered from the data cache
(:class:`CachedOptionsMixin`: no query while nothing changed); long ones
(partners, colleagues, initiatives) are a :class:`LazyModelChoiceFilter`, whose
options the browser fetches from the list's :class:`FilterOptionsView` when the
filter panel opens. Both offer exactly the filter's own queryset, which is
scoped with ``visible_to``: what is offered is what the filter accepts.
"""

from __future__ import annotations

import django_filters
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views import View
from django_filters.fields import ModelChoiceField

from .datacache import cached, scope_key
from .mixins import ScopedViewMixin
from .widgets import LazySelect


class LazyModelChoiceField(ModelChoiceField):
    """Keeps the object it found, so the widget labels the choice without a query."""

    found = None

    def to_python(self, value):
        self.found = super().to_python(value)
        return self.found


class LazyModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A model choice whose options are loaded by the browser (see LazySelect)."""

    field_class = LazyModelChoiceField

    def __init__(self, *args, options_url, **kwargs):
        kwargs["widget"] = LazySelect(options_url=options_url)
        super().__init__(*args, **kwargs)


class CachedOptionsMixin:
    """For a FilterSet built with ``request``: the options of ``cached_options``
    ({field name: data keys they depend on}) come from the data cache."""

    cached_options: dict[str, tuple[str, ...]] = {}

    @property
    def form(self):
        form = super().form
        if not getattr(self, "_options_from_cache", False):
            self._options_from_cache = True
            for name, keys in self.cached_options.items():
                field = form.fields[name]
                choices = cached(
                    f"options:{type(self).__module__}.{type(self).__name__}.{name}",
                    keys=keys,
                    parts=[scope_key(self.request.user)],
                    compute=lambda field=field: [
                        (str(obj.pk), field.label_from_instance(obj)) for obj in field.queryset
                    ],
                    request=self.request,
                )
                empty = [] if field.empty_label is None else [("", field.empty_label)]
                field.widget.choices = empty + choices
                field.to_python = _choice_from(field, {value for value, _label in choices})
        return form


def _choice_from(field, allowed: set[str]):
    """``to_python`` for a cached option list: a value is valid when it is one of the
    offered options (the scoped queryset's, as cached), without a query; the filter
    gets a model instance that carries only the primary key, which is all a lookup
    such as ``wijk=…`` needs."""
    model = field.queryset.model

    def to_python(value):
        if value in field.empty_values:
            return None
        if str(value) not in allowed:
            raise ValidationError(field.error_messages["invalid_choice"], code="invalid_choice")
        return model(pk=model._meta.pk.to_python(value))

    return to_python


class FilterOptionsView(ScopedViewMixin, View):
    """The options of a list's lazy filters as JSON: ``{"partner": [[pk, label], ...]}``.

    The view builds the list's own FilterSet for the user, so the options are
    the ones the filter accepts (scoped by ``visible_to``). ``?veld=`` asks for
    one field only.
    """

    filterset_class: type[django_filters.FilterSet]

    def get(self, request, *args, **kwargs):
        filterset = self.filterset_class(None, queryset=self.scoped(), request=request)
        wanted = request.GET.get("veld")
        data = {}
        for name, field in filterset.form.fields.items():
            if not isinstance(field.widget, LazySelect) or wanted not in (None, name):
                continue
            data[name] = [[str(obj.pk), field.label_from_instance(obj)] for obj in field.queryset]
        response = JsonResponse(data)
        response["Cache-Control"] = "private, no-cache"
        return response
