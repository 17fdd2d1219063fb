"""The content-addressed file store (附件库), in the public schema.

A `Blob` is one stored file, keyed by the SHA-256 of its stored (cleaned) bytes: the same file
uploaded twice, by one person or by many, is stored once. A `LibraryItem` says that a person
has the file in their 附件库, under the name they uploaded it with. Files live under the private
root `MEDIA_ROOT/blobs/<sha[:2]>/<sha>`, never under a public URL; `core.files.blobs` writes, checks
and serves them.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SHA256_HEX = RegexValidator(r"^[0-9a-f]{64}\Z", _("SHA-256 必须是 64 位小写十六进制数。"))


class BlobType(models.TextChoices):
    JPEG = "image/jpeg", "JPEG"
    PNG = "image/png", "PNG"
    PDF = "application/pdf", "PDF"


class Blob(models.Model):
    """One stored file; its identity is the SHA-256 of the bytes on disk."""

    sha256 = models.CharField(
        "SHA-256", max_length=64, primary_key=True, validators=[SHA256_HEX], editable=False
    )
    size = models.PositiveIntegerField(_("大小（字节）"))
    content_type = models.CharField(_("文件类型"), max_length=32, choices=BlobType.choices)
    width = models.PositiveIntegerField(_("宽度（像素）"), null=True, blank=True)
    height = models.PositiveIntegerField(_("高度（像素）"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("页数"), null=True, blank=True)
    # Relative to MEDIA_ROOT, e.g. "blobs/ab/ab12…"; the thumbnail is stored beside it.
    path = models.CharField(_("存储路径"), max_length=200)
    thumbnail_path = models.CharField(_("缩略图路径"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("文件")
        verbose_name_plural = _("文件")

    def __str__(self) -> str:
        return self.sha256

    @property
    def is_image(self) -> bool:
        return self.content_type in {BlobType.JPEG, BlobType.PNG}


class LibraryItem(models.Model):
    """A file in a person's 附件库: reusable across their applications and regions."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("所有人"),
        on_delete=models.CASCADE,
        related_name="library_items",
    )
    # PROTECT: a stored file goes only when its last owner lets go (core.files.blobs).
    blob = models.ForeignKey(
        Blob, verbose_name=_("文件"), on_delete=models.PROTECT, related_name="library_items"
    )
    name = models.CharField(_("文件名"), max_length=255)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("附件库文件")
        verbose_name_plural = _("附件库文件")
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "blob"], name="library_item_owner_blob")
        ]
        indexes = [
            models.Index(fields=["owner", "-uploaded_at", "-id"], name="library_item_owner_recent")
        ]

    def __str__(self) -> str:
        return self.name
