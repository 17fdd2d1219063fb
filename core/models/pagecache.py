"""The version of what many cached pages show besides their own rows (core.caching.pages)."""

from django.db import models


class ReferenceVersion(models.Model):
    """One row (pk 1): bumped in the transaction of every change to people, units, authorities
    and the title catalog, whose names and labels the cached pages print. Part of every cached
    page's key, so a renamed unit or a corrected phone number is never served from the cache."""

    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.version)
