"""The audit trail: who changed what and when, and restoring deleted records.

django-simple-history keeps a historical copy of a record on every save and
delete (``history = HistoricalRecords()`` on the models listed in AUDITED).
Coordinators and admins read it per object; admins restore deleted records.
"""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from simple_history.utils import get_m2m_reverse_field_name

from core.mixins import PersonalDataMixin, ScopedViewMixin

from .registry import AUDITED, READ_PERMISSION, history_url
from .services import RESTORE_REASON, RestoreConflict, restore_deleted

# Bookkeeping fields that say nothing to a reader of the history.
HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at", "password", "last_login"}
MAX_RECORDS = 100
EMPTY = "—"


def can_restore(user, model: type[models.Model]) -> bool:
    """Admins: they may add the model and change its historical records."""
    historical = model.history.model._meta
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.add_{opts.model_name}") and user.has_perm(
        f"{historical.app_label}.change_{historical.model_name}"
    )


def display(model: type[models.Model], name: str, value) -> str:
    """A stored value as a reader expects it: labels, names, Dutch dates."""
    if value is None or value == "" or value == []:
        return EMPTY
    try:
        model_field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - an unknown field is shown raw
        model_field = None
    if isinstance(value, list):
        return ", ".join(sorted(display_m2m_row(model_field, row) for row in value)) or EMPTY
    if model_field is not None and model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, decimal.Decimal):
        return formats.number_format(value, use_l10n=True)
    return str(value)


def display_m2m_row(model_field, row) -> str:
    target = get_m2m_reverse_field_name(model_field) if model_field is not None else None
    value = row.get(target) if isinstance(row, dict) and target else row
    return str(value)


def label(model: type[models.Model], name: str) -> str:
    try:
        return capfirst(str(model._meta.get_field(name).verbose_name))
    except Exception:  # noqa: BLE001
        return name


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    record: object
    kind: str
    user: str
    changes: list[Change] = field(default_factory=list)
    # Why the record was written, when a service said so (e.g. a two-step reset).
    note: str = ""


def _user_name(record) -> str:
    user = record.history_user
    if user is None:
        return _("system or unknown")
    return user.get_full_name() or user.get_username()


def _kind(record) -> str:
    if record.history_change_reason == RESTORE_REASON:
        return _("Restored")
    return {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}[record.history_type]


def _fields(model: type[models.Model], record) -> list[str]:
    names = [f.name for f in record.tracked_fields if f.editable]
    names += [f.name for f in getattr(record, "_history_m2m_fields", [])]
    return [name for name in names if name not in HIDDEN_FIELDS]


def _initial_values(model, record) -> list[Change]:
    """What a record was created with (the non-empty fields)."""
    changes = []
    for name in _fields(model, record):
        m2m = name in {f.name for f in getattr(record, "_history_m2m_fields", [])}
        if m2m:
            model_field = model._meta.get_field(name)
            target = get_m2m_reverse_field_name(model_field)
            value = [
                {target: _related_pk(model_field.related_model, getattr(row, f"{target}_id"))}
                for row in getattr(record, name).all()
            ]
        else:
            value = getattr(record, name, None)
            model_field = model._meta.get_field(name)
            if isinstance(model_field, models.ForeignKey):
                value = _related(model_field, getattr(record, model_field.attname))
        shown = display(model, name, value)
        if shown != EMPTY and value is not False:
            changes.append(Change(label(model, name), EMPTY, shown))
    return changes


def _related(model_field, pk):
    return None if pk is None else _related_pk(model_field.related_model, pk)


def _related_pk(model, pk):
    related = model._base_manager.filter(pk=pk).first()
    return related if related is not None else _("deleted (%(pk)s)") % {"pk": pk}


def build_entries(model: type[models.Model], records: list) -> list[Entry]:
    """Entries newest first; each with the fields that changed (old → new)."""
    entries = []
    for index, record in enumerate(records):
        older = records[index + 1] if index + 1 < len(records) else None
        entry = Entry(record=record, kind=_kind(record), user=_user_name(record))
        reason = record.history_change_reason
        if reason and reason != RESTORE_REASON:
            entry.note = _(reason)
        if older is None or record.history_type == "+":
            entry.changes = _initial_values(model, record) if record.history_type != "-" else []
        elif record.history_type != "-":
            wanted = _fields(model, record)
            delta = record.diff_against(older, included_fields=wanted, foreign_keys_are_objs=True)
            entry.changes = [
                Change(
                    label(model, change.field),
                    display(model, change.field, change.old),
                    display(model, change.field, change.new),
                )
                for change in delta.changes
            ]
            if not entry.changes and not entry.note:
                continue  # e.g. a save that changed nothing a reader can see
        entries.append(entry)
    return entries


def _model_or_404(key: str) -> type[models.Model]:
    try:
        return AUDITED[key]
    except KeyError:
        raise Http404(_("Unknown kind of record.")) from None


class GeschiedenisView(PersonalDataMixin, ScopedViewMixin, TemplateView):
    """Every recorded change of one object (also of a deleted one); a job's history
    holds its requester's name, address and phone."""

    permission_required = READ_PERMISSION
    template_name = "audit/geschiedenis.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        model = _model_or_404(self.kwargs["model"])
        pk = self.kwargs["pk"]
        records = list(
            model.history.filter(**{model._meta.pk.attname: pk})
            .select_related("history_user")
            .order_by("-history_date", "-history_id")[:MAX_RECORDS]
        )
        if not records:
            raise Http404(_("No history recorded for this record."))
        current = model._base_manager.filter(pk=pk).first()
        latest = records[0]
        context.update(
            model_name=capfirst(str(model._meta.verbose_name)),
            title=str(current) if current is not None else str(latest.instance),
            current=current,
            current_url=_absolute_url(current),
            entries=build_entries(model, records),
            truncated=len(records) == MAX_RECORDS,
            can_restore=current is None
            and latest.history_type == "-"
            and can_restore(self.request.user, model),
            deleted_record=latest if latest.history_type == "-" else None,
            model_key=self.kwargs["model"],
            can_list_deleted=any(can_restore(self.request.user, m) for m in AUDITED.values()),
        )
        return context


def _absolute_url(obj) -> str | None:
    if obj is None or not hasattr(obj, "get_absolute_url"):
        return None
    try:
        return obj.get_absolute_url()
    except Exception:  # noqa: BLE001 - e.g. a model without its own page
        return None


@dataclass
class Deleted:
    model_key: str
    model_name: str
    record: object
    title: str
    user: str


def deleted_records(user, limit: int = 50) -> list[Deleted]:
    """Deleted records the admin may restore, newest first (restored ones left out)."""
    found: list[Deleted] = []
    for key, model in AUDITED.items():
        if not can_restore(user, model):
            continue
        attname = model._meta.pk.attname
        records = list(
            model.history.filter(history_type="-")
            .select_related("history_user")
            .order_by("-history_date")[:limit]
        )
        ids = {getattr(r, attname) for r in records}
        existing = set(model._base_manager.filter(pk__in=ids).values_list("pk", flat=True))
        seen = set()
        for record in records:
            pk = getattr(record, attname)
            if pk in existing or pk in seen:
                continue
            seen.add(pk)
            found.append(
                Deleted(
                    model_key=key,
                    model_name=capfirst(str(model._meta.verbose_name)),
                    record=record,
                    title=_record_title(record),
                    user=_user_name(record),
                )
            )
    found.sort(key=lambda item: item.record.history_date, reverse=True)
    return found


def _record_title(record) -> str:
    try:
        return str(record.instance)
    except Exception:  # noqa: BLE001 - e.g. a title built from a deleted relation
        return f"#{record.pk}"


class VerwijderdView(PersonalDataMixin, LoginRequiredMixin, TemplateView):
    """Deleted records, each with a button to restore it (admins only)."""

    template_name = "audit/verwijderd.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not any(
            can_restore(request.user, model) for model in AUDITED.values()
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, deleted=deleted_records(self.request.user))


class HerstellenView(LoginRequiredMixin, View):
    """POST: restore one deleted record (admins only)."""

    http_method_names = ["post"]

    def post(self, request, model, history_id):
        model_class = _model_or_404(model)
        if not can_restore(request.user, model_class):
            raise PermissionDenied
        try:
            obj = restore_deleted(model=model_class, history_id=history_id)
        except RestoreConflict as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(reverse("audit:verwijderd"))
        messages.success(
            request, _("“%(title)s” has been restored.") % {"title": _record_title_of(obj)}
        )
        return HttpResponseRedirect(_absolute_url(obj) or history_url(obj))


def _record_title_of(obj) -> str:
    try:
        return str(obj)
    except Exception:  # noqa: BLE001
        return f"#{obj.pk}"
