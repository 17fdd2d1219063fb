"""Password strength: length (settings) and character classes; no forced rotation."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_CLASSES = (re.compile(r"[a-z]"), re.compile(r"[A-Z]"), re.compile(r"\d"), re.compile(r"[^\w\s]|_"))


class CharacterClassValidator:
    """At least three of: lower-case letters, upper-case letters, digits, symbols."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: object = None) -> None:
        if sum(1 for pattern in _CLASSES if pattern.search(password)) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self) -> str:
        return _("密码须包含大写字母、小写字母、数字、符号中的至少三类。")
