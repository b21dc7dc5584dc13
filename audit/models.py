"""The audit trail of user accounts (who changed a role, deactivated an account, ...).

django.contrib.auth is not ours, so its history table lives in this app's
migrations. Password hashes and login times are not copied into the history.
"""

import simple_history
from django.contrib.auth.models import User

simple_history.register(User, app="audit", excluded_fields=["password", "last_login"])
