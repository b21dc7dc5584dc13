"""The progress page of a job made by the background worker (a report PDF, an export).

The page polls itself with htmx every second; with ``HX-Request`` only the part
that changes is sent, and once the job is finished with status 286, on which
htmx stops polling. A job whose worker stopped is marked failed when its page is
opened (``fail_stopped``), so the page never polls for ever.
"""

from __future__ import annotations

from django.shortcuts import render

# htmx stops polling on this status (and still shows the response).
STOP_POLLING = 286


class JobProgressMixin:
    """Before a DetailView of a job model with ``status``, ``step`` and ``is_finished``."""

    partial_template_name: str
    status_choices: list[tuple[str, str]]
    failed_status: str

    def fail_stopped(self, job) -> int:
        """Mark ``job`` failed when its worker stopped; how many jobs were."""
        return 0

    def get_object(self, queryset=None):
        job = super().get_object(queryset)
        if not job.is_finished and self.fail_stopped(job):
            job.refresh_from_db()
        return job

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["steps"] = [
            (status, label) for status, label in self.status_choices if status != self.failed_status
        ]
        context["partial_template"] = self.partial_template_name
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.request.headers.get("HX-Request"):
            response = render(self.request, self.partial_template_name, context)
            if self.object.is_finished:
                response.status_code = STOP_POLLING
            return response
        return super().render_to_response(context, **response_kwargs)
