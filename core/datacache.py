"""Figures of list and area pages cached until the data they read changes.

Totals over 100,000 activities cost more than the rest of a page. They are
cached per *scope* (who may see which rows), filter and the **data version** of
every register they read. A data version is a row in the database
(:class:`core.models.DataVersion`) whose random token is replaced on every write
to the register, inside the write's own transaction. Every request reads all
tokens in one query, so every gunicorn worker on every machine sees a write as
soon as it is committed and misses the old entries: the cache itself can be
each process's own memory (LocMemCache, the default) or a shared one (Redis,
memcached) without any change here. Random tokens, not counters: a rolled back
or restored database never brings back a token that was used for other data.

Registers declare what invalidates them with :func:`track` (saves, deletes and
many-to-many changes of a model) in their AppConfig.ready(); services that write
with ``update()`` or ``bulk_create`` call :func:`bump` themselves.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import DataVersion
from .visibility import gebied_ids_for, sees_all_gebieden

TIMEOUT = 6 * 3600
_REQUEST_ATTR = "_data_versions"
# Keys whose bump is put off until the end of a deferred_bumps() block.
_deferred: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "datacache_deferred", default=None
)


def bump(*keys: str) -> None:
    """Give ``keys`` a new token (call inside the write's transaction)."""
    pending = _deferred.get()
    if pending is not None:
        pending.update(keys)
        return
    _write_tokens(keys)


@contextlib.contextmanager
def deferred_bumps() -> Iterator[None]:
    """Bump each key once, at the end, for a block that writes many rows.

    For bulk loads inside one transaction (the demo data): thousands of saves
    would otherwise replace the same few tokens thousands of times. The tokens
    are written before the block's transaction commits, so no reader ever
    sees the new rows with an old token.
    """
    if _deferred.get() is not None:  # already deferring: the outer block bumps
        yield
        return
    pending: set[str] = set()
    reset = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(reset)
    _write_tokens(sorted(pending))


def _write_tokens(keys: Iterable[str]) -> None:
    for key in keys:
        token = uuid.uuid4().hex
        if not DataVersion.objects.filter(key=key).update(token=token):
            DataVersion.objects.bulk_create(
                [DataVersion(key=key, token=token)], ignore_conflicts=True
            )
            DataVersion.objects.filter(key=key).update(token=token)


def all_versions(request=None) -> dict[str, str]:
    """Every register's token: one query, remembered for the rest of the request
    (on ``request.user``, which lives exactly as long; or on ``request`` when that is
    a user, as core.visibility passes)."""
    holder = getattr(request, "user", request)
    memo = getattr(holder, _REQUEST_ATTR, None) if holder is not None else None
    if memo is None:
        memo = dict(DataVersion.objects.values_list("key", "token"))
        if holder is not None:
            setattr(holder, _REQUEST_ATTR, memo)
    return memo


def scope_key(user) -> str:
    """Who sees the same rows: everything, or the rows of these gebieden, with
    these permissions (the permissions decide which registers are visible)."""
    area = "all" if sees_all_gebieden(user) else ",".join(map(str, gebied_ids_for(user)))
    permissions = ",".join(sorted(user.get_all_permissions()))
    return f"{area}|{hashlib.sha1(permissions.encode()).hexdigest()[:12]}"


def cached(
    name: str,
    *,
    keys: Iterable[str],
    parts: Iterable,
    compute: Callable[[], object],
    request=None,
):
    """``compute()``, cached under ``name``, ``parts`` and the tokens of ``keys``."""
    cache_key = "datacache:" + _versioned_hash(request, keys, [name, *parts])
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, TIMEOUT)
    return value


def fragment_key(request, *, keys: Iterable[str], parts: Iterable) -> str:
    """A ``vary_on`` value for ``{% cache %}``: a rendered fragment is reused until
    the data of ``keys`` changes, for the same ``parts`` (scope, query) and language."""
    from django.utils import translation

    return _versioned_hash(request, keys, [*parts, translation.get_language()])[:40]


def _versioned_hash(request, keys: Iterable[str], parts: list) -> str:
    """A hash of ``parts`` and the current tokens of ``keys``."""
    versions = all_versions(request)
    raw = repr(([(key, versions.get(key, "")) for key in sorted(keys)], parts))
    return hashlib.sha256(raw.encode()).hexdigest()


def track(model, key: str, *, m2m: Iterable[str] = ()) -> None:
    """Bump ``key`` whenever ``model`` (or one of its many-to-many fields ``m2m``)
    is saved, deleted or changed."""

    def changed(sender, **kwargs):
        if kwargs.get("raw") or not kwargs.get("action", "post_").startswith("post_"):
            return
        bump(key)

    uid = f"datacache:{key}:{model._meta.label}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}:save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
    for name in m2m:
        m2m_changed.connect(
            changed, sender=getattr(model, name).through, weak=False, dispatch_uid=f"{uid}:{name}"
        )


def track_app(app_config, key: str, *, exclude: Iterable[str] = ()) -> None:
    """Bump ``key`` on writes to any model of an app (history tables and the models
    named in ``exclude`` left out), many-to-many links included."""
    for model in app_config.get_models():
        if model.__name__ in exclude or model.__name__.startswith("Historical"):
            continue
        many = [field.name for field in model._meta.local_many_to_many]
        track(model, key, m2m=many)


def data_fingerprint(*, keys: Iterable[str], request=None) -> str:
    """The state of the registers ``keys``, today and the language: equal
    fingerprints mean that a document made from that data would come out the same.

    Only the document's own registers: "auth", say, changes on every login."""
    from django.utils import timezone, translation

    versions = all_versions(request)
    versions = [(key, versions.get(key, "")) for key in sorted(keys)]
    raw = repr((versions, timezone.localdate().isoformat(), translation.get_language()))
    return hashlib.sha256(raw.encode()).hexdigest()
