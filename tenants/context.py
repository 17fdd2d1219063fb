"""Template context: the current region and the list for the region selector."""

from django.http import HttpRequest

from .directory import PUBLIC_CODE
from .links import region_choices


def region_context(request: HttpRequest) -> dict[str, object]:
    region = getattr(request, "tenant", None)
    is_region = region is not None and region.schema_name != PUBLIC_CODE
    return {
        "current_region": region if is_region else None,
        "region_choices": region_choices(request) if region is not None else [],
    }
