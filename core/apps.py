from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: shared building blocks that import no other app of ours."""

    name = "core"
    verbose_name = _("Sterke Wijken")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .roles import sync_roles_after_migrate
        from .twofactor import reset_lockout_after_login

        # The roles are defined in code (core.roles) and brought in line with it
        # after every migrate, also after a test database flush.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
        # The lockout's count is reset by a complete login only (core.twofactor).
        user_logged_in.connect(reset_lockout_after_login, dispatch_uid="core_reset_lockout")
        use_dutch_empty_choice()
        track_accounts()
        connect_job_logs_and_housekeeping()


# What an empty choice in a select says, instead of Django's "---------".
EMPTY_CHOICE_LABEL = _("– choose –")


def use_dutch_empty_choice() -> None:
    """Every form of the project (and the admin) shows EMPTY_CHOICE_LABEL.

    Django hard-codes the dashes in two defaults: the blank choice of model
    fields with choices and ModelChoiceField's ``empty_label``. Both are set
    here once, so no form can forget it; a form may still pass its own label.
    (django-filter's lists use FILTERS_EMPTY_CHOICE_LABEL in the settings.)
    """
    from django.db.models import fields
    from django.forms import ModelChoiceField

    fields.BLANK_CHOICE_DASH[:] = [("", EMPTY_CHOICE_LABEL)]
    ModelChoiceField.__init__.__kwdefaults__["empty_label"] = EMPTY_CHOICE_LABEL


def track_accounts() -> None:
    """Cached permissions and roles (core.auth, core.roles) follow every change of
    a user, their groups and rights, and a group's rights."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from .datacache import track

    track(get_user_model(), "auth", m2m=("groups", "user_permissions"))
    track(Group, "auth", m2m=("permissions",))


def connect_job_logs_and_housekeeping() -> None:
    """One log line per background task (core.logs) and core's housekeeping steps
    (core.jobs): exports of stopped workers fail, old exports, task rows and
    heartbeats go."""
    from django_tasks_db.compat import task_finished, task_started

    from .export_jobs import fail_stopped_export_jobs, prune_export_jobs
    from .jobs import prune_heartbeats, prune_task_rows, register_housekeeping
    from .logs import log_task_finished, log_task_started

    task_started.connect(log_task_started, dispatch_uid="core_log_task_started")
    task_finished.connect(log_task_finished, dispatch_uid="core_log_task_finished")
    register_housekeeping("export_jobs_stopped", fail_stopped_export_jobs)
    register_housekeeping("export_jobs_pruned", prune_export_jobs)
    register_housekeeping("task_rows_pruned", prune_task_rows)
    register_housekeeping("heartbeats_pruned", prune_heartbeats)
