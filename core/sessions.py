"""The session engine (SESSION_ENGINE = "core.sessions"): Django's database
sessions, each row also holding the id of the account logged in with it.

So all sessions of one account can be found and ended (``core.accounts.end_sessions``)
when it is deactivated or its two-step login is reset: without the column every
session would have to be decoded to find them.
"""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

# The key django.contrib.auth keeps the logged-in user's id under.
USER_ID_KEY = "_auth_user_id"


def _account_id(data: dict) -> int | None:
    try:
        return int(data.get(USER_ID_KEY))
    except (TypeError, ValueError):
        return None


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from .models import AccountSession

        return AccountSession

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        session.account_id = _account_id(data)
        return session

    async def acreate_model_instance(self, data):
        session = await super().acreate_model_instance(data)
        session.account_id = _account_id(data)
        return session
