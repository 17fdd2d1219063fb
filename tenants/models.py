"""Regions (tenants) and their host names. Both live in the public schema."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

from .directory import PUBLIC_CODE
from .translated import localized


class RegionQuerySet(models.QuerySet):
    def regions(self) -> "RegionQuerySet":
        """The real regions, without the public site's row, in the order of the selector."""
        return self.exclude(schema_name=PUBLIC_CODE).order_by("sort_order", "schema_name")


class Region(TenantMixin):
    """One region of Xinjiang; its code is its PostgreSQL schema name."""

    name = models.CharField(_("名称"), max_length=64)
    full_name = models.CharField(_("全称"), max_length=128, blank=True)
    name_en = models.CharField(_("名称（英文）"), max_length=64, blank=True, default="")
    name_ug = models.CharField(_("名称（维吾尔文）"), max_length=64, blank=True, default="")
    full_name_en = models.CharField(_("全称（英文）"), max_length=128, blank=True, default="")
    full_name_ug = models.CharField(_("全称（维吾尔文）"), max_length=128, blank=True, default="")
    is_south_four = models.BooleanField(
        _("南疆四地州"),
        default=False,
        help_text=_("定向评审、定向使用政策适用的地区"),
    )
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)
    created_at = models.DateTimeField(auto_now_add=True)

    auto_create_schema = True
    auto_drop_schema = False

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("地区")
        verbose_name_plural = _("地区")
        ordering = ["sort_order", "schema_name"]

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        """The name in the reader's language (Chinese when untranslated)."""
        return localized(self, "name")

    @property
    def local_full_name(self) -> str:
        """The full name in the reader's language (Chinese when untranslated)."""
        return localized(self, "full_name")

    @property
    def code(self) -> str:
        return self.schema_name

    @property
    def is_public(self) -> bool:
        return self.schema_name == PUBLIC_CODE


class Domain(DomainMixin):
    """A host name that routes to a region (or, for the base domain, to the public site)."""

    class Meta:
        verbose_name = _("域名")
        verbose_name_plural = _("域名")


class RoutingVersion(models.Model):
    """A single counter bumped whenever a region or domain changes.

    Each process caches the host -> region map and re-reads it only when this number moves,
    so routing costs no query on an ordinary request.
    """

    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("路由版本")

    def __str__(self) -> str:
        return str(self.version)
