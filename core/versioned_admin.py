"""The version guard in the Django admin too (issue 14, finding 5).

Plan items and indicators are edited only in the admin, and every other
versioned record can be edited there as well: an admin form that was opened
before a colleague saved the same record must not overwrite the colleague's
work. ``VersionedAdminMixin`` (for a ``ModelAdmin``) and ``VersionedInlineMixin``
(for an inline) give each form row the hidden version it started from; a stale
one is refused with the same Dutch message as in the app, the typed input kept.
A conflict only the write itself sees (two saves at the same moment) ends in
that message too, never in a 500.

The admin builds its forms from a list of field names and refuses names of
non-editable model fields such as ``version``; the mixins therefore show the
field in the fieldsets but leave it out of the list the form is built from,
and the form adds it itself.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets
from django.http import HttpResponseRedirect

from .concurrency import VersionConflict, VersionedFormMixin, stale_message

VERSION = "version"


class VersionedAdminForm(VersionedFormMixin, forms.ModelForm):
    """An admin form or inline row of a VersionedModel with the version guard.

    New rows carry an empty version field too (an inline draws all its rows from
    one list of fields); only existing records are checked.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if VERSION not in self.fields:
            self.fields[VERSION] = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        if self.instance.pk is None:
            # Skip VersionedFormMixin.clean: a new record has nothing to compare.
            return super(VersionedFormMixin, self).clean()
        return super().clean()


def _with_version(fieldsets) -> list:
    fieldsets = list(fieldsets)
    if not fieldsets or VERSION in flatten_fieldsets(fieldsets):
        return fieldsets
    name, options = fieldsets[0]
    return [(name, {**options, "fields": (*options["fields"], VERSION)}), *fieldsets[1:]]


def _without_version(fields):
    return None if fields is None else [field for field in fields if field != VERSION]


class _VersionedFieldsMixin:
    form = VersionedAdminForm

    def get_fieldsets(self, request, obj=None):
        return _with_version(super().get_fieldsets(request, obj))


class VersionedAdminMixin(_VersionedFieldsMixin):
    """For the ModelAdmin of a VersionedModel; put it before the admin class."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = _without_version(kwargs["fields"])
        return super().get_form(request, obj, change=change, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except VersionConflict:
            # Two saves passed the form check at the same moment; this one lost.
            self.message_user(request, stale_message(self.model), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class VersionedInlineMixin(_VersionedFieldsMixin):
    """For an inline of a VersionedModel; put it before the inline class."""

    def get_formset(self, request, obj=None, **kwargs):
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = _without_version(kwargs["fields"])
        return super().get_formset(request, obj, **kwargs)
