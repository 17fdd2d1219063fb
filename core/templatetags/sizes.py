"""`{{ bytes|human_size }}`: a size as `core.files.blobs.human_size` writes it (2.3 MB)."""

from django import template

from core.files.blobs import human_size as _human_size

register = template.Library()


@register.filter
def human_size(size: int | None) -> str:
    return "" if size is None else _human_size(int(size))
