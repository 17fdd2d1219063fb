"""`{% breadcrumbs %}`: the page's trail (core.wayfinding.breadcrumbs), fed by the view's
`crumb_title` and `crumb_tail` when it gives them."""

from django import template

from core.wayfinding.breadcrumbs import breadcrumbs as trail

register = template.Library()


@register.inclusion_tag("core/_breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context) -> dict:
    request = context.get("request")
    if request is None:
        return {"crumbs": []}
    return {
        "crumbs": trail(
            request, title=context.get("crumb_title"), tail=context.get("crumb_tail") or ()
        )
    }
