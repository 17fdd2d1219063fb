"""The title catalog (public schema, managed by the central office): series -> specialty ->
qualification at a level, the versioned section forms, and the qualification conditions.

Seeded from data files (core/catalog/*.json, workflow/forms/*.json) by `catalog.sync`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.catalog.ordering import form_sections
from tenants.translated import localized, pick, schema_text


class Level(models.TextChoices):
    JUNIOR = "junior", _("初级")
    INTERMEDIATE = "intermediate", _("中级")
    DEPUTY_SENIOR = "deputy_senior", _("副高级")
    SENIOR = "senior", _("正高级")


LEVEL_ORDER = [Level.JUNIOR, Level.INTERMEDIATE, Level.DEPUTY_SENIOR, Level.SENIOR]


class Series(models.Model):
    """系列, e.g. 中小学教师; `form_key` names its section form."""

    code = models.SlugField(_("代码"), max_length=64, unique=True)
    name = models.CharField(_("系列"), max_length=64)
    category = models.CharField(_("类别"), max_length=64, blank=True)
    name_en = models.CharField(_("系列（英文）"), max_length=96, blank=True, default="")
    name_ug = models.CharField(_("系列（维吾尔文）"), max_length=96, blank=True, default="")
    category_en = models.CharField(_("类别（英文）"), max_length=96, blank=True, default="")
    category_ug = models.CharField(_("类别（维吾尔文）"), max_length=96, blank=True, default="")
    form_key = models.SlugField(_("申请书表单"), max_length=32)
    sort_order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("启用"), default=True)
    # Set when the central office changes the row (closes, opens, renames, creates it): from
    # then on the data file no longer overrides it (see core.catalog.sync).
    edited_by_office = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("系列")
        verbose_name_plural = _("系列")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        """The series' name in the reader's language."""
        return localized(self, "name")

    @property
    def local_category(self) -> str:
        """The category in the reader's language."""
        return localized(self, "category")


class Specialty(models.Model):
    """专业 within a series."""

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="specialties")
    code = models.SlugField(_("代码"), max_length=96, unique=True)
    name = models.CharField(_("专业"), max_length=64)
    name_en = models.CharField(_("专业（英文）"), max_length=96, blank=True, default="")
    name_ug = models.CharField(_("专业（维吾尔文）"), max_length=96, blank=True, default="")
    group = models.CharField(_("专业组"), max_length=32, blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("启用"), default=True)
    # Set when the central office changes the row (closes, opens, renames, creates it): from
    # then on the data file no longer overrides it (see core.catalog.sync).
    edited_by_office = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("专业")
        verbose_name_plural = _("专业")
        ordering = ["series__sort_order", "sort_order", "code"]

    def __str__(self) -> str:
        return f"{self.series.local_name}/{self.local_name}"

    @property
    def local_name(self) -> str:
        """The specialty's name in the reader's language."""
        return localized(self, "name")


class Qualification(models.Model):
    """资格名称 at a level, e.g. 中小学教师/语文/二级教师 (初级)."""

    specialty = models.ForeignKey(
        Specialty, on_delete=models.PROTECT, related_name="qualifications"
    )
    code = models.SlugField(_("代码"), max_length=128, unique=True)
    level = models.CharField(_("级别"), max_length=16, choices=Level.choices)
    grade = models.CharField(
        _("等次"), max_length=16, blank=True, help_text=_("初级中的员级(clerk)或助理级(assistant)")
    )
    name = models.CharField(_("资格名称"), max_length=64)
    name_en = models.CharField(_("资格名称（英文）"), max_length=96, blank=True, default="")
    name_ug = models.CharField(_("资格名称（维吾尔文）"), max_length=96, blank=True, default="")
    sort_order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("启用"), default=True)
    # Set when the central office changes the row (closes, opens, renames, creates it): from
    # then on the data file no longer overrides it (see core.catalog.sync).
    edited_by_office = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("资格")
        verbose_name_plural = _("资格")
        ordering = ["specialty__series__sort_order", "specialty__sort_order", "sort_order"]

    def __str__(self) -> str:
        return f"{self.specialty.series.local_name}/{self.local_name}"

    @property
    def local_name(self) -> str:
        """The qualification's name in the reader's language."""
        return localized(self, "name")

    @property
    def label(self) -> str:
        """As the manual lists applications: `[中级]中小学教师/一级教师`. `Level(x).label`
        translates one label, where get_level_display() translates every choice."""
        return f"[{Level(self.level).label}]{self}"


class SectionForm(models.Model):
    """One version of a series' application form: its ordered sections with JSON Schemas.

    Versions are never edited once used: an application keeps the version it started with.
    """

    key = models.SlugField(_("表单"), max_length=32)
    version = models.PositiveIntegerField(_("版本"))
    title = models.CharField(_("标题"), max_length=128)
    definition = models.JSONField(_("定义"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("申请书表单")
        verbose_name_plural = _("申请书表单")
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="section_form_version"),
        ]
        ordering = ["key", "-version"]

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"

    @property
    def local_title(self) -> str:
        """The form's title in the reader's language (its translations live in the definition:
        the title itself is the version's column). A list that deferred the definition
        annotates `title_en`/`title_ug` instead (core.views.central.form_list)."""
        if "definition" in self.get_deferred_fields():
            return pick(self.title, {s: getattr(self, f"title_{s}", None) for s in ("en", "ug")})
        definition = self.definition if isinstance(self.definition, dict) else {}
        return schema_text({**definition, "title": self.title}, "title")

    @property
    def sections(self) -> list[dict]:
        """The sections with each schema's fields in the order of the form file (PostgreSQL's
        jsonb does not keep key order; the stored `x-order` lists restore it)."""
        return form_sections(self)


class ConditionSet(models.Model):
    """任职资格条件 of a series at a level: readable text and machine-checkable rules."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="conditions")
    level = models.CharField(_("级别"), max_length=16, choices=Level.choices)
    specialty_groups = models.JSONField(_("适用专业组"), default=list, blank=True)
    grade = models.CharField(_("等次"), max_length=16, blank=True)
    text = models.TextField(_("条件说明"))
    rules = models.JSONField(_("规则"), default=list, blank=True)
    version = models.PositiveIntegerField(_("版本"), default=1)

    class Meta:
        verbose_name = _("任职资格条件")
        verbose_name_plural = _("任职资格条件")
        ordering = ["series__sort_order", "level"]

    def __str__(self) -> str:
        return f"{self.series.local_name} {self.get_level_display()}"
