"""``{% geschiedenis_link obj %}``: a link to an object's audit trail, for coordinators."""

from django import template

from audit.registry import READ_PERMISSION, history_url, is_audited

register = template.Library()


@register.inclusion_tag("audit/_geschiedenis_link.html", takes_context=True)
def geschiedenis_link(context, obj, css="btn btn-outline-secondary"):
    request = context.get("request")
    user = getattr(request, "user", None)
    show = (
        user is not None
        and user.has_perm(READ_PERMISSION)
        and obj is not None
        and getattr(obj, "pk", None) is not None
        and is_audited(obj)
    )
    return {"url": history_url(obj) if show else None, "css": css}
